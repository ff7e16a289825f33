//! Where a run's results go as they are found, and who is told how far it got.

use govaudit_core::{Applicability, Finding, Note, Report};

/// An error the receiver of results gives (e.g. the output pipe closed).
pub type SinkError = Box<dyn std::error::Error + Send + Sync>;

/// Receives a run's results in a stable order: each page's findings when the page is done (in
/// target order, whatever the number of threads), then the site-level findings.
pub trait Sink {
    /// One checked resource (a page, a stylesheet, an exchange) and its findings.
    fn resource(
        &mut self,
        url: &str,
        findings: &[Finding],
        applicability: &[Applicability],
    ) -> Result<(), SinkError>;
    /// Findings of site-level checks, which belong to no single resource pass.
    fn findings(&mut self, findings: &[Finding]) -> Result<(), SinkError>;
    fn note(&mut self, note: &Note) -> Result<(), SinkError>;
}

/// Collects everything into a [`Report`] (for library users and tests; a command streams).
#[derive(Debug, Default)]
pub struct ReportSink {
    pub report: Report,
}

impl Sink for ReportSink {
    fn resource(
        &mut self,
        url: &str,
        findings: &[Finding],
        applicability: &[Applicability],
    ) -> Result<(), SinkError> {
        self.report.add_resource(url, findings.to_vec());
        self.report.applicability.extend_from_slice(applicability);
        Ok(())
    }

    fn findings(&mut self, findings: &[Finding]) -> Result<(), SinkError> {
        self.report.findings.extend_from_slice(findings);
        Ok(())
    }

    fn note(&mut self, note: &Note) -> Result<(), SinkError> {
        self.report.notes.push(note.clone());
        Ok(())
    }
}

/// Told how a run advances (a progress bar on a terminal). Called from the thread that runs the
/// audit; the library never prints.
pub trait Progress: Sync {
    /// Pages known so far (found on disk or discovered by the crawl).
    fn pages_found(&self, _total: usize) {}
    /// Pages checked so far.
    fn pages_checked(&self, _done: usize) {}
    /// Link targets checked over HTTP so far, of how many.
    fn links_checked(&self, _done: usize, _total: usize) {}
}

/// Tells nobody.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoProgress;

impl Progress for NoProgress {}
