//! From a tally and the run's report sections to a [`Scorecard`].

use crate::model::{
    AvailabilityVerdict, EVIDENCE_CAP, EvidenceRef, Group, IndicatorScore, IndicatorState, Points,
    Scorecard, Verdict,
};
use crate::profile::{Indicator, Measure, Otherwise, PageScope, ScoringProfile, name_id};
use crate::tally::Tally;
use govaudit_core::Phrase;
use govaudit_i18n::Lang;
use serde_json::{Map, Value, json};

/// What a run tells scoring besides its findings.
#[derive(Debug, Clone, Default)]
pub struct RunFacts<'a> {
    /// The run's report sections (`profile`, `items`, `observatory`, ...).
    pub sections: Option<&'a Map<String, Value>>,
    /// The areas that ran (`a11y`, `links`, `disclosure`, `headers`, `content`).
    pub areas: Vec<String>,
    /// The site's URL (the live start URL, or `site_url` from govaudit.toml).
    pub site_url: Option<String>,
    /// The date freshness was measured against.
    pub as_of: Option<String>,
    /// `Some(true)` when a live run's start URL could not be fetched; `None` offline.
    pub start_url_failed: Option<bool>,
    /// A monitor's availability verdict over its window, when there is one.
    pub availability: Option<AvailabilityVerdict>,
}

/// Scores a run against a profile.
pub fn score(profile: &ScoringProfile, tally: &Tally, facts: &RunFacts<'_>) -> Scorecard {
    let indicators: Vec<IndicatorScore> = profile
        .indicators
        .iter()
        .enumerate()
        .map(|(index, indicator)| score_indicator(index, indicator, tally, facts))
        .collect();
    let max = profile.scoring.max.unwrap_or(0.0);
    let mut scorecard = Scorecard {
        profile: profile.scoring.id.clone(),
        profile_name: profile.scoring.name.clone(),
        verdict: Verdict::Pass,
        total: None,
        max,
        pass_mark: profile.scoring.pass_mark,
        total_is_upper_bound: false,
        formula: String::new(),
        explanation: Vec::new(),
        rules_applied: profile.scoring.rules_applied.clone(),
        site_url: facts.site_url.clone(),
        as_of: facts.as_of.clone(),
        indicators,
    };
    decide(&mut scorecard, profile.scoring.max.is_some());
    scorecard
}

/// The total and the verdict from the indicators (the 指标说明 rules).
fn decide(card: &mut Scorecard, has_total: bool) {
    let mut parts = Vec::new();
    let is = |group: Group, state: IndicatorState| {
        move |i: &&IndicatorScore| i.group == group && i.state == state
    };
    let vetoes_failed: Vec<&str> = card
        .indicators
        .iter()
        .filter(is(Group::Veto, IndicatorState::Fail))
        .chain(
            card.indicators
                .iter()
                .filter(is(Group::RequiredElement, IndicatorState::Fail)),
        )
        .map(|i| i.id.as_str())
        .collect();
    let undecided: Vec<&str> = card
        .indicators
        .iter()
        .filter(|i| {
            matches!(i.group, Group::Veto | Group::RequiredElement)
                && matches!(
                    i.state,
                    IndicatorState::NeedsPerson | IndicatorState::NotMeasured
                )
        })
        .map(|i| i.id.as_str())
        .collect();
    let mut below_mark = false;
    if has_total {
        let deductions: Vec<&IndicatorScore> = card
            .indicators
            .iter()
            .filter(|i| i.group == Group::Deduction)
            .collect();
        let deducted: f64 = deductions.iter().filter_map(|i| i.deducted).sum();
        let terms: Vec<String> = deductions
            .iter()
            .filter_map(|i| {
                i.deducted
                    .filter(|d| *d > 0.0)
                    .map(|d| format!("{d} ({})", i.id))
            })
            .collect();
        let terms = if terms.is_empty() {
            "0".to_owned()
        } else {
            terms.join(" − ")
        };
        let total = (card.max - deducted).clamp(0.0, card.max);
        let unknown: Vec<&str> = deductions
            .iter()
            .filter(|i| i.deducted.is_none() && i.state != IndicatorState::Pass)
            .map(|i| i.id.as_str())
            .collect();
        card.total = Some(total);
        card.total_is_upper_bound = !unknown.is_empty();
        parts.push(
            Phrase::new("formula-total")
                .number("max", card.max)
                .text("terms", terms)
                .number("total", total),
        );
        if card.total_is_upper_bound {
            parts.push(
                Phrase::new("formula-upper-bound")
                    .count("count", unknown.len())
                    .names("indicators", unknown.iter().map(|id| name_id(id))),
            );
        }
        if let Some(mark) = card.pass_mark {
            below_mark = total < mark;
            parts.push(
                Phrase::new("formula-pass-mark")
                    .number("mark", mark)
                    .choice("below", if below_mark { "yes" } else { "no" }),
            );
        }
    }
    card.verdict = if !vetoes_failed.is_empty() {
        parts.push(
            Phrase::new("formula-fail-vetoes")
                .count("count", vetoes_failed.len())
                .names("indicators", vetoes_failed.iter().map(|id| name_id(id))),
        );
        Verdict::Fail
    } else if below_mark {
        parts.push(Phrase::new("formula-fail-below-mark"));
        Verdict::Fail
    } else if !undecided.is_empty() || (card.total_is_upper_bound && card.pass_mark.is_some()) {
        if !undecided.is_empty() {
            parts.push(
                Phrase::new("formula-needs-person-undecided")
                    .count("count", undecided.len())
                    .names("indicators", undecided.iter().map(|id| name_id(id))),
            );
        } else {
            parts.push(Phrase::new("formula-needs-person-upper-bound"));
        }
        Verdict::NeedsPerson
    } else {
        parts.push(Phrase::new("formula-pass"));
        Verdict::Pass
    };
    card.formula = govaudit_i18n::Catalog::get(Lang::En).paragraph(&parts);
    card.explanation = parts;
}

fn score_indicator(
    index: usize,
    indicator: &Indicator,
    tally: &Tally,
    facts: &RunFacts<'_>,
) -> IndicatorScore {
    let points = match &indicator.points {
        Some(p) => Points::Set {
            value: p.value,
            estimate: p.estimate,
            source: p.source.clone(),
        },
        None => Points::NotSet,
    };
    let mut out = IndicatorScore {
        id: indicator.id.clone(),
        group: indicator.group,
        name_id: name_id(&indicator.id),
        verification: indicator.verification,
        state: IndicatorState::NotMeasured,
        measured: None,
        threshold: indicator
            .threshold
            .as_ref()
            .and_then(|t| serde_json::to_value(t).ok()),
        points,
        deducted: None,
        score: None,
        count: 0,
        formula: String::new(),
        explanation: Vec::new(),
        evidence: Vec::new(),
        evidence_total: 0,
    };
    let area_ran = |area: &str| facts.areas.iter().any(|a| a == area);
    match &indicator.measure {
        Measure::Findings {
            rules,
            area,
            page,
            fail_at,
            otherwise,
            ..
        } => {
            let scope = match page {
                PageScope::Any => "any",
                PageScope::Homepage => "homepage",
                PageScope::Other => "other",
            };
            if !area_ran(area) {
                out.say(Phrase::new("formula-area-not-run").text("area", area.as_str()));
                if *otherwise == Otherwise::NeedsPerson {
                    out.state = IndicatorState::NeedsPerson;
                    out.say(Phrase::new("formula-so-person-decides"));
                }
            } else if let Some(t) = tally.measure(index) {
                out.count = t.fail;
                out.measured = Some(json!(t.fail));
                out.evidence_total = t.fail + t.review;
                out.evidence = t.evidence;
                let fail_at = (*fail_at).max(1);
                out.state = if t.fail >= fail_at {
                    IndicatorState::Fail
                } else if t.review > 0 {
                    IndicatorState::NeedsPerson
                } else {
                    match otherwise {
                        Otherwise::Pass => IndicatorState::Pass,
                        Otherwise::NeedsPerson => IndicatorState::NeedsPerson,
                    }
                };
                out.say(
                    Phrase::new("formula-findings")
                        .count("fail", t.fail)
                        .text("rules", rules.join(", "))
                        .choice("scope", scope)
                        .count("fail_at", fail_at),
                );
                if t.review > 0 {
                    out.say(Phrase::new("formula-for-review").count("review", t.review));
                }
                if out.state == IndicatorState::NeedsPerson && t.review == 0 {
                    out.say(Phrase::new("formula-nothing-proves"));
                }
            }
        }
        Measure::Items { items } => score_items(&mut out, items, facts),
        Measure::Availability { fail_ratio } => {
            if let Some(a) = facts.availability {
                let ratio = if a.probes == 0 {
                    0.0
                } else {
                    f64::from(a.failed) / f64::from(a.probes)
                };
                out.measured = Some(
                    json!({"probes": a.probes, "failed": a.failed, "ratio": ratio, "window_days": a.window_days}),
                );
                out.count = a.failed as usize;
                out.state = if a.probes == 0 {
                    IndicatorState::NotMeasured
                } else if ratio >= *fail_ratio {
                    IndicatorState::Fail
                } else {
                    IndicatorState::Pass
                };
                out.say(
                    Phrase::new("formula-availability")
                        .number("failed", a.failed)
                        .number("probes", a.probes)
                        .number("days", a.window_days)
                        .text("ratio", format!("{ratio:.4}"))
                        .number("fail_ratio", *fail_ratio),
                );
            } else if facts.start_url_failed == Some(true) {
                out.state = IndicatorState::Fail;
                out.count = 1;
                out.say(Phrase::new("formula-start-url-failed"));
            } else if facts.start_url_failed == Some(false) {
                out.state = IndicatorState::NeedsPerson;
                out.say(Phrase::new("formula-start-url-answered"));
            } else {
                out.say(Phrase::new("formula-offline-no-probes"));
            }
        }
        Measure::Domain { suffix } => match facts.site_url.as_deref().and_then(host_of) {
            Some(host) => {
                let ok = host == suffix.trim_start_matches('.') || host.ends_with(suffix.as_str());
                out.measured = Some(json!(host));
                out.state = if ok {
                    IndicatorState::Pass
                } else {
                    IndicatorState::Fail
                };
                out.count = usize::from(!ok);
                out.say(
                    Phrase::new("formula-domain")
                        .text("host", host)
                        .choice("ends", if ok { "yes" } else { "no" })
                        .text("suffix", suffix.as_str()),
                );
            }
            None => out.say(Phrase::new("formula-no-site-url")),
        },
        Measure::AreaScore { area } => {
            if area_ran(area) {
                area_score(&mut out, area, tally);
            } else {
                out.say(Phrase::new("formula-area-not-run").text("area", area.as_str()));
            }
        }
        Measure::Observatory => {
            let observed = facts
                .sections
                .and_then(|s| s.get("observatory"))
                .and_then(|o| o.get("score"))
                .and_then(Value::as_f64);
            if let Some(raw) = observed {
                let score = raw.clamp(0.0, 100.0);
                out.score = Some(score);
                out.measured = Some(json!(raw));
                out.state = IndicatorState::Pass;
                out.say(
                    Phrase::new("formula-observatory")
                        .number("raw", raw)
                        .number("score", score),
                );
                let area = tally.area("headers");
                out.count = area.fail;
                out.evidence_total = area.fail;
                out.evidence = area.evidence;
            } else if area_ran("headers") {
                area_score(&mut out, "headers", tally);
            } else {
                out.say(Phrase::new("formula-area-not-run").text("area", "headers"));
            }
        }
        Measure::Person => {
            out.state = IndicatorState::NeedsPerson;
            out.say(Phrase::new("formula-person"));
        }
        Measure::NotMeasured => {
            out.say(Phrase::new("formula-not-measurable"));
        }
    }
    // A user's own note is shown as written; a shipped indicator's note is catalog text.
    match &indicator.note {
        Some(note) => out.say(Phrase::new("formula-text").text("text", note.as_str())),
        None if govaudit_i18n::Catalog::get(Lang::En).has_attribute(&out.name_id, "note") => {
            let note = format!("{}.note", out.name_id);
            out.say(Phrase::new(&note));
        }
        None => {}
    }
    if indicator.group == Group::Deduction {
        deduct(&mut out, indicator);
    }
    out.formula = govaudit_i18n::Catalog::get(Lang::En).paragraph(&out.explanation);
    out
}

/// A deduction: a fail deducts `per_instance × count` (or all its points), never more than the
/// indicator's points; a pass deducts 0; an undecided one deducts nothing known.
fn deduct(out: &mut IndicatorScore, indicator: &Indicator) {
    let Some(points) = &indicator.points else {
        if out.state == IndicatorState::Fail {
            out.say(Phrase::new("formula-points-not-set"));
        }
        return;
    };
    out.deducted = match out.state {
        IndicatorState::Pass => Some(0.0),
        IndicatorState::Fail => {
            let raw = points
                .per_instance
                .map_or(points.value, |p| p * out.count.max(1) as f64);
            let capped = raw.min(points.value);
            let estimate = if points.estimate { "yes" } else { "no" };
            out.say(match points.per_instance {
                Some(p) => Phrase::new("formula-deducted-per-instance")
                    .count("count", out.count.max(1))
                    .number("per_instance", p)
                    .number("value", points.value)
                    .number("deducted", capped)
                    .choice("estimate", estimate),
                None => Phrase::new("formula-deducted")
                    .number("deducted", capped)
                    .choice("estimate", estimate),
            });
            Some(capped)
        }
        IndicatorState::NeedsPerson | IndicatorState::NotMeasured => {
            out.say(Phrase::new("formula-up-to-unknown").number("value", points.value));
            None
        }
    };
}

fn area_score(out: &mut IndicatorScore, area: &str, tally: &Tally) {
    let t = tally.area(area);
    let pages = tally.pages().max(1);
    let mean = t.weighted / pages as f64;
    let score = (100.0 - mean).clamp(0.0, 100.0);
    let score = (score * 10.0).round() / 10.0;
    out.score = Some(score);
    out.count = t.fail;
    out.measured = Some(json!({"weighted_failures": t.weighted, "resources": pages}));
    out.state = if t.fail == 0 {
        IndicatorState::Pass
    } else {
        IndicatorState::Fail
    };
    out.say(
        Phrase::new("formula-area-score")
            .number("weighted", t.weighted)
            .count("pages", pages)
            .number("score", score),
    );
    out.evidence_total = t.fail;
    out.evidence = t.evidence;
}

fn score_items(out: &mut IndicatorScore, wanted: &[String], facts: &RunFacts<'_>) {
    let Some(items) = facts
        .sections
        .and_then(|s| s.get("items"))
        .and_then(Value::as_array)
    else {
        out.say(Phrase::new("formula-items-not-run"));
        return;
    };
    let page = facts
        .sections
        .and_then(|s| s.get("profile"))
        .and_then(|p| p.get("homepage"))
        .and_then(Value::as_str)
        .unwrap_or_default();
    let mut absent = Vec::new();
    let mut review = Vec::new();
    let mut present = Vec::new();
    let mut unknown = Vec::new();
    for id in wanted {
        let item = items
            .iter()
            .find(|i| i.get("id").and_then(Value::as_str) == Some(id.as_str()));
        match item.and_then(|i| i.get("state")).and_then(Value::as_str) {
            Some("present") => present.push(id.as_str()),
            Some("absent") => absent.push(id.as_str()),
            Some(_) => review.push(id.as_str()),
            None => unknown.push(id.as_str()),
        }
    }
    out.count = absent.len();
    out.measured = Some(json!({"present": present, "absent": absent, "review": review}));
    out.state = if !absent.is_empty() {
        IndicatorState::Fail
    } else if !review.is_empty() {
        IndicatorState::NeedsPerson
    } else if present.is_empty() {
        IndicatorState::NotMeasured
    } else {
        IndicatorState::Pass
    };
    out.evidence_total = absent.len() + review.len();
    out.evidence = absent
        .iter()
        .map(|id| (id, "absent"))
        .chain(review.iter().map(|id| (id, "needs review")))
        .take(EVIDENCE_CAP)
        .map(|(id, state)| EvidenceRef {
            url: page.to_owned(),
            line: None,
            selector: None,
            rule: if state == "absent" {
                "disclosure/missing-item".to_owned()
            } else {
                "disclosure/item-needs-review".to_owned()
            },
            message: format!("item {id}: {state}"),
        })
        .collect();
    out.say(
        Phrase::new("formula-items")
            .count("present", present.len())
            .count("wanted", wanted.len())
            .text("items", wanted.join(", "))
            .count("absent", absent.len())
            .count("unsure", review.len()),
    );
    if !unknown.is_empty() {
        out.say(Phrase::new("formula-items-unknown").text("items", unknown.join(", ")));
    }
}

fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = host.split(':').next()?.trim_end_matches('.');
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}
