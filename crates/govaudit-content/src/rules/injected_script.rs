use crate::Page;
use crate::page::is_government;
use crate::script::Signal;
use govaudit_core::{Collector, Location, Severity, declare_rule};
use govaudit_html::{Document, Element};
use url::Url;

declare_rule! {
    /// ## What it checks
    /// Every script and frame of the page belongs to it: scripts (`<script src>`) and frames
    /// (`<iframe>`, `<frame>`) come from the site, a government site or a well-known service
    /// (`data/script_hosts.toml`: 开普云/找错 widgets, Baidu and CNZZ statistics, Google Tag
    /// Manager, the US Digital Analytics Program, common CDNs, plus the site's own
    /// `allowed_script_hosts`), and no inline script shows the signs of injected code:
    /// obfuscation (`eval(unescape(...))`, long `String.fromCharCode` chains, hex blobs),
    /// a search-engine referrer test followed by a redirect, a crypto-currency miner, a script
    /// or frame from an unknown host written by `document.write` from escaped text, a foreign
    /// frame of zero size or hidden, and scripts or frames after `</html>`.
    ///
    /// Miners, referrer redirects and hidden frames of spam sites are critical; obfuscation,
    /// escaped `document.write`s and markup after `</html>` fail. Only reported for review:
    /// a script or frame from an unknown host, a plain `document.write('<script src=...>')`
    /// of one (an old way of loading widgets), and a hidden frame from an unknown host whose
    /// address has no spam word (social widgets and ad networks use them).
    ///
    /// ## Why it matters
    /// Attackers who get into a CMS or a server add scripts that send visitors from search
    /// engines to gambling sites, mine crypto-currency in readers' browsers, or load more code
    /// from their own hosts. The State Council's checks count a page hung with such code
    /// (挂马) as a serious incident.
    ///
    /// ## How to fix
    /// Remove the script or frame and find how it got in (templates, CMS accounts, server).
    /// If an unknown host is a service the site uses on purpose, add it to
    /// `allowed_script_hosts` under `[content]` in `govaudit.toml`.
    pub INJECTED_SCRIPT = {
        id: "content/injected-script",
        severity: Severity::High,
        standards: ["CN-GOV-2019:cn19.web.veto.serious_incident", "CN-GOV-2019:cn19.web.ded.security"],
        sources: [],
    }
}

/// Applies to every `<script>`, `<iframe>` and `<frame>` of the page.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let after_html = page.line_after_html();
    for element in page.doc.elements() {
        let name = element.name();
        if !matches!(name, "script" | "iframe" | "frame") || element.is_in_template() {
            continue;
        }
        if let Some(line) = after_html
            && element.line() > line
        {
            let f = out.fail(
                &INJECTED_SCRIPT,
                element.location(),
                format!("A <{name}> comes after the end of the page (</html>): code is added there when a page is tampered with."),
            );
            f.evidence("reason", "after-html-end");
            add_source(f, &element);
            continue;
        }
        let src = element.attr("src").and_then(|s| page.resolve_outside(s));
        if name == "script" {
            if let Some(url) = src {
                unknown_host(page, out, element.location(), name, &url);
            }
            continue;
        }
        let Some(url) = src else { continue };
        if !is_foreign(page, &url) && !is_unknown(page, &url) {
            continue;
        }
        if is_zero_size(&element) || !page.styles().1.is_visible(&element) {
            // Social widgets and ad networks use hidden frames too: a spam word decides.
            let keyword = page.data.and_then(|d| d.keyword_in(url.as_str()));
            let f = match &keyword {
                Some(_) => {
                    let f = out.fail(
                        &INJECTED_SCRIPT,
                        element.location(),
                        "A hidden frame loads a spam site: the page looks tampered with.",
                    );
                    f.severity = Severity::Critical;
                    f
                }
                None => {
                    let f = out.review(
                        &INJECTED_SCRIPT,
                        element.location(),
                        "A frame from another site is hidden or has no size: check that the site uses it on purpose.",
                    );
                    f.severity = Severity::Medium;
                    f
                }
            };
            f.evidence("src", url.as_str())
                .evidence("reason", "hidden-frame");
            if let Some((word, _)) = keyword {
                f.evidence("keyword", word);
            }
            continue;
        }
        unknown_host(page, out, element.location(), name, &url);
    }
    for (script, signals) in page.scripts() {
        for signal in signals {
            inline_signal(page, out, script, signal);
        }
    }
}

fn add_source(f: &mut govaudit_core::Finding, element: &Element<'_>) {
    match element.attr("src") {
        Some(src) => f.evidence("src", src.trim()),
        None => f.evidence("snippet", element.snippet()),
    };
}

fn inline_signal(page: &Page<'_>, out: &mut Collector, script: &Element<'_>, signal: &Signal) {
    let (reason, snippet, severity, message) = match signal {
        Signal::Miner { snippet } => (
            "miner",
            snippet,
            Severity::Critical,
            "A script mines crypto-currency in readers' browsers.".to_owned(),
        ),
        Signal::ReferrerRedirect { snippet } => (
            "referrer-redirect",
            snippet,
            Severity::Critical,
            "A script sends visitors who come from a search engine to another site.".to_owned(),
        ),
        Signal::Obfuscation { snippet } => (
            "obfuscation",
            snippet,
            Severity::High,
            "A script decodes and runs hidden code (eval of escaped text): a common shape of injected code.".to_owned(),
        ),
        Signal::Written {
            html,
            snippet,
            decoded,
        } => {
            let Some((tag, url)) = written_foreign_source(page, html) else {
                return;
            };
            let host = url.host_str().unwrap_or("");
            let f = if *decoded {
                out.fail(
                    &INJECTED_SCRIPT,
                    script.location(),
                    format!("A script decodes and writes a <{tag}> from an unknown host ({host}) into the page."),
                )
            } else {
                // Plain `document.write('<script src=...>')` is an old way of loading a widget.
                let f = out.review(
                    &INJECTED_SCRIPT,
                    script.location(),
                    format!("A script writes a <{tag}> from {host}, a host outside the site that is not a known service: check that the site uses it on purpose."),
                );
                f.severity = Severity::Low;
                f
            };
            f.evidence("src", url.as_str())
                .evidence("snippet", snippet)
                .evidence("reason", "document-write");
            return;
        }
        Signal::Hides { .. } => return,
    };
    let f = out.fail(&INJECTED_SCRIPT, script.location(), message);
    f.severity = severity;
    f.evidence("snippet", snippet).evidence("reason", reason);
}

/// The first `<script src>` or `<iframe src>` in written markup from a host that is neither
/// the site's nor known.
fn written_foreign_source(page: &Page<'_>, html: &str) -> Option<(&'static str, Url)> {
    let lower = html.to_ascii_lowercase();
    if !lower.contains("<script") && !lower.contains("<iframe") {
        return None;
    }
    let fragment = Document::from_html(html);
    fragment.elements().find_map(|e| {
        let tag = match e.name() {
            "script" => "script",
            "iframe" => "iframe",
            _ => return None,
        };
        let url = page.resolve_outside(e.attr("src")?)?;
        is_unknown(page, &url).then_some((tag, url))
    })
}

/// On another site that is not a government site.
fn is_foreign(page: &Page<'_>, url: &Url) -> bool {
    page.is_outside(url) && url.host_str().is_some_and(|h| !is_government(h))
}

/// Foreign and not on the allowlists.
fn is_unknown(page: &Page<'_>, url: &Url) -> bool {
    is_foreign(page, url) && url.host_str().is_some_and(|h| !page.is_allowed_host(h))
}

fn unknown_host(page: &Page<'_>, out: &mut Collector, location: Location, tag: &str, url: &Url) {
    if !is_unknown(page, url) {
        return;
    }
    let host = url.host_str().unwrap_or("");
    let f = out.review(
        &INJECTED_SCRIPT,
        location,
        format!("A <{tag}> comes from {host}, a host outside the site that is not a known service: check that the site uses it on purpose."),
    );
    f.severity = Severity::Low;
    f.evidence("src", url.as_str())
        .evidence("reason", "unknown-host");
}

/// `width` and `height` attributes of 0 or 1 (or either one 0).
fn is_zero_size(element: &Element<'_>) -> bool {
    let size = |name: &str| {
        element
            .attr(name)
            .and_then(|v| v.trim().trim_end_matches("px").trim().parse::<f64>().ok())
    };
    match (size("width"), size("height")) {
        (Some(w), Some(h)) => w <= 1.0 && h <= 1.0 || w == 0.0 || h == 0.0,
        (Some(v), None) | (None, Some(v)) => v == 0.0,
        (None, None) => false,
    }
}
