//! The one registry shape of every checking crate: [`Rule`] and [`crate::declare_registry!`].

use crate::RuleMeta;

/// A registered rule: its metadata and its check.
///
/// `Check` is the crate's check signature, a function pointer over the crate's own context
/// (`fn(&Page<'_>, &mut Collector)`), or an `Option` of one where some rules are reported from
/// elsewhere. Generic over the whole signature rather than the context type: a context borrows
/// (`Page<'a>`), and only a function pointer type can say "for every lifetime". Crates name
/// their instance with [`crate::declare_registry!`] rather than spelling it out.
#[derive(Debug, Clone, Copy)]
pub struct Rule<Check> {
    /// What is known about the rule before it runs.
    pub meta: &'static RuleMeta,
    /// How the crate runs it.
    pub check: Check,
}

/// Declares a checking crate's registry from one line per rule, written by hand in the order
/// the rules run (which is the order of their findings).
///
/// A line `module::META` registers the rule file's metadata with its `module::check`, the house
/// layout; `module::META => expression` gives the check explicitly (`None` for a rule that has
/// no check of its own, `Some(module::check)` beside it). `check:` is the type every check has;
/// doc comments above it document the crate's `Rule`.
/// The macro defines, in the module where it is used:
///
/// - `pub type Rule = govaudit_core::Rule<check type>`;
/// - `pub static RULES: &[Rule]`, the rules in the order listed;
/// - `pub fn rules() -> impl Iterator<Item = &'static RuleMeta>`, their metadata in that order
///   (for `govaudit rules`, SARIF and the documentation).
///
/// ```
/// use govaudit_core::{Collector, declare_registry};
///
/// /// What the rules of this crate read: one page, borrowed.
/// pub struct Page<'a> {
///     pub title: Option<&'a str>,
/// }
///
/// mod document_title {
///     use super::Page;
///     use govaudit_core::{Collector, Location, Severity, declare_rule};
///
///     declare_rule! {
///         /// Pages must have a title.
///         pub DOCUMENT_TITLE = {
///             id: "example/document-title",
///             severity: Severity::High,
///             standards: ["WCAG22:2.4.2"],
///             sources: [],
///         }
///     }
///
///     pub fn check(page: &Page<'_>, out: &mut Collector) {
///         if page.title.is_none() {
///             out.fail(&DOCUMENT_TITLE, Location::default(), "The page has no <title>.");
///         }
///     }
/// }
///
/// mod title_length {
///     use govaudit_core::{Severity, declare_rule};
///
///     declare_rule! {
///         /// Titles are judged elsewhere, from the whole site.
///         pub TITLE_LENGTH = {
///             id: "example/title-length",
///             severity: Severity::Low,
///             standards: [],
///             sources: [],
///         }
///     }
/// }
///
/// declare_registry! {
///     /// Rules without a check are reported from the site as a whole.
///     check: Option<fn(&Page<'_>, &mut Collector)>,
///     rules: [
///         document_title::DOCUMENT_TITLE => Some(document_title::check),
///         title_length::TITLE_LENGTH => None,
///     ],
/// }
///
/// fn main() {
///     let ids: Vec<&str> = rules().map(|meta| meta.id).collect();
///     assert_eq!(ids, ["example/document-title", "example/title-length"]);
///
///     let page = Page { title: None };
///     let mut out = Collector::new("index.html");
///     for rule in RULES {
///         if let Some(check) = rule.check {
///             check(&page, &mut out);
///         }
///     }
///     assert_eq!(out.into_findings()[0].rule, "example/document-title");
/// }
/// ```
#[macro_export]
macro_rules! declare_registry {
    (
        $(#[$check_doc:meta])*
        check: $check:ty,
        rules: [
            $($module:ident :: $meta:ident $(=> $explicit:expr)?),* $(,)?
        ] $(,)?
    ) => {
        /// A rule of this crate: its metadata and its check.
        $(#[$check_doc])*
        pub type Rule = $crate::Rule<$check>;

        /// Every rule of this crate, in the order they run.
        pub static RULES: &[Rule] = &[
            $(Rule {
                meta: &$module::$meta,
                check: $crate::__registry_check!($module $(, $explicit)?),
            }),*
        ];

        /// The metadata of every rule of this crate, in registry order (for `govaudit rules`).
        pub fn rules() -> impl ::core::iter::Iterator<Item = &'static $crate::RuleMeta> {
            RULES.iter().map(|rule| rule.meta)
        }
    };
}

/// A registry line's check: the explicit one, else the rule module's `check`.
#[doc(hidden)]
#[macro_export]
macro_rules! __registry_check {
    ($module:ident) => {
        $module::check
    };
    ($module:ident, $explicit:expr) => {
        $explicit
    };
}

#[cfg(test)]
mod tests {
    use crate::{Collector, Finding, Severity};

    /// A context that borrows, as every crate's does.
    struct Text<'a> {
        words: Vec<&'a str>,
    }

    mod long_word {
        use super::Text;
        use crate::{Collector, Location, Severity};

        crate::declare_rule! {
            /// Words must be short.
            pub LONG_WORD = {
                id: "test/long-word",
                severity: Severity::Medium,
                standards: [],
                sources: [],
            }
        }

        pub fn check(text: &Text<'_>, out: &mut Collector) {
            for word in text.words.iter().filter(|w| w.len() > 5) {
                out.fail(&LONG_WORD, Location::default(), format!("{word} is long"));
            }
        }
    }

    mod empty_text {
        use super::Text;
        use crate::{Collector, Location, Severity};

        crate::declare_rule! {
            /// Text must have words.
            pub EMPTY_TEXT = {
                id: "test/empty-text",
                severity: Severity::High,
                standards: [],
                sources: [],
            }
        }

        pub fn check(text: &Text<'_>, out: &mut Collector) {
            if text.words.is_empty() {
                out.fail(&EMPTY_TEXT, Location::default(), "no words");
            }
        }

        /// Another check of the same file, registered explicitly.
        pub fn check_shouting(text: &Text<'_>, out: &mut Collector) {
            if text
                .words
                .iter()
                .any(|w| w.bytes().all(|b| b.is_ascii_uppercase()))
            {
                out.review(&EMPTY_TEXT, Location::default(), "shouting");
            }
        }
    }

    mod from_verdicts {
        use crate::Severity;

        crate::declare_rule! {
            /// Reported from somewhere else.
            pub FROM_VERDICTS = {
                id: "test/from-verdicts",
                severity: Severity::Low,
                standards: [],
                sources: [],
            }
        }
    }

    /// Every rule has a check, most by the house layout.
    mod checked {
        use super::{Text, empty_text, long_word};
        use crate::Collector;

        crate::declare_registry! {
            check: fn(&Text<'_>, &mut Collector),
            rules: [
                long_word::LONG_WORD,
                empty_text::EMPTY_TEXT => empty_text::check_shouting,
                empty_text::EMPTY_TEXT,
            ],
        }
    }

    /// Some rules have no check of their own.
    mod optional {
        use super::{Text, from_verdicts, long_word};
        use crate::Collector;

        crate::declare_registry! {
            /// Rules without a check are reported from somewhere else.
            check: Option<fn(&Text<'_>, &mut Collector)>,
            rules: [
                from_verdicts::FROM_VERDICTS => None,
                long_word::LONG_WORD => Some(long_word::check)
            ]
        }
    }

    fn run_checked(words: &str) -> Vec<Finding> {
        // The text lives only as long as this call: checks take any lifetime.
        let owned = words.to_owned();
        let text = Text {
            words: owned.split_whitespace().collect(),
        };
        let mut out = Collector::new("text");
        for rule in checked::RULES {
            (rule.check)(&text, &mut out);
        }
        out.into_findings()
    }

    #[test]
    fn rules_keep_the_order_listed() {
        let ids: Vec<&str> = checked::rules().map(|meta| meta.id).collect();
        assert_eq!(
            ids,
            ["test/long-word", "test/empty-text", "test/empty-text"]
        );
        let ids: Vec<&str> = optional::rules().map(|meta| meta.id).collect();
        assert_eq!(ids, ["test/from-verdicts", "test/long-word"]);
        assert!(std::ptr::eq(checked::RULES[0].meta, &long_word::LONG_WORD));
        assert_eq!(checked::RULES[1].meta.severity, Severity::High);
        // Registries can be printed and copied whatever their check type.
        let copied = optional::RULES[1];
        assert!(format!("{copied:?}").contains("test/long-word"));
    }

    #[test]
    fn house_layout_lines_run_the_module_check_and_explicit_lines_their_own() {
        let findings = run_checked("LOUD");
        let messages: Vec<&str> = findings.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(messages, ["shouting"]);

        let findings = run_checked("");
        let messages: Vec<&str> = findings.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(messages, ["no words"]);

        let findings = run_checked("tiny enormous EXTRAORDINARY");
        let summary: Vec<(&str, &str)> = findings
            .iter()
            .map(|f| (f.rule.as_str(), f.message.as_str()))
            .collect();
        assert_eq!(
            summary,
            [
                ("test/long-word", "enormous is long"),
                ("test/long-word", "EXTRAORDINARY is long"),
                ("test/empty-text", "shouting"),
            ]
        );
    }

    #[test]
    fn rules_without_a_check_are_listed_but_not_run() {
        assert!(optional::RULES[0].check.is_none());
        let text = Text {
            words: vec!["enormous"],
        };
        let mut out = Collector::new("text");
        for check in optional::RULES.iter().filter_map(|rule| rule.check) {
            check(&text, &mut out);
        }
        let rules: Vec<String> = out.into_findings().into_iter().map(|f| f.rule).collect();
        assert_eq!(rules, ["test/long-word"]);
    }
}
