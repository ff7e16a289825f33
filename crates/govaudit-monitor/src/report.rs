//! `monitor report`: one self-contained HTML page per site plus an index of the fleet. Inline
//! CSS and SVG, no external resources, a strict CSP, and every stored string escaped by the
//! template engine (maud escapes whatever it interpolates).

use crate::availability::{Availability, ProbeSample, WINDOW_DAYS, availability};
use crate::store::{RunRow, RunState, SiteRow, Store};
use crate::{MonitorError, format_date};
use govaudit_i18n::{Catalog, FluentValue, Lang};
use maud::{DOCTYPE, Markup, PreEscaped, html};
use serde_json::Value;
use std::path::Path;

/// The report's text in one language, from the `monitor-*` messages of the catalogs
/// (`govaudit-i18n`, `locales/<lang>/monitor.ftl`), as report.html's text comes from its own.
struct Text {
    lang: Lang,
    catalog: &'static Catalog,
}

impl Text {
    fn new(lang: Lang) -> Text {
        Text {
            lang,
            catalog: Catalog::get(lang),
        }
    }

    /// Message `monitor-{key}`.
    fn tr(&self, key: &str) -> String {
        self.catalog.tr(&format!("monitor-{key}")).into_owned()
    }

    /// Message `monitor-{key}` with its `$count`.
    fn count(&self, key: &str, count: usize) -> String {
        self.catalog.tr_args(
            &format!("monitor-{key}"),
            &[("count", FluentValue::from(count))],
        )
    }
}

const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE: &str = "body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:70rem;\
padding:0 1rem;color:#1a1a1a}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px \
solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}.veto{color:#a00;\
font-weight:bold}.pass{color:#060}.muted{color:#666}svg{max-width:100%;height:auto}";

/// What the report shows of one site.
struct SiteView {
    site: SiteRow,
    runs: Vec<RunRow>,
    week: Availability,
    open: Vec<OpenProblem>,
    freshness: Freshness,
}

struct OpenProblem {
    rule: String,
    page: String,
    message: String,
    first_seen: i64,
}

enum Freshness {
    Fresh,
    Stale(String),
    Unknown,
}

/// Writes `index.html` and one `site-N.html` per site into `out`, as of `now` (Unix seconds),
/// in `lang`.
pub async fn write_report(
    store: &Store,
    out: &Path,
    now: i64,
    lang: Lang,
) -> Result<usize, MonitorError> {
    std::fs::create_dir_all(out).map_err(|e| write_error(out, e))?;
    let mut views = Vec::new();
    for site in store.sites().await? {
        views.push(site_view(store, site, now).await?);
    }
    let text = Text::new(lang);
    for view in &views {
        let page = site_page(view, now, &text);
        let path = out.join(site_file(&view.site));
        std::fs::write(&path, page.into_string()).map_err(|e| write_error(&path, e))?;
    }
    let title = text.tr("fleet-title");
    let index = page(
        &text,
        &title,
        html! {
            h1 { (title) }
            table {
                tr { th { (text.tr("site")) } th { (text.tr("last-run")) }
                     th { (text.tr("open-problems")) } th { (text.tr("availability-week")) } }
                @for view in &views {
                    tr {
                        td { a href=(site_file(&view.site)) { (view.site.name) } br;
                             span.muted { (view.site.url) } }
                        td { (last_done(&view.runs).map_or("—".to_owned(), |r| format_date(r.as_of))) }
                        td { (view.open.len()) }
                        td { (verdict_markup(&view.week, &text)) }
                    }
                }
            }
        },
    );
    let path = out.join("index.html");
    std::fs::write(&path, index.into_string()).map_err(|e| write_error(&path, e))?;
    Ok(views.len())
}

fn write_error(path: &Path, error: std::io::Error) -> MonitorError {
    MonitorError::Write {
        path: path.display().to_string(),
        reason: error.to_string(),
    }
}

fn site_file(site: &SiteRow) -> String {
    format!("site-{}.html", site.id)
}

fn last_done(runs: &[RunRow]) -> Option<&RunRow> {
    runs.iter().rev().find(|r| r.state == RunState::Done)
}

async fn site_view(store: &Store, site: SiteRow, now: i64) -> Result<SiteView, MonitorError> {
    let runs = store.runs_of(site.id).await?;
    let probes = store
        .probes(site.id, now - WINDOW_DAYS * 86_400, now)
        .await?;
    let samples: Vec<ProbeSample> = probes
        .iter()
        .map(|p| ProbeSample { at: p.at, ok: p.ok })
        .collect();
    let week = availability(&samples, now);
    let mut open = Vec::new();
    let mut freshness = Freshness::Unknown;
    if let Some(latest) = last_done(&runs) {
        let first_seen = store.first_seen(site.id).await?;
        // With a profile, disclosure ran and reports a stale homepage as a finding.
        if site.site_config().is_ok_and(|c| c.profile.is_some()) {
            freshness = Freshness::Fresh;
        }
        for row in store.findings_of(latest.id).await? {
            let finding: Value = serde_json::from_str(&row.finding)?;
            let text = |key: &str| finding[key].as_str().unwrap_or("").to_owned();
            if text("rule") == "disclosure/stale-homepage" {
                freshness = Freshness::Stale(text("message"));
            }
            open.push(OpenProblem {
                rule: text("rule"),
                page: text("url"),
                message: text("message"),
                first_seen: first_seen
                    .get(&row.fingerprint)
                    .copied()
                    .unwrap_or(latest.as_of),
            });
        }
        open.sort_by(|a, b| a.first_seen.cmp(&b.first_seen).then(a.rule.cmp(&b.rule)));
    }
    Ok(SiteView {
        site,
        runs,
        week,
        open,
        freshness,
    })
}

fn verdict_markup(week: &Availability, text: &Text) -> Markup {
    let (class, verdict) = match week.verdict {
        "veto" => ("veto", text.tr("verdict-veto")),
        "pass" => ("pass", text.tr("verdict-pass")),
        _ => ("muted", text.tr("verdict-insufficient")),
    };
    html! {
        span class=(class) { (verdict) } " "
        span.muted { (format!("{:.1}%", week.score)) " · " (text.count("probes", week.probes))
            " · " (text.count("failures", week.failures)) }
    }
}

fn site_page(view: &SiteView, now: i64, text: &Text) -> Markup {
    page(
        text,
        &view.site.name,
        html! {
            p { a href="index.html" { "← " (text.tr("back")) } }
            h1 { (view.site.name) }
            p.muted { (view.site.url) }
            h2 { (text.tr("availability-week")) }
            p { (verdict_markup(&view.week, text)) }
            (week_chart(&view.week))
            h2 { (text.tr("freshness")) }
            p { @match &view.freshness {
                Freshness::Fresh => span.pass { (text.tr("fresh")) },
                Freshness::Stale(message) => span.veto { (text.tr("stale")) ": " (message) },
                Freshness::Unknown => span.muted { (text.tr("unknown")) },
            } }
            h2 { (text.tr("score-over-time")) }
            @if last_done(&view.runs).is_none() {
                p { (text.tr("no-runs")) }
            } @else {
                p.muted { (text.tr("score-note")) }
                (score_chart(&view.runs))
            }
            h2 { (text.tr("problems-by-age")) " (" (view.open.len()) ")" }
            @if view.open.is_empty() {
                p { (text.tr("no-problems")) }
            } @else {
                table {
                    tr { th { (text.tr("rule")) } th { (text.tr("page")) } th { (text.tr("message")) }
                         th { (text.tr("first-seen")) } th { (text.tr("age-days")) } }
                    @for problem in &view.open {
                        tr { td { code { (problem.rule) } } td { (problem.page) }
                             td { (problem.message) } td { (format_date(problem.first_seen)) }
                             td { ((now - problem.first_seen).max(0) / 86_400) } }
                    }
                }
            }
        },
    )
}

/// A page with the CSP, inline style and language.
fn page(text: &Text, title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(text.lang.tag()) {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(CSP);
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                style { (PreEscaped(STYLE)) }
            }
            body { (body) }
        }
    }
}

/// Bars of the share of probes that loaded, one per 24 hours of the week.
fn week_chart(week: &Availability) -> Markup {
    let (width, height, bar) = (420.0, 120.0, 50.0);
    html! {
        svg xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {width} {}", height + 20.0))
            role="img" aria-label="availability" {
            @for (i, day) in week.per_day.iter().enumerate() {
                @let share = if day.probes == 0 { 0.0 } else {
                    (day.probes - day.failures) as f64 / day.probes as f64 };
                @let h = share * height;
                @let x = i as f64 * (bar + 10.0);
                rect x=(x) y=(height - h) width=(bar) height=(h)
                    fill=(if share >= 0.95 { "#2a7" } else { "#c33" }) {}
                text x=(x + bar / 2.0) y=(height + 15.0) font-size="11" text-anchor="middle" {
                    (month_day(day.day)) }
            }
        }
    }
}

/// `MM-DD` of a time (the whole date when it has no such part).
fn month_day(seconds: i64) -> String {
    let date = format_date(seconds);
    date.get(5..).map_or(date.clone(), str::to_owned)
}

/// Lines of the availability score per run, and of `scores.total` where runs have it.
fn score_chart(runs: &[RunRow]) -> Markup {
    let done: Vec<&RunRow> = runs.iter().filter(|r| r.state == RunState::Done).collect();
    let value = |text: Option<&str>, key: &str| -> Option<f64> {
        let json: Value = serde_json::from_str(text?).ok()?;
        json.get(key)?.as_f64()
    };
    let availability: Vec<Option<f64>> = done
        .iter()
        .map(|r| value(r.availability.as_deref(), "score"))
        .collect();
    let total: Vec<Option<f64>> = done
        .iter()
        .map(|r| value(r.scores.as_deref(), "total"))
        .collect();
    let (width, height) = (600.0, 150.0);
    let step = if done.len() > 1 {
        width / (done.len() - 1) as f64
    } else {
        0.0
    };
    let line = |values: &[Option<f64>]| -> String {
        values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| {
                let v = (*v)?.clamp(0.0, 100.0);
                Some(format!(
                    "{:.1},{:.1}",
                    i as f64 * step,
                    height - v / 100.0 * height
                ))
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    html! {
        svg xmlns="http://www.w3.org/2000/svg" viewBox=(format!("-5 -5 {} {}", width + 10.0, height + 30.0))
            role="img" aria-label="score" {
            line x1="0" y1=(height) x2=(width) y2=(height) stroke="#999" {}
            polyline points=(line(&availability)) fill="none" stroke="#27a" stroke-width="2" {}
            polyline points=(line(&total)) fill="none" stroke="#a72" stroke-width="2" {}
            @if let (Some(first), Some(last)) = (done.first(), done.last()) {
                text x="0" y=(height + 20.0) font-size="11" { (format_date(first.as_of)) }
                text x=(width) y=(height + 20.0) font-size="11" text-anchor="end" {
                    (format_date(last.as_of)) }
            }
        }
    }
}
