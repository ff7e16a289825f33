//! Language tags as the ACT rules judge them: a tag is valid when its primary language subtag is
//! in the IANA Language Subtag Registry (ACT definition "valid language tag"). Region, script and
//! variant subtags are not checked: browsers and screen readers choose a voice by the primary
//! subtag, and `en-US-GB` is valid for the ACT rules.

mod subtags;

use subtags::PRIMARY_LANGUAGE_SUBTAGS;

/// The primary language subtag of `tag`, lowercase (`zh` for `zh-Hans-CN`), after trimming
/// ASCII whitespace; `None` when it is empty.
pub(crate) fn primary_subtag(tag: &str) -> Option<String> {
    let primary = tag
        .trim_matches(|c: char| c.is_ascii_whitespace())
        .split('-')
        .next()?;
    (!primary.is_empty()).then(|| primary.to_ascii_lowercase())
}

/// Whether `tag` is a valid language tag: its primary subtag is a registered language subtag or
/// in the private-use range `qaa`..`qtz`. `eng` (registered as `en`), `i-lux` (grandfathered,
/// primary `i`) and `dutch` are not.
pub(crate) fn is_valid_language_tag(tag: &str) -> bool {
    let Some(primary) = primary_subtag(tag) else {
        return false;
    };
    if !primary.bytes().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    is_private_use(&primary)
        || PRIMARY_LANGUAGE_SUBTAGS
            .binary_search(&primary.as_str())
            .is_ok()
}

fn is_private_use(primary: &str) -> bool {
    let b = primary.as_bytes();
    b.len() == 3 && b[0] == b'q' && (b'a'..=b't').contains(&b[1]) && b[2].is_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn any_tag_is_judged_without_panic(s in "\\PC*") {
            let _ = is_valid_language_tag(&s);
            let _ = primary_subtag(&s);
        }
    }

    #[test]
    fn the_registry_table_is_sorted_for_binary_search() {
        assert!(PRIMARY_LANGUAGE_SUBTAGS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn valid_tags_as_in_the_act_examples() {
        for tag in [
            "FR", "en-US-GB", "zh-CN", "zh-Hans", "yue", "EN", "fr-CH", " en ", "qab",
        ] {
            assert!(is_valid_language_tag(tag), "{tag}");
        }
        for tag in [
            "em-US", "#1", "eng", "i-lux", "dutch", "#!", "  ", "", "english", "invalid",
        ] {
            assert!(!is_valid_language_tag(tag), "{tag}");
        }
    }

    #[test]
    fn primary_subtag_is_lowercase_first_part() {
        assert_eq!(primary_subtag("zh-Hans-CN").as_deref(), Some("zh"));
        assert_eq!(primary_subtag("   "), None);
    }
}
