//! A run over targets: the shared state, how page outcomes are handed on, and the site-level
//! checks every kind of target ends with.

use crate::config::{Area, AuditConfig};
use crate::page::PageOutcome;
use crate::policy::{InlineIgnore, Suppressed};
use crate::sink::{Progress, Sink};
use crate::target::Target;
use crate::workers::Workers;
use crate::{EngineError, live, offline};
use govaudit_core::{Finding, Note, Phrase};
use govaudit_disclosure::PageObservation;
use govaudit_links::PageLinks;
use govaudit_links::http::{HttpReport, Occurrences, UrlResult, check_targets, url_key};
use govaudit_site::fetch::Fetcher;
use serde_json::{Map, Value, json};
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;
use url::Url;

/// Counts of what a run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunStats {
    /// Pages checked.
    pub pages: usize,
    /// Documents parsed (one per page).
    pub parses: usize,
    /// Threads that checked pages.
    pub threads: usize,
}

/// What a run leaves besides the findings it streamed: report sections (`links`, `profile`,
/// `items`, `observatory`, `engine`) and counts.
#[derive(Debug, Clone, Default)]
pub struct RunOutcome {
    pub sections: Map<String, Value>,
    pub stats: RunStats,
}

/// Audits every target in turn, handing results to `sink` as they come.
pub fn audit(
    targets: &[Target],
    config: &AuditConfig,
    sink: &mut dyn Sink,
    progress: &dyn Progress,
) -> Result<RunOutcome, EngineError> {
    let mut run = Run {
        config,
        workers: Workers::new(config.jobs)?,
        sink,
        progress,
        parses: AtomicUsize::new(0),
        sections: Map::new(),
        pages: 0,
        started: Instant::now(),
        inline_ignores: HashMap::new(),
        suppressed: Suppressed::default(),
    };
    // A corrupt link cache is an error before anything is requested, not after the crawl.
    if let Some(cache) = &config.http.cache {
        govaudit_links::http::load_cache(cache)?;
    }
    // Page files given one after another are one group: a file that is not a page is then
    // a note, and only a group with no page at all is an error.
    let mut files: Vec<std::path::PathBuf> = Vec::new();
    for target in targets {
        if let Target::File(path) = target {
            files.push(path.clone());
            continue;
        }
        if !files.is_empty() {
            offline::files(&mut run, &std::mem::take(&mut files))?;
        }
        match target {
            Target::Directory(path) => offline::directory(&mut run, path)?,
            Target::Warc(path) => offline::warc(&mut run, path)?,
            Target::List(path) => list(&mut run, path)?,
            Target::Url(url) => live::site(&mut run, url, true)?,
            Target::File(_) => {}
        }
    }
    if !files.is_empty() {
        offline::files(&mut run, &files)?;
    }
    run.note_suppressed()?;
    let stats = RunStats {
        pages: run.pages,
        parses: run.parses.load(Ordering::Relaxed),
        threads: run.workers.threads(),
    };
    run.sections.insert(
        "engine".into(),
        json!({ "pages": stats.pages, "parses": stats.parses }),
    );
    Ok(RunOutcome {
        sections: run.sections,
        stats,
    })
}

/// A list file: URLs are fetched as pages (not crawled), paths are read.
fn list(run: &mut Run<'_>, path: &std::path::Path) -> Result<(), EngineError> {
    let text = std::fs::read_to_string(path).map_err(|e| EngineError::Read {
        path: crate::display_path(path),
        reason: e.to_string(),
    })?;
    let mut urls = Vec::new();
    let mut files = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match Target::parse(line) {
            Ok(Target::Url(url)) => urls.push(url),
            Ok(Target::File(file)) => files.push(file),
            Ok(other) => run.note(
                crate::display_path(path),
                Phrase::new("note-list-entry").text("entry", other.display()),
            )?,
            Err(error) => run.note(
                crate::display_path(path),
                Phrase::new("note-text").text("text", error.to_string()),
            )?,
        }
    }
    if urls.is_empty() && files.is_empty() {
        return Err(EngineError::Empty(crate::display_path(path)));
    }
    if !files.is_empty() {
        offline::files(run, &files)?;
    }
    for url in urls {
        live::site(run, &url, false)?;
    }
    Ok(())
}

/// The state of one run.
pub(crate) struct Run<'a> {
    pub config: &'a AuditConfig,
    pub workers: Workers,
    pub sink: &'a mut dyn Sink,
    pub progress: &'a dyn Progress,
    pub parses: AtomicUsize,
    pub sections: Map<String, Value>,
    pub pages: usize,
    pub started: Instant,
    /// Pages' ignore comments, by page, for the site-level findings on them.
    pub inline_ignores: HashMap<String, Vec<InlineIgnore>>,
    pub suppressed: Suppressed,
}

/// What the site-level checks gather from one target's pages.
#[derive(Debug, Default)]
pub(crate) struct SiteObservations {
    pub links: Vec<PageLinks>,
    pub disclosure: Vec<PageObservation>,
    /// Live pages' responses judged as link targets, by requested URL.
    pub verdicts: HashMap<String, UrlResult>,
}

impl Run<'_> {
    /// Whether the run's deadline has passed.
    pub(crate) fn past_deadline(&self) -> bool {
        self.config
            .limits
            .deadline
            .is_some_and(|limit| self.started.elapsed() >= limit)
    }

    /// The deadline as an instant, for the link checks.
    pub(crate) fn deadline(&self) -> Option<Instant> {
        self.config
            .limits
            .deadline
            .map(|limit| self.started + limit)
    }

    /// Hands a note on: a sentence of the message catalogs (`note-*` in report.ftl), so
    /// each reader gets it in their language.
    pub(crate) fn note(
        &mut self,
        url: impl Into<String>,
        phrase: Phrase,
    ) -> Result<(), EngineError> {
        self.sink.note(&note(url, phrase))?;
        Ok(())
    }

    /// Hands one page's results on and keeps its observations; returns its navigation links.
    pub(crate) fn emit(
        &mut self,
        mut outcome: PageOutcome,
        site: &mut SiteObservations,
        requested: Option<&str>,
    ) -> Result<Vec<Url>, EngineError> {
        if !self.config.policy.is_empty() {
            self.config.policy.apply(
                &mut outcome.findings,
                &outcome.inline_ignores,
                govaudit_report::finding_fingerprint,
                &mut self.suppressed,
            );
            if !outcome.inline_ignores.is_empty() {
                self.inline_ignores.insert(
                    outcome.report_url.clone(),
                    std::mem::take(&mut outcome.inline_ignores),
                );
            }
        }
        self.sink.resource(
            &outcome.report_url,
            &outcome.findings,
            &outcome.applicability,
        )?;
        for note in &outcome.notes {
            self.sink.note(note)?;
        }
        self.pages += 1;
        self.progress.pages_checked(self.pages);
        if let Some(links) = outcome.links {
            site.links.push(links);
        }
        if let Some(observation) = outcome.disclosure {
            site.disclosure.push(observation);
        }
        if let (Some(verdict), Some(requested)) = (outcome.verdict, requested) {
            site.verdicts.insert(requested.to_owned(), verdict);
        }
        Ok(outcome.navigation)
    }

    /// A resource other than a page (an exchange, a stylesheet) and its findings, after the
    /// policy.
    pub(crate) fn resource(
        &mut self,
        url: &str,
        mut findings: Vec<Finding>,
    ) -> Result<(), EngineError> {
        if !self.config.policy.is_empty() {
            self.config.policy.apply(
                &mut findings,
                &[],
                govaudit_report::finding_fingerprint,
                &mut self.suppressed,
            );
        }
        self.sink.resource(url, &findings, &[])?;
        Ok(())
    }

    /// The site-level findings, after the policy (each page's ignore comments included).
    pub(crate) fn site_findings(&mut self, mut findings: Vec<Finding>) -> Result<(), EngineError> {
        if !self.config.policy.is_empty() {
            let mut kept = Vec::with_capacity(findings.len());
            for finding in findings {
                let mut one = vec![finding];
                let inline = self
                    .inline_ignores
                    .get(&one[0].url)
                    .map_or(&[][..], Vec::as_slice);
                self.config.policy.apply(
                    &mut one,
                    inline,
                    govaudit_report::finding_fingerprint,
                    &mut self.suppressed,
                );
                kept.extend(one);
            }
            findings = kept;
        }
        if !findings.is_empty() {
            self.sink.findings(&findings)?;
        }
        Ok(())
    }

    /// Says how many findings the policy left out, and why.
    fn note_suppressed(&mut self) -> Result<(), EngineError> {
        let s = self.suppressed;
        let by_config = s.off + s.ignored + s.inline;
        if by_config > 0 {
            self.note(
                "",
                Phrase::new("note-left-out-by-config")
                    .count("count", by_config)
                    .count("off", s.off)
                    .count("ignored", s.ignored)
                    .count("inline", s.inline),
            )?;
        }
        if s.baseline > 0 {
            self.note("", Phrase::new("note-baseline").count("count", s.baseline))?;
        }
        Ok(())
    }

    /// Checks link targets over HTTP, each URL once; `known` results are not requested again.
    pub(crate) fn check_links_over_http(
        &mut self,
        runtime: &tokio::runtime::Runtime,
        fetcher: &Arc<Fetcher>,
        targets: Vec<(Url, Occurrences)>,
        known: &HashMap<String, UrlResult>,
    ) -> Result<HttpReport, EngineError> {
        let mut options = self.config.http.clone();
        if options.deadline.is_none() {
            options.deadline = self.deadline();
        }
        // The robots.txt files the crawl read govern the link checks too: a disallowed URL is
        // not requested (links/unverifiable).
        if options.robots.is_none() && options.fetch.obey_robots {
            let robots = fetcher.clone();
            options.robots = Some(Arc::new(move |url: &Url| {
                robots.robots_allows_known(url).unwrap_or(true)
            }));
        }
        let progress = self.progress;
        let tick = |done: usize, total: usize| progress.links_checked(done, total);
        let mut report = runtime.block_on(check_targets(
            fetcher,
            targets,
            known,
            &options,
            Some(&tick),
        ))?;
        self.site_findings(std::mem::take(&mut report.findings))?;
        if let Some(reason) = report.not_checked_reason {
            let phrase = match reason {
                govaudit_links::http::NotCheckedReason::LinkLimit(limit) => {
                    Phrase::new("note-links-not-checked-limit").count("limit", limit)
                }
                govaudit_links::http::NotCheckedReason::Deadline => {
                    Phrase::new("note-links-not-checked-deadline")
                }
            };
            self.note("", phrase.count("count", report.not_checked))?;
        }
        Ok(report)
    }

    /// The disclosure audit over the pages' observations; pages named by `label`.
    pub(crate) fn disclosure(
        &mut self,
        homepage: &Url,
        observations: Vec<PageObservation>,
        label: impl Fn(&str) -> String,
    ) -> Result<(), EngineError> {
        if !self.config.areas.contains(Area::Disclosure) {
            return Ok(());
        }
        let Some(disclosure) = &self.config.disclosure else {
            return self.note("", Phrase::new("note-disclosure-no-profile"));
        };
        let options = govaudit_disclosure::Options::new(disclosure.as_of);
        match govaudit_disclosure::conclude(&disclosure.profile, homepage, observations, &options) {
            Ok(mut audit) => {
                audit.relabel(&label);
                self.site_findings(std::mem::take(&mut audit.findings))?;
                self.sections
                    .insert("profile".into(), audit.profile_section());
                self.sections.insert("items".into(), audit.items_section());
            }
            Err(error) => self.note(
                label(""),
                Phrase::new("note-disclosure-failed").text("error", error.to_string()),
            )?,
        }
        Ok(())
    }
}

/// Groups the pages' links by target (fragment removed), in first-occurrence order.
pub(crate) fn link_targets(
    pages: &[PageLinks],
    only: impl Fn(&Url) -> bool,
) -> Vec<(Url, Occurrences)> {
    let mut order: Vec<String> = Vec::new();
    let mut grouped: HashMap<String, (Url, Occurrences)> = HashMap::new();
    for page in pages {
        for link in &page.links {
            let Some(target) = link.url() else { continue };
            if !only(target) {
                continue;
            }
            let key = url_key(target);
            let entry = grouped.entry(key.clone()).or_insert_with(|| {
                order.push(key);
                let mut url = target.clone();
                url.set_fragment(None);
                (url, Vec::new())
            });
            entry.1.push((page.report_url.clone(), link.clone()));
        }
    }
    order
        .into_iter()
        .filter_map(|key| grouped.remove(&key))
        .collect()
}

/// A note on `url` saying `phrase`; its message is the English rendering, for JSON readers.
pub(crate) fn note(url: impl Into<String>, phrase: Phrase) -> Note {
    Note {
        url: url.into(),
        message: govaudit_i18n::Catalog::get(govaudit_i18n::Lang::En).phrase(&phrase),
        phrase: Some(phrase),
    }
}
