//! One module per subcommand.

pub mod audit;
pub mod check;
pub mod disclosure;
pub mod headers;
pub mod links;
pub mod monitor;
pub mod profile;
pub mod rules;
