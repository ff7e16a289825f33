//! Where a command's output goes, in one path for every command: results are written as they
//! come (text and JSON Lines line by line, JSON and SARIF progressively) through
//! [`govaudit_report::ReportStream`], and the run's verdict is read from the summary.

use govaudit_core::{Applicability, Finding, Note, Report, Severity, Summary};
use govaudit_engine::{Progress, Sink, SinkError};
use govaudit_report::{EarlSources, Format, ReportStream, TextStyle};
use std::io::{BufWriter, IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("cannot write output: {0}")]
    Write(#[from] std::io::Error),
}

/// Standard output, with the colour decision made once: colour only on a terminal and only when
/// `NO_COLOR` is unset or empty (<https://no-color.org>).
#[derive(Debug, Clone, Copy)]
pub struct Destination {
    pub color: bool,
}

impl Destination {
    pub fn stdout() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Destination {
            color: !no_color && std::io::stdout().is_terminal(),
        }
    }

    /// Writes a fully rendered output.
    pub fn write_all(&self, rendered: &[u8]) -> Result<(), OutputError> {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(rendered)?;
        stdout.flush()?;
        Ok(())
    }
}

/// The output formats, one list for every command that reports findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// For people: each page's findings as it is checked, then a summary.
    Text,
    /// The whole `govaudit/1` document (docs/json-schema.md).
    Json,
    /// One JSON object per line: findings as they are found, notes, then the summary.
    Jsonl,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// EARL JSON-LD (W3C ACT implementation report), with passed and inapplicable outcomes.
    Earl,
}

impl FormatArg {
    pub fn format(self) -> Format {
        match self {
            FormatArg::Text => Format::Text,
            FormatArg::Json => Format::Json,
            FormatArg::Jsonl => Format::Jsonl,
            FormatArg::Sarif => Format::Sarif,
            FormatArg::Earl => Format::Earl,
        }
    }
}

/// Review findings listed per rule in text output unless `--all-reviews`: page-level review
/// rules report once per page, and a site of 30 pages would bury its failures under them.
const REVIEWS_LISTED_PER_RULE: usize = 3;

/// How results are written and judged: shared by every command that reports findings.
#[derive(Debug, Clone, clap::Args)]
pub struct OutputArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    pub format: FormatArg,
    /// Exit 1 when a failing finding has this severity or worse.
    #[arg(long, default_value = "high", value_name = "SEVERITY")]
    pub fail_on: Severity,
    /// In text output, list every review finding (by default at most 3 per rule are listed
    /// and the rest counted; the other formats always hold every finding).
    #[arg(long)]
    pub all_reviews: bool,
    /// No progress display on standard error.
    #[arg(long, short)]
    pub quiet: bool,
    /// EARL: name each page file by the URL it is served at, this URL plus its path inside the
    /// directory given (`--earl-source-base https://www.w3.org/WAI/content-assets/wcag-act-rules/testcases/`
    /// names the ACT test cases by their `url`), in `subject.source`. Default: its path.
    #[arg(long, value_name = "URL")]
    pub earl_source_base: Option<url::Url>,
}

impl OutputArgs {
    /// How many review findings per rule text output lists.
    pub fn review_limit(&self) -> Option<usize> {
        (!self.all_reviews).then_some(REVIEWS_LISTED_PER_RULE)
    }

    /// What EARL names the pages of `targets` (`--earl-source-base`): a directory's pages by
    /// their path inside it, a page file by its name, after the base URL.
    pub fn earl_sources(&self, targets: &[govaudit_engine::Target]) -> EarlSources {
        let Some(base) = &self.earl_source_base else {
            return EarlSources::new();
        };
        targets.iter().fold(EarlSources::new(), |sources, target| {
            let dir = match target {
                govaudit_engine::Target::Directory(dir) => dir.clone(),
                govaudit_engine::Target::File(file) => file
                    .parent()
                    .map(std::path::Path::to_owned)
                    .unwrap_or_default(),
                _ => return sources,
            };
            sources.with_base(&govaudit_engine::display_path(&dir), base.as_str())
        })
    }

    /// The stream every command writes its results through.
    pub fn stream(&self) -> Result<StreamSink, OutputError> {
        StreamSink::new(
            self.format.format(),
            TextStyle::plain()
                .with_color(Destination::stdout().color)
                .with_review_limit(self.review_limit())
                .with_lang(crate::lang::chosen()),
        )
    }
}

type Stdout = BufWriter<std::io::Stdout>;

/// Results written to standard output as they come. The stream starts with the first result,
/// so a run that fails before it has found anything leaves standard output empty.
pub struct StreamSink {
    stream: Option<ReportStream<Stdout>>,
    format: Format,
    style: TextStyle,
    earl_sources: EarlSources,
}

impl StreamSink {
    pub fn new(format: Format, style: TextStyle) -> Result<StreamSink, OutputError> {
        Ok(StreamSink {
            stream: None,
            format,
            style,
            earl_sources: EarlSources::new(),
        })
    }

    /// What EARL names each resource; before the first result.
    pub fn set_earl_sources(&mut self, sources: EarlSources) {
        self.earl_sources = sources;
    }

    fn stream(&mut self) -> Result<&mut ReportStream<Stdout>, OutputError> {
        if self.stream.is_none() {
            let rules = crate::all_rules();
            let out = BufWriter::new(std::io::stdout());
            let mut stream =
                ReportStream::new(self.format, &rules, self.style, out).map_err(to_io)?;
            stream.set_earl_sources(self.earl_sources.clone());
            self.stream = Some(stream);
        }
        match self.stream.as_mut() {
            Some(stream) => Ok(stream),
            None => Err(OutputError::Write(std::io::Error::other(
                "no output stream",
            ))),
        }
    }

    /// Ends the output with the summary and `sections`; the summary decides the exit code.
    pub fn finish(
        mut self,
        sections: &serde_json::Map<String, serde_json::Value>,
    ) -> Result<Summary, OutputError> {
        self.stream()?;
        let Some(stream) = self.stream.take() else {
            return Err(OutputError::Write(std::io::Error::other(
                "no output stream",
            )));
        };
        let (summary, mut out) = stream.finish(sections).map_err(to_io)?;
        out.flush()?;
        Ok(summary)
    }
}

fn to_io(error: govaudit_report::ReportError) -> OutputError {
    OutputError::Write(std::io::Error::other(error.to_string()))
}

impl Sink for StreamSink {
    fn resource(
        &mut self,
        url: &str,
        findings: &[Finding],
        applicability: &[Applicability],
    ) -> Result<(), SinkError> {
        self.stream()?.resource(url, findings, applicability)?;
        Ok(())
    }

    fn findings(&mut self, findings: &[Finding]) -> Result<(), SinkError> {
        self.stream()?.findings(findings)?;
        Ok(())
    }

    fn note(&mut self, note: &Note) -> Result<(), SinkError> {
        self.stream()?.note(note)?;
        Ok(())
    }
}

/// Whether a summary fails a run at `threshold` (exit 1).
pub fn summary_fails(summary: &Summary, threshold: Severity) -> bool {
    summary
        .by_severity
        .iter()
        .any(|(severity, count)| *severity >= threshold && *count > 0)
}

/// Renders a finished report through the same stream every command writes with
/// ([`govaudit_report::render`] feeds a `ReportStream`) and turns it into the run's verdict.
pub fn emit_report(report: &Report, output: &OutputArgs) -> anyhow::Result<crate::Verdict> {
    let style = TextStyle::plain()
        .with_color(Destination::stdout().color)
        .with_review_limit(output.review_limit())
        .with_lang(crate::lang::chosen());
    let mut out = BufWriter::new(std::io::stdout().lock());
    govaudit_report::render(
        report,
        &crate::all_rules(),
        output.format.format(),
        style,
        &mut out,
    )?;
    out.flush()?;
    Ok(if report.fails_at(output.fail_on) {
        crate::Verdict::Failing
    } else {
        crate::Verdict::Clean
    })
}

pub fn verdict(summary: &Summary, fail_on: Severity) -> crate::Verdict {
    if summary_fails(summary, fail_on) {
        crate::Verdict::Failing
    } else {
        crate::Verdict::Clean
    }
}

/// Progress on standard error for people: only on a terminal, only without `--quiet`, and only
/// once a run has taken longer than a second.
pub struct TerminalProgress {
    bar: Option<indicatif::ProgressBar>,
    started: Instant,
    shown: AtomicBool,
}

/// Runs shorter than this show no progress at all.
const PROGRESS_AFTER: Duration = Duration::from_secs(1);

impl TerminalProgress {
    pub fn new(quiet: bool) -> TerminalProgress {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = indicatif::ProgressBar::with_draw_target(
                None,
                indicatif::ProgressDrawTarget::hidden(),
            );
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} {msg} {wide_bar} {pos}/{len} pages, ETA {eta}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        });
        TerminalProgress {
            bar,
            started: Instant::now(),
            shown: AtomicBool::new(false),
        }
    }

    fn bar(&self) -> Option<&indicatif::ProgressBar> {
        let bar = self.bar.as_ref()?;
        if self.started.elapsed() >= PROGRESS_AFTER && !self.shown.swap(true, Ordering::Relaxed) {
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
        Some(bar)
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Progress for TerminalProgress {
    fn pages_found(&self, total: usize) {
        if let Some(bar) = self.bar() {
            bar.set_length(total as u64);
            bar.set_message("checking");
        }
    }

    fn pages_checked(&self, done: usize) {
        if let Some(bar) = self.bar() {
            bar.set_position(done as u64);
        }
    }

    fn links_checked(&self, done: usize, total: usize) {
        if let Some(bar) = self.bar() {
            bar.set_message(format!("links {done}/{total}"));
        }
    }
}

/// Writes a file whole or not at all: into a new temporary file beside it, then renamed over
/// it, so an interrupted run never leaves half a file and never touches another file.
pub fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => std::path::Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    file.write_all(bytes)?;
    // Readable as any report file is (a temporary file is private to its owner).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        file.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Whether standard error is a terminal (progress bars and notes for people go there).
pub fn stderr_is_terminal() -> bool {
    std::io::stderr().is_terminal()
}
