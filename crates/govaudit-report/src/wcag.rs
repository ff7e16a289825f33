//! WCAG 2 success criteria by id, as EARL and the W3C ACT implementation reports name them
//! (`WCAG2:text-spacing`): the table is `govaudit_core::wcag`'s, with each criterion's level.

use govaudit_core::wcag::criterion;

/// The id of WCAG 2 success criterion `number` (`1.4.12` gives `text-spacing`).
pub fn success_criterion_id(number: &str) -> Option<&'static str> {
    criterion(number).map(|c| c.slug)
}

#[cfg(test)]
mod tests {
    use super::*;
    use govaudit_core::wcag::CRITERIA;

    #[test]
    fn numbers_and_ids_are_unique_and_well_formed() {
        let mut numbers: Vec<&str> = CRITERIA.iter().map(|c| c.id).collect();
        let mut ids: Vec<&str> = CRITERIA.iter().map(|c| c.slug).collect();
        numbers.sort_unstable();
        numbers.dedup();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(numbers.len(), 87);
        assert_eq!(ids.len(), 87);
        assert!(
            ids.iter()
                .all(|id| id.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
        );
    }

    #[test]
    fn numbers_give_ids() {
        assert_eq!(success_criterion_id("1.4.12"), Some("text-spacing"));
        assert_eq!(success_criterion_id("1.1.1"), Some("non-text-content"));
        assert_eq!(success_criterion_id("4.1.2"), Some("name-role-value"));
        assert_eq!(success_criterion_id("9.9.9"), None);
    }
}
