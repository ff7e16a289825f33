//! The work done on one page, on whichever thread is free: decode and parse once, run every
//! page-level check on that one `Document`, keep the small observations the site-level checks
//! need, and drop the DOM.

use crate::config::{Area, AuditConfig};
use crate::run::note;
use govaudit_core::{Applicability, Collector, Finding, Note, Phrase, Resource};
use govaudit_disclosure::PageObservation;
use govaudit_html::Document;
use govaudit_html::style::StylesheetSource;
use govaudit_links::http::UrlResult;
use govaudit_links::{LinkKind, PageLinks};
use std::sync::atomic::{AtomicUsize, Ordering};
use url::Url;

/// A page to check, however it was found.
#[derive(Debug)]
pub(crate) struct PageInput {
    /// How findings name the page: the path as given, or the URL it was requested at.
    pub report_url: String,
    /// Its path within a site on disk (`xxgk/index.html`).
    pub site_path: Option<String>,
    /// The URL the page is parsed with: its base for relative links and linked stylesheets.
    pub url: Option<Url>,
    /// Where the page is (or will be) served, for the link checks: the live URL, or a page on
    /// disk under the site URL.
    pub link_url: Option<Url>,
    /// Content type, body and, for live pages, status, headers and redirects.
    pub resource: Resource,
    /// Only the first bytes of the page were read.
    pub truncated: bool,
    /// Whether the page is served over HTTPS (`None`: unknown, as for files without a site URL).
    pub secure: Option<bool>,
}

/// What a page leaves behind once its DOM is gone.
#[derive(Debug, Default)]
pub(crate) struct PageOutcome {
    pub report_url: String,
    pub findings: Vec<Finding>,
    pub applicability: Vec<Applicability>,
    pub notes: Vec<Note>,
    /// For the site-level link checks.
    pub links: Option<PageLinks>,
    /// For the site-level disclosure audit.
    pub disclosure: Option<PageObservation>,
    /// A live page's response judged as a link target (so the link is not requested again).
    pub verdict: Option<UrlResult>,
    /// Same-document navigation targets a crawl follows.
    pub navigation: Vec<Url>,
    /// The page's `govaudit-ignore` comments (when the policy honours them).
    pub inline_ignores: Vec<crate::policy::InlineIgnore>,
}

/// What every page of a run shares.
pub(crate) struct PageContext<'a> {
    pub config: &'a AuditConfig,
    pub sheets: &'a dyn StylesheetSource,
    /// Pages parsed in this run (each page exactly once).
    pub parses: &'a AtomicUsize,
    /// Judge the page's own response as a link target (live pages).
    pub judge_response: bool,
}

/// Parses and checks one page.
pub(crate) fn check_page(input: PageInput, cx: &PageContext<'_>) -> PageOutcome {
    let config = cx.config;
    let document = Document::parse(
        &input.resource.body,
        input.resource.content_type().as_deref(),
        input.url.as_ref(),
    );
    cx.parses.fetch_add(1, Ordering::Relaxed);
    let mut outcome = PageOutcome {
        report_url: input.report_url.clone(),
        ..PageOutcome::default()
    };
    if input.truncated {
        outcome.notes.push(note(
            input.report_url.clone(),
            Phrase::new("note-page-truncated")
                .number("mib", (config.limits.max_page_bytes / (1024 * 1024)) as f64),
        ));
    }
    if document.was_flattened() {
        outcome.notes.push(note(
            input.report_url.clone(),
            Phrase::new("note-flattened"),
        ));
    }
    if document.tags_were_dropped() {
        outcome.notes.push(note(
            input.report_url.clone(),
            Phrase::new("note-tags-dropped"),
        ));
    }
    if document.dropped_attributes() > 0 {
        outcome.notes.push(note(
            input.report_url.clone(),
            Phrase::new("note-attributes-dropped")
                .count("count", document.dropped_attributes())
                .count("max", Document::MAX_ATTRIBUTES_PER_ELEMENT),
        ));
    }
    let mut found = if config.applicability {
        Collector::with_applicability(input.report_url.clone())
    } else {
        Collector::new(input.report_url.clone())
    };
    {
        // One cascade for both areas: content reads the styles accessibility computed.
        let a11y = govaudit_a11y::Page::with_sheets(&document, cx.sheets);
        if config.areas.contains(Area::A11y) {
            govaudit_a11y::check_page(&a11y, config.standard, &mut found);
        }
        if config.areas.contains(Area::Content) {
            let content = govaudit_content::Input {
                source: Some(&input.resource.body),
                sheets: Some(cx.sheets),
                config: Some(&config.content),
                computed: config
                    .areas
                    .contains(Area::A11y)
                    .then(|| (a11y.styles(), a11y.visibility())),
            };
            govaudit_content::check(&document, &content, &mut found);
        }
    }
    if config.areas.contains(Area::Links) || cx.judge_response {
        let links = govaudit_links::observe_page(
            input.report_url.clone(),
            input.site_path.clone().unwrap_or_default(),
            &document,
            input.link_url.as_ref(),
        );
        if config.areas.contains(Area::Links) {
            govaudit_links::check_page_links(&links, input.secure, &mut found);
        }
        outcome.navigation = links
            .links
            .iter()
            .filter(|l| {
                l.kind == LinkKind::Navigation || matches!(l.element.as_str(), "iframe" | "frame")
            })
            .filter_map(|l| l.url().cloned())
            .collect();
        outcome.links = Some(links);
    }
    if cx.judge_response {
        outcome.verdict = Some(govaudit_links::http::judge_response(
            &input.resource,
            Some(&document),
            input.truncated,
            &config.http,
        ));
    }
    if let Some(disclosure) = &config.disclosure
        && config.areas.contains(Area::Disclosure)
        && let Some(url) = &input.url
    {
        outcome.disclosure = Some(govaudit_disclosure::observe(
            &disclosure.profile,
            url,
            &document,
            disclosure.as_of,
        ));
    }
    if config.policy.inline_ignores {
        outcome.inline_ignores = crate::policy::inline_ignores(&input.resource.body);
    }
    let (findings, applicability) = found.into_parts();
    outcome.findings = findings;
    outcome.applicability = applicability;
    outcome
}
