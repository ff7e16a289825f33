//! Every rule of every checking crate: what `govaudit rules` lists and what SARIF output
//! describes. Each crate owns its registry; this only puts them side by side.

use govaudit_core::RuleMeta;

/// All rules, sorted by id.
pub fn all_rules() -> Vec<&'static RuleMeta> {
    let mut rules: Vec<&'static RuleMeta> = govaudit_a11y::rules()
        .chain(govaudit_headers::rules())
        .chain(govaudit_disclosure::rules())
        .chain(govaudit_links::rules())
        .chain(govaudit_content::rules())
        .collect();
    rules.sort_by_key(|r| r.id);
    rules
}

/// The rule with this id.
pub fn find_rule(id: &str) -> Option<&'static RuleMeta> {
    all_rules().into_iter().find(|r| r.id == id)
}
