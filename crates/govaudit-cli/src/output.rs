//! Where a command's output goes. Everything is rendered into memory first and written in one
//! piece, so a failing run never leaves half a report behind.

use std::io::{IsTerminal, Write};

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

/// Review findings listed per rule in text output unless `--all-reviews`: page-level review
/// rules report once per page, and a site of 30 pages would bury its failures under them.
const REVIEWS_LISTED_PER_RULE: usize = 3;

/// `--all-reviews`, shared by the commands whose text output lists findings.
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct ReviewListing {
    /// In text output, list every review finding (by default at most 3 per rule are listed
    /// and the rest counted; the other formats always hold every finding).
    #[arg(long)]
    pub all_reviews: bool,
}

impl ReviewListing {
    /// How many review findings per rule text output lists.
    pub fn limit(self) -> Option<usize> {
        (!self.all_reviews).then_some(REVIEWS_LISTED_PER_RULE)
    }
}

/// Renders a report in one of the shared formats, writes it in one piece and turns it into the
/// run's verdict for `--fail-on`: what every reporting command ends with.
pub fn emit_report(
    report: &govaudit_core::Report,
    format: govaudit_report::Format,
    fail_on: govaudit_core::Severity,
    reviews: ReviewListing,
) -> anyhow::Result<crate::Verdict> {
    let destination = Destination::stdout();
    let mut rendered = Vec::new();
    govaudit_report::render(
        report,
        &crate::all_rules(),
        format,
        govaudit_report::TextStyle::plain()
            .with_color(destination.color)
            .with_review_limit(reviews.limit()),
        &mut rendered,
    )?;
    destination.write_all(&rendered)?;
    Ok(if report.fails_at(fail_on) {
        crate::Verdict::Failing
    } else {
        crate::Verdict::Clean
    })
}

/// Whether standard error is a terminal (progress bars and notes for people go there).
pub fn stderr_is_terminal() -> bool {
    std::io::stderr().is_terminal()
}
