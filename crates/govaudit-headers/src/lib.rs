//! Security-header auditing for govaudit: typed parsers for the security headers, every Google
//! CSP Evaluator check, neutral findings with the header value as evidence, and MDN HTTP
//! Observatory-compatible scoring (algorithms 4, 5 and 6), all over a recorded exchange.
//!
//! The library does no I/O and never prints: give it an [`Exchange`] (read with
//! [`input::parse_input`] from a recorded exchange, a `curl -sI` head or a HAR file).

pub mod csp;
pub mod csp_evaluator;
pub mod exchange;
pub mod html;
pub mod input;
pub mod observatory;
pub mod parse;
pub mod preload;
mod rules;
mod tables;

pub use exchange::{Exchange, Hop, RedirectCookie};
pub use input::{InputError, parse_input};
pub use observatory::{Algorithm, ObservatoryError, ObservatoryResult, observatory};
pub use preload::{PreloadError, PreloadList};
pub use rules::{Audit, Context, RULES, Rule, audit, check, check_with, rules};
