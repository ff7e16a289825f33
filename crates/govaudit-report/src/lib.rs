//! Writes a govaudit [`Report`] for its readers: [`Format::Text`] for people at a terminal,
//! [`Format::Json`] (the stable `govaudit/1` form), [`Format::Jsonl`] for streaming into other
//! tools, and [`Format::Sarif`] for code scanning.
//!
//! The library decides nothing about the environment: the caller says whether to colour
//! ([`TextStyle`]) and where to write.
//!
//! Every format is written by a [`ReportStream`], which takes one checked resource at a time
//! and writes its findings at once (a run over a large site never holds every finding);
//! [`render`] feeds a finished [`Report`] through the same stream.
//!
//! ```
//! use govaudit_core::{declare_rule, Collector, Location, Report, Severity};
//! use govaudit_report::{render, Format, TextStyle};
//!
//! declare_rule! {
//!     /// Pages must have a title.
//!     pub PAGE_TITLE = { id: "a11y/document-title", severity: Severity::High,
//!                        standards: ["WCAG22:2.4.2"], sources: [] }
//! }
//! let mut found = Collector::new("index.html");
//! found.fail(&PAGE_TITLE, Location::at_line(1), "The page has no <title>.");
//! let mut report = Report::new();
//! report.add_resource("index.html", found.into_findings());
//! report.finish();
//!
//! let mut out = Vec::new();
//! render(&report, &[&PAGE_TITLE], Format::Sarif, TextStyle::plain(), &mut out)?;
//! assert!(String::from_utf8_lossy(&out).contains("\"ruleId\": \"a11y/document-title\""));
//! # Ok::<(), govaudit_report::ReportError>(())
//! ```

mod earl;
mod fingerprint;
pub mod html;
mod json;
mod sarif;
mod stream;
mod text;
mod uri;
mod wcag;

use govaudit_core::{Report, RuleMeta};
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::io::Write;
use std::str::FromStr;

pub use earl::{
    EARL_CONTEXT_URL, EarlSources, earl_context, earl_report, earl_report_with_sources, write_earl,
};
pub use fingerprint::finding_fingerprint;
/// The language of text output ([`TextStyle::lang`]).
pub use govaudit_i18n::Lang;
pub use json::{write_json, write_jsonl};
pub use sarif::{SARIF_SCHEMA_URI, sarif_log, write_sarif};
pub use stream::ReportStream;
pub use text::{escape_for_terminal, write_text};
pub use uri::uri_reference;
pub use wcag::success_criterion_id;

/// An output format, named on the command line by its lowercase name (`--format sarif`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// For people: each resource's findings as it finishes, then a summary by rule and by page.
    Text,
    /// The whole report as one pretty-printed `govaudit/1` document.
    Json,
    /// One JSON object per line: findings, notes, then a summary.
    Jsonl,
    /// SARIF 2.1.0, one run.
    Sarif,
    /// EARL JSON-LD, as W3C ACT implementation reports (outcomes per rule and resource).
    Earl,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Text,
        Format::Json,
        Format::Jsonl,
        Format::Sarif,
        Format::Earl,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Sarif => "sarif",
            Format::Earl => "earl",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown format {0:?}: expected text, json, jsonl, sarif or earl")]
pub struct ParseFormatError(pub String);

impl FromStr for Format {
    type Err = ParseFormatError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(text.trim()))
            .ok_or_else(|| ParseFormatError(text.to_owned()))
    }
}

/// How text output looks. The CLI fills it from the terminal and `NO_COLOR`; the library never
/// looks at the environment itself.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TextStyle {
    /// Whether to write ANSI colour and bold codes.
    pub color: bool,
    /// At most this many `review` findings are listed per rule over the whole run, the rest
    /// counted in the summary by rule (page-level review rules otherwise repeat once per page
    /// and bury the failures); `None` lists them all. Failing findings are always listed.
    pub review_limit: Option<usize>,
    /// The language of headings, rule titles and messages. English shows each finding's own
    /// message; another language shows the rule's title and message from its catalog, with the
    /// English message (which carries the specifics) as a detail line.
    pub lang: Lang,
}

impl TextStyle {
    /// No escape codes: for files, pipes and `NO_COLOR`. Every finding listed.
    pub const fn plain() -> Self {
        TextStyle {
            color: false,
            review_limit: None,
            lang: Lang::En,
        }
    }

    pub const fn colored() -> Self {
        TextStyle {
            color: true,
            review_limit: None,
            lang: Lang::En,
        }
    }

    /// The same style with colour on or off.
    pub const fn with_color(self, color: bool) -> Self {
        TextStyle { color, ..self }
    }

    /// The same style in another language.
    pub const fn with_lang(self, lang: Lang) -> Self {
        TextStyle { lang, ..self }
    }

    /// The same style listing at most `limit` review findings per rule.
    pub const fn with_review_limit(self, limit: Option<usize>) -> Self {
        TextStyle {
            review_limit: limit,
            ..self
        }
    }
}

/// Why a report could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("cannot write the report: {0}")]
    Io(#[from] std::io::Error),
    #[error("cannot serialise the report as JSON: {0}")]
    Json(serde_json::Error),
    /// A command section named like a member of the `govaudit/1` document (`findings`, ...).
    #[error("a report section cannot be named {0:?}: the govaudit/1 document uses that name")]
    ReservedSection(String),
}

/// serde_json wraps the writer's errors; give them back as I/O errors, so a closed pipe reads as
/// one (the CLI exits quietly on `BrokenPipe`).
impl From<serde_json::Error> for ReportError {
    fn from(error: serde_json::Error) -> Self {
        if error.is_io() {
            ReportError::Io(error.into())
        } else {
            ReportError::Json(error)
        }
    }
}

/// Writes `report` in `format` by feeding a [`ReportStream`]: each resource of
/// `report.resources` with its findings (findings are grouped by `finding.url`, in their order;
/// a URL listed twice gets them at its first listing) and applicability, then the findings of
/// no listed resource, then the notes, then the sections. A report built resource by resource
/// (as [`Report::add_resource`] does) is written in its own order.
///
/// `rules` is the catalogue of rule metadata: SARIF describes the rules that have findings from
/// it, text shows each rule's summary, EARL asserts each of its rules. A finding whose rule is
/// not in the catalogue is still written, with what the finding itself says. The summary is
/// counted from the findings (what [`Report::finish`] computes), not read from the report.
pub fn render(
    report: &Report,
    rules: &[&'static RuleMeta],
    format: Format,
    style: TextStyle,
    out: &mut dyn Write,
) -> Result<(), ReportError> {
    let layout = ReportLayout::of(report);
    let mut stream = ReportStream::new(format, rules, style, out)?;
    stream.set_tool(report.tool.clone());
    for (i, url) in report.resources.iter().enumerate() {
        stream.resource(
            url,
            &gather(&report.findings, &layout.findings[i]),
            &gather(&report.applicability, &layout.applicability[i]),
        )?;
    }
    stream.findings(&gather(&report.findings, &layout.unmatched_findings))?;
    stream.applicability(&gather(
        &report.applicability,
        &layout.unmatched_applicability,
    ));
    for note in &report.notes {
        stream.note(note)?;
    }
    stream.finish(&report.sections)?;
    Ok(())
}

/// Where a finished report's findings and applicability records go when it is streamed:
/// indices into `report.findings` and `report.applicability` per resource (by the position of
/// its first listing in `report.resources`), and those of no listed resource.
pub(crate) struct ReportLayout {
    findings: Vec<Vec<usize>>,
    unmatched_findings: Vec<usize>,
    applicability: Vec<Vec<usize>>,
    unmatched_applicability: Vec<usize>,
}

impl ReportLayout {
    pub(crate) fn of(report: &Report) -> Self {
        let mut position: HashMap<&str, usize> = HashMap::with_capacity(report.resources.len());
        for (i, url) in report.resources.iter().enumerate() {
            position.entry(url.as_str()).or_insert(i);
        }
        let split = |urls: &mut dyn Iterator<Item = &str>| {
            let mut per_resource = vec![Vec::new(); report.resources.len()];
            let mut unmatched = Vec::new();
            for (index, url) in urls.enumerate() {
                match position.get(url) {
                    Some(&resource) => per_resource[resource].push(index),
                    None => unmatched.push(index),
                }
            }
            (per_resource, unmatched)
        };
        let (findings, unmatched_findings) =
            split(&mut report.findings.iter().map(|f| f.url.as_str()));
        let (applicability, unmatched_applicability) =
            split(&mut report.applicability.iter().map(|a| a.url.as_str()));
        ReportLayout {
            findings,
            unmatched_findings,
            applicability,
            unmatched_applicability,
        }
    }

    /// The report's findings in the order [`render`] writes them.
    pub(crate) fn findings_in_order<'r>(
        &'r self,
        report: &'r Report,
    ) -> impl Iterator<Item = &'r govaudit_core::Finding> {
        self.findings
            .iter()
            .flatten()
            .chain(&self.unmatched_findings)
            .filter_map(|&i| report.findings.get(i))
    }
}

/// `items` at `indices` (ascending): borrowed when they are one run, as in a report built
/// resource by resource, copied otherwise.
fn gather<'a, T: Clone>(items: &'a [T], indices: &[usize]) -> Cow<'a, [T]> {
    match (indices.first(), indices.last()) {
        (Some(&first), Some(&last)) if last - first + 1 == indices.len() => {
            Cow::Borrowed(items.get(first..=last).unwrap_or_default())
        }
        (None, _) | (_, None) => Cow::Borrowed(&[]),
        _ => Cow::Owned(
            indices
                .iter()
                .filter_map(|&i| items.get(i).cloned())
                .collect(),
        ),
    }
}

// Keeps the README's example compiling.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

/// The catalogue entry for `id`, if any.
fn find_rule<'a>(rules: &[&'a RuleMeta], id: &str) -> Option<&'a RuleMeta> {
    rules.iter().copied().find(|meta| meta.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_parse_their_lowercase_names() {
        for format in Format::ALL {
            assert_eq!(format.to_string().parse::<Format>(), Ok(format));
        }
        assert_eq!("SARIF".parse::<Format>(), Ok(Format::Sarif));
        let err = "xml".parse::<Format>().unwrap_err();
        assert!(err.to_string().contains("jsonl"));
    }
}
