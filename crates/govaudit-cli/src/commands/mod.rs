//! One module per subcommand.

pub mod check;
pub mod headers;
pub mod rules;
