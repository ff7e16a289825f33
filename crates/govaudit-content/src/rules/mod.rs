//! The registry: one line per rule, written by hand (`declare_registry!`).

use crate::Page;
use govaudit_core::Collector;

mod hidden_link;
mod injected_script;
pub(crate) mod outbound_drift;
pub(crate) mod outbound_target;
mod outdated_expression;

govaudit_core::declare_registry! {
    check: fn(&Page<'_>, &mut Collector),
    rules: [
        hidden_link::HIDDEN_LINK,
        injected_script::INJECTED_SCRIPT,
        outdated_expression::OUTDATED_EXPRESSION,
        outbound_target::OUTBOUND_TARGET,
        outbound_drift::OUTBOUND_DRIFT,
    ]
}
