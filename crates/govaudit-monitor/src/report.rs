//! `monitor report`: one self-contained HTML page per site plus an index of the fleet. Inline
//! CSS and SVG, no external resources, a strict CSP, and every stored string escaped by the
//! template engine (maud escapes whatever it interpolates).

use crate::availability::{Availability, ProbeSample, WINDOW_DAYS, availability};
use crate::store::{RunRow, RunState, SiteRow, Store};
use crate::{MonitorError, format_date};
use maud::{DOCTYPE, Markup, PreEscaped, html};
use serde_json::Value;
use std::path::Path;

/// The report's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    ZhCn,
    En,
}

impl Lang {
    /// `zh-CN` or `en`.
    pub fn parse(text: &str) -> Option<Lang> {
        match text {
            "zh-CN" | "zh-cn" | "zh" => Some(Lang::ZhCn),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    fn tag(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::En => "en",
        }
    }

    fn strings(self) -> &'static Strings {
        match self {
            Lang::ZhCn => &ZH_CN,
            Lang::En => &EN,
        }
    }
}

/// Every string the report shows, in one place (to move to the message catalogs later).
struct Strings {
    fleet_title: &'static str,
    site: &'static str,
    last_run: &'static str,
    open_problems: &'static str,
    availability_week: &'static str,
    verdict_pass: &'static str,
    verdict_veto: &'static str,
    verdict_insufficient: &'static str,
    score_over_time: &'static str,
    score_note: &'static str,
    problems_by_age: &'static str,
    rule: &'static str,
    page: &'static str,
    message: &'static str,
    first_seen: &'static str,
    age_days: &'static str,
    probes: &'static str,
    failures: &'static str,
    freshness: &'static str,
    fresh: &'static str,
    stale: &'static str,
    unknown: &'static str,
    no_runs: &'static str,
    no_problems: &'static str,
    back: &'static str,
}

const EN: Strings = Strings {
    fleet_title: "Monitored sites",
    site: "Site",
    last_run: "Last run",
    open_problems: "Open problems",
    availability_week: "Availability over the week",
    verdict_pass: "pass",
    verdict_veto: "veto (unreachable ≥ 5%)",
    verdict_insufficient: "too few probes (< 20 a day)",
    score_over_time: "Score over time",
    score_note: "Availability score per run (share of homepage probes that loaded), and the total score when the run has one.",
    problems_by_age: "Open problems by age",
    rule: "Rule",
    page: "Page",
    message: "Message",
    first_seen: "First seen",
    age_days: "Age (days)",
    probes: "probes",
    failures: "failures",
    freshness: "Freshness of the homepage",
    fresh: "updated recently (no stale-homepage finding)",
    stale: "stale",
    unknown: "unknown (no disclosure profile)",
    no_runs: "No finished run yet.",
    no_problems: "No open problems.",
    back: "All sites",
};

const ZH_CN: Strings = Strings {
    fleet_title: "监测网站",
    site: "网站",
    last_run: "最近检查",
    open_problems: "未解决问题",
    availability_week: "一周可用性",
    verdict_pass: "合格",
    verdict_veto: "单项否决（无法访问 ≥ 5%）",
    verdict_insufficient: "监测次数不足（每天少于 20 次）",
    score_over_time: "得分变化",
    score_note: "每次检查的可用性得分（首页监测成功的比例），以及检查给出的总分。",
    problems_by_age: "未解决问题（按时长）",
    rule: "规则",
    page: "页面",
    message: "说明",
    first_seen: "首次发现",
    age_days: "持续天数",
    probes: "次监测",
    failures: "次失败",
    freshness: "首页更新情况",
    fresh: "近期有更新（无首页不更新问题）",
    stale: "不更新",
    unknown: "未知（未指定公开目录）",
    no_runs: "尚无完成的检查。",
    no_problems: "没有未解决的问题。",
    back: "全部网站",
};

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

/// Writes `index.html` and one `site-N.html` per site into `out`, as of `now` (Unix seconds).
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
    let strings = lang.strings();
    for view in &views {
        let page = site_page(view, now, lang);
        let path = out.join(site_file(&view.site));
        std::fs::write(&path, page.into_string()).map_err(|e| write_error(&path, e))?;
    }
    let index = page(
        lang,
        strings.fleet_title,
        html! {
            h1 { (strings.fleet_title) }
            table {
                tr { th { (strings.site) } th { (strings.last_run) } th { (strings.open_problems) }
                     th { (strings.availability_week) } }
                @for view in &views {
                    tr {
                        td { a href=(site_file(&view.site)) { (view.site.name) } br;
                             span.muted { (view.site.url) } }
                        td { (last_done(&view.runs).map_or("—".to_owned(), |r| format_date(r.as_of))) }
                        td { (view.open.len()) }
                        td { (verdict_markup(&view.week, strings)) }
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

fn verdict_markup(week: &Availability, strings: &Strings) -> Markup {
    let (class, text) = match week.verdict {
        "veto" => ("veto", strings.verdict_veto),
        "pass" => ("pass", strings.verdict_pass),
        _ => ("muted", strings.verdict_insufficient),
    };
    html! {
        span class=(class) { (text) } " "
        span.muted { (format!("{:.1}%", week.score)) " · " (week.probes) " " (strings.probes)
            " · " (week.failures) " " (strings.failures) }
    }
}

fn site_page(view: &SiteView, now: i64, lang: Lang) -> Markup {
    let strings = lang.strings();
    page(
        lang,
        &view.site.name,
        html! {
            p { a href="index.html" { "← " (strings.back) } }
            h1 { (view.site.name) }
            p.muted { (view.site.url) }
            h2 { (strings.availability_week) }
            p { (verdict_markup(&view.week, strings)) }
            (week_chart(&view.week))
            h2 { (strings.freshness) }
            p { @match &view.freshness {
                Freshness::Fresh => span.pass { (strings.fresh) },
                Freshness::Stale(message) => span.veto { (strings.stale) ": " (message) },
                Freshness::Unknown => span.muted { (strings.unknown) },
            } }
            h2 { (strings.score_over_time) }
            @if last_done(&view.runs).is_none() {
                p { (strings.no_runs) }
            } @else {
                p.muted { (strings.score_note) }
                (score_chart(&view.runs))
            }
            h2 { (strings.problems_by_age) " (" (view.open.len()) ")" }
            @if view.open.is_empty() {
                p { (strings.no_problems) }
            } @else {
                table {
                    tr { th { (strings.rule) } th { (strings.page) } th { (strings.message) }
                         th { (strings.first_seen) } th { (strings.age_days) } }
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
fn page(lang: Lang, title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(lang.tag()) {
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
