use crate::Severity;
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;
use std::sync::{Arc, OnceLock};

/// A reference to a clause of a standard or an indicator, written `SCHEME:ID`:
/// `WCAG22:1.1.1`, `EN301549:9.1.1.1`, `GB/T37668-2019:5.1.1`, `CN-GOV-2019:...`,
/// `OMB-M-23-22:...`, `ACT:23a2a8`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StandardRef(pub String);

impl StandardRef {
    /// The part before the first `:` (`WCAG22`), or the whole text where there is none.
    pub fn scheme(&self) -> &str {
        self.0.split_once(':').map_or(self.0.as_str(), |(s, _)| s)
    }

    /// The part after the first `:` (`1.1.1`), or empty.
    pub fn clause(&self) -> &str {
        self.0.split_once(':').map_or("", |(_, c)| c)
    }
}

impl fmt::Display for StandardRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How closely a rule follows a peer's rule (biome's idea): the same verdicts, or inspired by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Fidelity {
    Same,
    Inspired,
}

/// A peer rule this rule implements: `ACT:23a2a8`, `axe:image-alt`, `observatory:hsts`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Source {
    pub id: &'static str,
    pub fidelity: Fidelity,
}

impl Source {
    pub const fn same(id: &'static str) -> Self {
        Source {
            id,
            fidelity: Fidelity::Same,
        }
    }

    pub const fn inspired(id: &'static str) -> Self {
        Source {
            id,
            fidelity: Fidelity::Inspired,
        }
    }

    /// The ACT rule id when this source is an ACT rule (`ACT:23a2a8` gives `23a2a8`).
    pub fn act_rule(&self) -> Option<&'static str> {
        self.id.strip_prefix("ACT:")
    }
}

/// Everything that is known about a rule before it runs. Declared with [`crate::declare_rule!`];
/// `govaudit rules` and the rule documentation are generated from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RuleMeta {
    /// `area/kebab-name`, stable across versions.
    pub id: &'static str,
    /// Severity of its findings unless the rule says otherwise for one finding.
    pub severity: Severity,
    /// Clauses of standards this rule checks (`WCAG22:1.1.1`, `EN301549:9.1.1.1`, ...).
    pub standards: &'static [&'static str],
    /// Peer rules it implements (`ACT:23a2a8`, `axe:image-alt`).
    pub sources: &'static [Source],
    /// The rule's doc comment: what it checks, why it matters, how to fix.
    #[serde(serialize_with = "serialize_docs")]
    pub docs: &'static str,
    /// Where what every finding of the rule shares is kept once built: [`crate::declare_rule!`]
    /// gives each rule its own; `None` (a `RuleMeta` written out by hand) builds it per finding.
    #[doc(hidden)]
    #[serde(skip)]
    pub cache: Option<&'static RuleCache>,
}

/// The references and help URI of a rule, built once and shared (`Arc`) by all its findings
/// instead of copied into each. Not part of a rule's identity: every cache compares equal.
#[doc(hidden)]
pub struct RuleCache(OnceLock<SharedMeta>);

/// What a [`RuleCache`] holds, with the metadata it was built from: a `RuleMeta` is `Copy` and
/// its fields public, so a copy with other standards keeps the original's cache and must not
/// get its references.
struct SharedMeta {
    id: &'static str,
    standards: &'static [&'static str],
    sources: &'static [Source],
    references: Arc<[String]>,
    help_uri: Arc<str>,
}

impl RuleCache {
    pub const fn new() -> Self {
        RuleCache(OnceLock::new())
    }
}

impl Default for RuleCache {
    fn default() -> Self {
        RuleCache::new()
    }
}

impl fmt::Debug for RuleCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RuleCache")
    }
}

impl PartialEq for RuleCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for RuleCache {}

fn serialize_docs<S: Serializer>(docs: &&'static str, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&unindent_docs(docs))
}

/// Doc comments arrive as `" text"` lines; drop the one space rustdoc leaves in front.
fn unindent_docs(raw: &str) -> String {
    let lines: Vec<&str> = raw
        .lines()
        .map(|line| line.strip_prefix(' ').unwrap_or(line))
        .collect();
    lines.join("\n").trim().to_owned()
}

impl RuleMeta {
    /// The area the rule belongs to: `a11y` for `a11y/image-alt`.
    pub fn area(&self) -> &'static str {
        self.id.split_once('/').map_or(self.id, |(area, _)| area)
    }

    /// The documentation as Markdown.
    pub fn documentation(&self) -> String {
        unindent_docs(self.docs)
    }

    /// The first paragraph of the documentation that is not a heading, on one line.
    pub fn summary(&self) -> String {
        let docs = self.documentation();
        let paragraph: Vec<&str> = docs
            .lines()
            .map(str::trim)
            .skip_while(|line| line.is_empty() || line.starts_with('#'))
            .take_while(|line| !line.is_empty() && !line.starts_with('#'))
            .collect();
        if paragraph.is_empty() {
            self.id.to_owned()
        } else {
            paragraph.join(" ")
        }
    }

    /// Standards followed by sources, as every finding of this rule carries them by default.
    /// A rule that checks a WCAG 2.0 A or AA criterion also names Section 508's E205.4, which
    /// incorporates them.
    pub fn references(&self) -> Vec<String> {
        let mut references = Vec::with_capacity(self.standards.len() + self.sources.len() + 1);
        references.extend(self.standards.iter().map(|s| (*s).to_owned()));
        let in_508 = self
            .standards
            .iter()
            .filter_map(|s| crate::wcag::criterion_of(s))
            .any(crate::wcag::in_section_508);
        if in_508 && !self.standards.contains(&crate::wcag::SECTION_508_WEB) {
            references.push(crate::wcag::SECTION_508_WEB.to_owned());
        }
        references.extend(self.sources.iter().map(|s| s.id.to_owned()));
        references
    }

    /// [`RuleMeta::references`] and [`RuleMeta::help_uri`] as findings share them: built once per
    /// rule (cached), or anew for a `RuleMeta` whose fields differ from what its cache was built
    /// from.
    pub(crate) fn shared(&self) -> (Arc<[String]>, Arc<str>) {
        if let Some(cache) = self.cache {
            let shared = cache.0.get_or_init(|| SharedMeta {
                id: self.id,
                standards: self.standards,
                sources: self.sources,
                references: self.references().into(),
                help_uri: self.help_uri().into(),
            });
            // Identity of the 'static data, not contents: cheap, and equal pointers mean equal
            // contents.
            if std::ptr::eq(shared.id, self.id)
                && std::ptr::eq(shared.standards, self.standards)
                && std::ptr::eq(shared.sources, self.sources)
            {
                return (Arc::clone(&shared.references), Arc::clone(&shared.help_uri));
            }
        }
        (self.references().into(), self.help_uri().into())
    }

    /// Where the rule's documentation is published.
    pub fn help_uri(&self) -> String {
        // Built by hand rather than with `format!`: every finding carries one.
        const BASE: &str = "https://govaudit.invalid/rules/";
        let mut uri = String::with_capacity(BASE.len() + self.id.len());
        uri.push_str(BASE);
        uri.push_str(self.id);
        uri
    }
}

/// `area/kebab-name`: lowercase ASCII letters and digits, words joined by single hyphens.
pub fn is_valid_rule_id(id: &str) -> bool {
    fn kebab(part: &str) -> bool {
        !part.is_empty()
            && part.split('-').all(|word| {
                !word.is_empty()
                    && word
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            })
    }
    match id.split_once('/') {
        Some((area, name)) => kebab(area) && kebab(name) && !name.contains('/'),
        None => false,
    }
}

/// Declares a rule's metadata from its doc comment, as clippy does: the `///` lines become
/// [`RuleMeta::docs`], so the documentation is written once.
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])+
        $vis:vis $name:ident = {
            id: $id:literal,
            severity: $severity:expr,
            standards: [$($standard:literal),* $(,)?],
            sources: [$($source:expr),* $(,)?] $(,)?
        }
    ) => {
        $(#[doc = $doc])+
        $vis static $name: $crate::RuleMeta = $crate::RuleMeta {
            id: $id,
            severity: $severity,
            standards: &[$($standard),*],
            sources: &[$($source),*],
            docs: concat!($($doc, "\n"),+),
            cache: {
                static CACHE: $crate::RuleCache = $crate::RuleCache::new();
                ::core::option::Option::Some(&CACHE)
            },
        };
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    crate::declare_rule! {
        /// ## What it checks
        /// Something
        /// testable.
        ///
        /// More.
        pub EXAMPLE = {
            id: "test/example-rule",
            severity: Severity::Low,
            standards: ["WCAG22:1.1.1"],
            sources: [Source::same("ACT:23a2a8"), Source::inspired("axe:image-alt")],
        }
    }

    #[test]
    fn macro_turns_doc_comment_into_docs() {
        assert_eq!(
            EXAMPLE.documentation(),
            "## What it checks\nSomething\ntestable.\n\nMore."
        );
        assert_eq!(EXAMPLE.summary(), "Something testable.");
        assert_eq!(EXAMPLE.area(), "test");
        assert_eq!(
            EXAMPLE.references(),
            [
                "WCAG22:1.1.1",
                "Section508:E205.4",
                "ACT:23a2a8",
                "axe:image-alt"
            ]
        );
        assert_eq!(EXAMPLE.sources[0].act_rule(), Some("23a2a8"));
        assert_eq!(EXAMPLE.sources[1].act_rule(), None);
    }

    #[test]
    fn rule_ids_are_area_slash_kebab() {
        assert!(is_valid_rule_id("a11y/image-alt"));
        assert!(is_valid_rule_id("headers/hsts-max-age-short"));
        for bad in [
            "image-alt",
            "a11y/",
            "/x",
            "a11y/Image",
            "a11y/image--alt",
            "a11y/a/b",
            "a11y/-x",
        ] {
            assert!(!is_valid_rule_id(bad), "{bad}");
        }
    }

    #[test]
    fn standard_ref_splits_scheme_and_clause() {
        let r = StandardRef("GB/T37668-2019:5.1.1".into());
        assert_eq!(r.scheme(), "GB/T37668-2019");
        assert_eq!(r.clause(), "5.1.1");
    }
}
