//! Typed parsers at the edge: each header value becomes a typed value once, raw text kept for
//! evidence. Rules work on these values, never on strings.

mod cookie;
mod hsts;
mod simple;
mod structured;

pub use cookie::{CookiePrefix, SameSite, SetCookie};
pub use hsts::{HstsError, HstsPolicy};
pub use simple::{
    CacheControl, REFERRER_POLICY_TOKENS, ReferrerPolicy, XContentTypeOptions, XFrameOptions,
};
pub use structured::{
    FeatureStatus, PermissionsPolicy, StructuredError, StructuredPolicy, feature_status,
};

/// Values longer than this are reported (`headers/value-oversized`); the Observatory cuts most
/// values at 1024 characters, and Node refuses a head whose reason phrase, names and values
/// reach 16 KiB ([`crate::exchange::NODE_MAX_HEADER_BYTES`]).
pub const MAX_VALUE_BYTES: usize = 8 * 1024;
