//! Benchmarks live in `benches/`; see README.md.
//!
//! [`BinaryAllocator`] is the global allocator of the `govaudit` binary; a bench that measures
//! what the binary does installs it too:
//!
//! ```ignore
//! #[global_allocator]
//! static ALLOCATOR: govaudit_benches::BinaryAllocator = govaudit_benches::BinaryAllocator;
//! ```

pub use mimalloc::MiMalloc as BinaryAllocator;
