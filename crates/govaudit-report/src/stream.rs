//! [`ReportStream`]: one run's output, written as the run goes. Every format, and [`render`] for
//! a finished [`Report`], ends in this one emit path.
//!
//! [`render`]: crate::render

use crate::earl::{EarlSink, EarlSources};
use crate::json::{JsonSink, write_jsonl_line, write_jsonl_summary};
use crate::sarif::SarifSink;
use crate::text::TextSink;
use crate::{Format, ReportError, TextStyle};
use govaudit_core::{Applicability, Finding, Note, Outcome, RuleMeta, Severity, Summary, Tool};
use std::io::Write;

/// Top-level names of the `govaudit/1` document; a command section may not take one.
pub(crate) const RESERVED_KEYS: [&str; 7] = [
    "schema",
    "tool",
    "resources",
    "findings",
    "notes",
    "summary",
    "applicability",
];

/// One run's output, written as it goes.
///
/// Call [`resource`](Self::resource) for each checked resource as it finishes (in the order the
/// output should have: the same calls give the same bytes), [`findings`](Self::findings) for
/// site-level findings, [`note`](Self::note) for notes, and [`finish`](Self::finish) once at
/// the end. The stream keeps counters, not findings: JSON Lines, SARIF, JSON and text write each
/// finding when it arrives. Only EARL, which asserts every rule on every resource, and the
/// `resources`, `notes` and `applicability` arrays of JSON (written after `findings`) are kept
/// until the end.
///
/// ```
/// use govaudit_core::{declare_rule, Collector, Location, Severity};
/// use govaudit_report::{Format, ReportStream, TextStyle};
///
/// declare_rule! {
///     /// Pages must have a title.
///     pub PAGE_TITLE = { id: "a11y/document-title", severity: Severity::High,
///                        standards: ["WCAG22:2.4.2"], sources: [] }
/// }
/// let mut stream = ReportStream::new(Format::Jsonl, &[&PAGE_TITLE], TextStyle::plain(), Vec::new())?;
/// let mut found = Collector::new("index.html");
/// found.fail(&PAGE_TITLE, Location::at_line(1), "The page has no <title>.");
/// stream.resource("index.html", found.findings(), &[])?;
/// let (summary, out) = stream.finish(&serde_json::Map::new())?;
/// assert_eq!(summary.fail, 1);
/// assert_eq!(String::from_utf8_lossy(&out).lines().count(), 2); // the finding, the summary
/// # Ok::<(), govaudit_report::ReportError>(())
/// ```
pub struct ReportStream<W: Write> {
    out: W,
    sink: Sink,
    tally: Tally,
    tool: Tool,
}

/// What each format keeps between calls.
enum Sink {
    Text(TextSink),
    Json(JsonSink),
    Jsonl,
    Sarif(SarifSink),
    /// Boxed: it holds a whole report's worth of buffers.
    Earl(Box<EarlSink>),
}

impl<W: Write> ReportStream<W> {
    /// Starts the output (JSON and SARIF write their opening here). The tool named in JSON and
    /// SARIF is this build of govaudit unless [`set_tool`](Self::set_tool) says otherwise.
    pub fn new(
        format: Format,
        rules: &[&'static RuleMeta],
        style: TextStyle,
        mut out: W,
    ) -> Result<Self, ReportError> {
        let sink = match format {
            Format::Text => Sink::Text(TextSink::new(rules, style)),
            Format::Json => Sink::Json(JsonSink::start(&mut out)?),
            Format::Jsonl => Sink::Jsonl,
            Format::Sarif => Sink::Sarif(SarifSink::start(rules, style.lang, &mut out)?),
            Format::Earl => Sink::Earl(Box::new(EarlSink::new(rules))),
        };
        Ok(ReportStream {
            out,
            sink,
            tally: Tally::new(),
            tool: Tool::default(),
        })
    }

    /// The program named in JSON (`tool`) and SARIF (`tool.driver`); any time before
    /// [`finish`](Self::finish), since both write it at the end.
    pub fn set_tool(&mut self, tool: Tool) {
        self.tool = tool;
    }

    /// What EARL names each resource in `subject.source` (ignored by the other formats); any
    /// time before [`finish`](Self::finish).
    pub fn set_earl_sources(&mut self, sources: EarlSources) {
        if let Sink::Earl(earl) = &mut self.sink {
            earl.set_sources(sources);
        }
    }

    /// One checked resource (page, stylesheet, exchange) and its findings (+ applicability
    /// records for EARL), written now. The resource counts as checked even without findings.
    pub fn resource(
        &mut self,
        url: &str,
        findings: &[Finding],
        applicability: &[Applicability],
    ) -> Result<(), ReportError> {
        self.tally.summary.resources += 1;
        self.tally.count(findings);
        let out = &mut self.out;
        match &mut self.sink {
            Sink::Text(text) => text.resource(out, findings)?,
            Sink::Json(json) => {
                json.resource(url, applicability);
                json.findings(out, findings)?;
            }
            Sink::Jsonl => {
                for finding in findings {
                    write_jsonl_line(out, "finding", finding)?;
                }
            }
            Sink::Sarif(sarif) => sarif.findings(out, findings)?,
            Sink::Earl(earl) => earl.resource(url, findings, applicability),
        }
        self.out.flush()?;
        Ok(())
    }

    /// Findings that belong to no single checked resource pass (site-level checks: cross-page
    /// links, disclosure), written now. They do not count as resources.
    pub fn findings(&mut self, findings: &[Finding]) -> Result<(), ReportError> {
        self.tally.count(findings);
        let out = &mut self.out;
        match &mut self.sink {
            Sink::Text(text) => text.site_findings(out, findings)?,
            Sink::Json(json) => json.findings(out, findings)?,
            Sink::Jsonl => {
                for finding in findings {
                    write_jsonl_line(out, "finding", finding)?;
                }
            }
            Sink::Sarif(sarif) => sarif.findings(out, findings)?,
            Sink::Earl(earl) => earl.site_findings(findings),
        }
        self.out.flush()?;
        Ok(())
    }

    /// Applicability records of no resource passed to [`resource`](Self::resource) (kept for
    /// JSON and EARL; the other formats do not show them).
    pub fn applicability(&mut self, records: &[Applicability]) {
        match &mut self.sink {
            Sink::Json(json) => json.applicability(records),
            Sink::Earl(earl) => earl.applicability(records),
            Sink::Text(_) | Sink::Jsonl | Sink::Sarif(_) => {}
        }
    }

    /// Something the reader should know that is not a finding: written now in text and JSON
    /// Lines, in the `notes` array at the end in JSON; not part of SARIF or EARL.
    pub fn note(&mut self, note: &Note) -> Result<(), ReportError> {
        let out = &mut self.out;
        match &mut self.sink {
            Sink::Text(text) => text.note(out, note)?,
            Sink::Json(json) => json.note(note),
            Sink::Jsonl => write_jsonl_line(out, "note", note)?,
            Sink::Sarif(_) | Sink::Earl(_) => {}
        }
        self.out.flush()?;
        Ok(())
    }

    /// Ends the output: summary (computed from what was streamed, as [`Report::finish`] would),
    /// `sections` (extra top-level JSON objects such as `observatory`, `items`; only JSON writes
    /// them), closing brackets. Returns the summary and the writer.
    ///
    /// A section may not take a name of the `govaudit/1` document itself (`findings`,
    /// `summary`, ...): that is [`ReportError::ReservedSection`], found before anything more is
    /// written.
    ///
    /// [`Report::finish`]: govaudit_core::Report::finish
    pub fn finish(
        mut self,
        sections: &serde_json::Map<String, serde_json::Value>,
    ) -> Result<(Summary, W), ReportError> {
        if let Some(key) = sections
            .keys()
            .find(|k| RESERVED_KEYS.contains(&k.as_str()))
        {
            return Err(ReportError::ReservedSection(key.clone()));
        }
        let summary = self.tally.summary;
        let out = &mut self.out;
        match self.sink {
            Sink::Text(text) => text.finish(out, &summary)?,
            Sink::Json(json) => json.finish(out, &self.tool, &summary, sections)?,
            Sink::Jsonl => write_jsonl_summary(out, &summary)?,
            Sink::Sarif(sarif) => sarif.finish(out, &self.tool)?,
            Sink::Earl(earl) => earl.finish(out)?,
        }
        self.out.flush()?;
        Ok((summary, self.out))
    }
}

/// The summary, counted as findings pass.
struct Tally {
    summary: Summary,
}

impl Tally {
    fn new() -> Self {
        Tally {
            summary: Summary {
                by_severity: Severity::ALL.into_iter().map(|s| (s, 0)).collect(),
                ..Summary::default()
            },
        }
    }

    fn count(&mut self, findings: &[Finding]) {
        let summary = &mut self.summary;
        for finding in findings {
            summary.findings += 1;
            match finding.outcome {
                Outcome::Fail => {
                    summary.fail += 1;
                    *summary.by_severity.entry(finding.severity).or_default() += 1;
                }
                Outcome::Review => summary.review += 1,
            }
            // Looked up before inserting: an owned key only for a rule's first finding.
            match summary.by_rule.get_mut(finding.rule.as_str()) {
                Some(count) => *count += 1,
                None => {
                    summary.by_rule.insert(finding.rule.clone(), 1);
                }
            }
        }
    }
}
