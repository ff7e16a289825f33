//! One module per subcommand.

pub mod check;
pub mod disclosure;
pub mod headers;
pub mod rules;
