//! One pass over a site for govaudit: every page read or fetched once, decoded and parsed once,
//! checked by every area (accessibility, links, disclosure, headers) on every core, with
//! findings handed to a [`Sink`] as each page finishes, in the same order whatever the number
//! of threads. A page's DOM is dropped once its checks are done; the site-level checks (links
//! between pages, fragments, the disclosure audit, headers per origin) work from small
//! per-page observations, so memory stays flat as the number of pages grows.
//!
//! ```
//! use govaudit_engine::{audit, AuditConfig, NoProgress, ReportSink, Target};
//!
//! let dir = tempfile::tempdir().unwrap();
//! std::fs::write(dir.path().join("index.html"), "<title>首页</title><a href=gone.html>x</a>").unwrap();
//! let target = Target::parse(&dir.path().to_string_lossy()).unwrap();
//! let mut sink = ReportSink::default();
//! let outcome = audit(&[target], &AuditConfig::default(), &mut sink, &NoProgress).unwrap();
//! assert_eq!(outcome.stats.pages, 1);
//! assert!(sink.report.findings.iter().any(|f| f.rule == "links/broken"));
//! assert!(sink.report.findings.iter().any(|f| f.rule == "a11y/html-has-lang"));
//! ```

mod config;
pub mod exchange;
mod live;
mod offline;
mod outbound;
mod page;
pub mod policy;
mod run;
mod sheets;
mod sink;
mod target;
mod workers;

pub use config::{Area, Areas, AuditConfig, CrawlConfig, DisclosureConfig, Limits};
pub use policy::{Ignore, Policy, PolicyError, RulePattern};
pub use run::{RunOutcome, RunStats, audit};
pub use sink::{NoProgress, Progress, ReportSink, Sink, SinkError};
pub use target::{Target, TargetError, display_path};

/// Why a run could not be done. Problems of single pages are notes or findings, not errors.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error(transparent)]
    Target(#[from] TargetError),
    #[error("{0}: nothing to audit (no HTML, XHTML or SVG page)")]
    Empty(String),
    #[error("{url}: the start page could not be fetched: {reason}")]
    Unreachable { url: String, reason: String },
    #[error("cannot read {path}: {reason}")]
    Read { path: String, reason: String },
    #[error(transparent)]
    Site(#[from] govaudit_site::SiteError),
    #[error(transparent)]
    Fetch(#[from] govaudit_site::fetch::FetchError),
    #[error(transparent)]
    Links(#[from] govaudit_links::http::HttpError),
    #[error("cannot start the worker threads: {0}")]
    Threads(String),
    #[error("cannot write the results: {0}")]
    Output(SinkError),
    #[error("cannot write the WARC file: {0}")]
    Warc(String),
}

impl From<SinkError> for EngineError {
    fn from(error: SinkError) -> Self {
        EngineError::Output(error)
    }
}

// Keeps the README's example compiling.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
