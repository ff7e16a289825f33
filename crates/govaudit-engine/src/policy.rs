//! What a team decides about findings, applied before they leave the run: rules switched off,
//! severities changed, findings ignored by URL pattern, rule and selector, inline ignore
//! comments in pages, and a baseline of known findings (after which only new findings fail a
//! run, so CI can gate a real site without fixing everything first).

use globset::{Glob, GlobMatcher};
use govaudit_core::{Finding, Severity};
use std::collections::HashSet;

/// A rule id or a glob over rule ids (`a11y/*`).
#[derive(Debug, Clone)]
pub struct RulePattern(GlobMatcher);

impl RulePattern {
    pub fn new(pattern: &str) -> Result<RulePattern, PolicyError> {
        Glob::new(pattern)
            .map(|g| RulePattern(g.compile_matcher()))
            .map_err(|e| PolicyError::Pattern(pattern.to_owned(), e.to_string()))
    }

    pub fn matches(&self, rule: &str) -> bool {
        self.0.is_match(rule)
    }
}

/// Findings to leave out: of these rules (all when empty), on URLs matching `url`, at elements
/// whose selector starts with `selector`.
#[derive(Debug, Clone, Default)]
pub struct Ignore {
    pub rules: Vec<RulePattern>,
    pub url: Option<GlobMatcher>,
    pub selector: Option<String>,
}

impl Ignore {
    fn matches(&self, finding: &Finding) -> bool {
        (self.rules.is_empty() || self.rules.iter().any(|r| r.matches(&finding.rule)))
            && self.url.as_ref().is_none_or(|u| u.is_match(&finding.url))
            && self.selector.as_deref().is_none_or(|wanted| {
                finding
                    .location
                    .selector
                    .as_deref()
                    .is_some_and(|s| s.starts_with(wanted))
            })
    }
}

/// Why a policy cannot be built.
#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    #[error("invalid pattern {0:?}: {1}")]
    Pattern(String, String),
}

/// The decisions, applied to every finding of a run.
#[derive(Debug, Clone, Default)]
pub struct Policy {
    /// Rules that do not report at all.
    pub off: Vec<RulePattern>,
    /// Severity overrides; the last matching one wins.
    pub severity: Vec<(RulePattern, Severity)>,
    pub ignore: Vec<Ignore>,
    /// Fingerprints of known findings (`govaudit_report::finding_fingerprint`): left out, and
    /// counted.
    pub baseline: HashSet<String>,
    /// Honour `<!-- govaudit-ignore ... -->` comments in pages.
    pub inline_ignores: bool,
}

/// How many findings a policy left out, by reason.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Suppressed {
    pub off: usize,
    pub ignored: usize,
    pub inline: usize,
    pub baseline: usize,
}

impl Policy {
    pub fn is_empty(&self) -> bool {
        self.off.is_empty()
            && self.severity.is_empty()
            && self.ignore.is_empty()
            && self.baseline.is_empty()
            && !self.inline_ignores
    }

    /// Applies the decisions to one resource's findings (`inline`: the page's own ignore
    /// comments, when it is a page).
    pub fn apply(
        &self,
        findings: &mut Vec<Finding>,
        inline: &[InlineIgnore],
        fingerprint: impl Fn(&Finding) -> String,
        suppressed: &mut Suppressed,
    ) {
        findings.retain_mut(|finding| {
            if self.off.iter().any(|r| r.matches(&finding.rule)) {
                suppressed.off += 1;
                return false;
            }
            if self.ignore.iter().any(|i| i.matches(finding)) {
                suppressed.ignored += 1;
                return false;
            }
            if self.inline_ignores && inline.iter().any(|i| i.covers(finding)) {
                suppressed.inline += 1;
                return false;
            }
            if let Some((_, severity)) = self
                .severity
                .iter()
                .rev()
                .find(|(r, _)| r.matches(&finding.rule))
            {
                finding.severity = *severity;
            }
            if !self.baseline.is_empty() && self.baseline.contains(&fingerprint(finding)) {
                suppressed.baseline += 1;
                return false;
            }
            true
        });
    }
}

/// An ignore comment in a page: `<!-- govaudit-ignore RULE... -->` covers findings of those
/// rules (all rules when none is named) on the comment's line and the next line;
/// `<!-- govaudit-ignore-file RULE... -->` covers the whole page.
#[derive(Debug, Clone)]
pub struct InlineIgnore {
    /// `None`: the whole page.
    pub line: Option<u32>,
    pub rules: Vec<RulePattern>,
}

impl InlineIgnore {
    fn covers(&self, finding: &Finding) -> bool {
        let at_line = match (self.line, finding.location.line) {
            (None, _) => true,
            (Some(comment), Some(line)) => line == comment || line == comment + 1,
            (Some(_), None) => false,
        };
        at_line && (self.rules.is_empty() || self.rules.iter().any(|r| r.matches(&finding.rule)))
    }
}

const DIRECTIVE: &[u8] = b"govaudit-ignore";

/// The ignore comments of a page source (bytes as served; the directive is ASCII in every
/// encoding pages use, so it is found without decoding).
pub fn inline_ignores(source: &[u8]) -> Vec<InlineIgnore> {
    let mut found = Vec::new();
    let mut line = 1u32;
    let mut counted_to = 0usize;
    let mut from = 0usize;
    while let Some(at) = memchr::memmem::find(&source[from..], DIRECTIVE).map(|i| i + from) {
        line += memchr::memchr_iter(b'\n', &source[counted_to..at]).count() as u32;
        counted_to = at;
        from = at + DIRECTIVE.len();
        // Only inside a comment: the directive follows `<!--` and white space.
        let before = &source[..at];
        let trimmed = before
            .iter()
            .rposition(|b| !b.is_ascii_whitespace())
            .map_or(&before[..0], |end| &before[..=end]);
        if !trimmed.ends_with(b"<!--") {
            continue;
        }
        let rest = &source[from..];
        let end = memchr::memmem::find(rest, b"-->").unwrap_or(rest.len().min(1024));
        let body = String::from_utf8_lossy(&rest[..end]);
        let (whole_file, words) = match body.strip_prefix("-file") {
            Some(words) => (true, words),
            None => (false, body.as_ref()),
        };
        if !words.is_empty() && !words.starts_with(char::is_whitespace) {
            continue;
        }
        let rules = words
            .split_whitespace()
            .filter_map(|w| RulePattern::new(w).ok())
            .collect();
        found.push(InlineIgnore {
            line: (!whole_file).then_some(line),
            rules,
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use govaudit_core::{Location, Outcome, RuleMeta};

    static IMAGE_ALT: RuleMeta = RuleMeta {
        id: "a11y/image-alt",
        severity: Severity::High,
        standards: &[],
        sources: &[],
        docs: "Test.",
        cache: None,
    };

    fn finding(line: u32, url: &str) -> Finding {
        Finding::new(
            &IMAGE_ALT,
            Outcome::Fail,
            url,
            Location {
                line: Some(line),
                selector: Some("#footer > img".into()),
                ..Location::default()
            },
            "x",
        )
    }

    #[test]
    fn comments_cover_their_line_and_the_next() {
        let page = b"<p>\n<!-- govaudit-ignore a11y/image-alt -->\n<img>\n<img>\n<!--govaudit-ignore-file links/*-->";
        let inline = inline_ignores(page);
        assert_eq!(inline.len(), 2);
        assert_eq!(inline[0].line, Some(2));
        assert_eq!(inline[1].line, None);
        let policy = Policy {
            inline_ignores: true,
            ..Policy::default()
        };
        let mut found = vec![finding(3, "a.html"), finding(4, "a.html")];
        let mut suppressed = Suppressed::default();
        policy.apply(&mut found, &inline, |_| String::new(), &mut suppressed);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].location.line, Some(4));
        assert_eq!(suppressed.inline, 1);
        // Text that is not a comment does not count.
        assert!(inline_ignores(b"<p>govaudit-ignore</p>").is_empty());
        assert!(inline_ignores(b"<!-- govaudit-ignored -->").is_empty());
    }

    #[test]
    fn off_ignore_severity_and_baseline() {
        let mut found = vec![
            finding(1, "site/a.html"),
            finding(2, "site/archive/b.html"),
            finding(3, "site/c.html"),
        ];
        let policy = Policy {
            ignore: vec![Ignore {
                rules: vec![RulePattern::new("a11y/*").unwrap()],
                url: Some(Glob::new("**/archive/**").unwrap().compile_matcher()),
                selector: Some("#footer".into()),
            }],
            severity: vec![(RulePattern::new("a11y/image-alt").unwrap(), Severity::Low)],
            baseline: HashSet::from(["site/c.html".to_owned()]),
            ..Policy::default()
        };
        let mut suppressed = Suppressed::default();
        policy.apply(&mut found, &[], |f| f.url.clone(), &mut suppressed);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].url, "site/a.html");
        assert_eq!(found[0].severity, Severity::Low);
        assert_eq!((suppressed.ignored, suppressed.baseline), (1, 1));
        let off = Policy {
            off: vec![RulePattern::new("a11y/image-*").unwrap()],
            ..Policy::default()
        };
        let mut found = vec![finding(1, "a")];
        off.apply(&mut found, &[], |_| String::new(), &mut suppressed);
        assert!(found.is_empty());
    }
}
