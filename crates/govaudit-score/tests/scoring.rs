//! The 指标说明 rules and the profile files, over hand-made findings and sections.

use govaudit_core::{Finding, Location, Outcome, Severity};
use govaudit_score::{
    Group, IndicatorState, Points, ProfileError, RunFacts, ScoringProfile, Tally, Verdict, score,
};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

fn finding(rule: &str, outcome: Outcome, url: &str) -> Finding {
    Finding {
        rule: rule.to_owned(),
        outcome,
        severity: Severity::High,
        message: format!("{rule} at {url}"),
        url: url.to_owned(),
        location: Location::at_line(3),
        standards: Vec::new().into(),
        help: None,
        evidence: Default::default(),
    }
}

fn stale_column(kind: &str, url: &str) -> Finding {
    let mut f = finding("disclosure/stale-column", Outcome::Fail, url);
    f.evidence.insert("kind".into(), json!(kind));
    f
}

/// Sections where every cn-gov item is present except those named.
fn sections(absent: &[&str]) -> Map<String, Value> {
    let ids = [
        "cn.interaction",
        "cn.org_functions",
        "cn.policy_docs",
        "cn.policy_interpretation",
        "cn.conac",
        "cn.host_org",
        "cn.contact",
        "cn.site_code",
        "cn.icp",
        "cn.psb_beian",
        "cn.zhaocuo",
    ];
    let items: Vec<Value> = ids
        .iter()
        .map(|id| {
            let state = if absent.contains(id) {
                "absent"
            } else {
                "present"
            };
            json!({"id": id, "state": state})
        })
        .collect();
    let mut map = Map::new();
    map.insert("items".into(), Value::Array(items));
    map.insert("profile".into(), json!({"homepage": "site/index.html"}));
    map
}

fn facts(sections: &Map<String, Value>) -> RunFacts<'_> {
    RunFacts {
        sections: Some(sections),
        areas: ["a11y", "links", "disclosure", "headers", "content"]
            .map(String::from)
            .to_vec(),
        site_url: Some("https://www.shili.gov.cn/".into()),
        as_of: Some("2026-11-25".into()),
        start_url_failed: None,
        availability: None,
    }
}

fn run(
    profile: &ScoringProfile,
    findings: &[Finding],
    sections: &Map<String, Value>,
) -> govaudit_score::Scorecard {
    let mut tally = Tally::new(profile, Some("site/index.html".into()));
    tally.resource("site/index.html", &[]);
    tally.findings(findings);
    score(profile, &tally, &facts(sections))
}

fn state(card: &govaudit_score::Scorecard, id: &str) -> IndicatorState {
    card.indicators
        .iter()
        .find(|i| i.id == id)
        .unwrap_or_else(|| panic!("no indicator {id}"))
        .state
}

fn cn() -> ScoringProfile {
    ScoringProfile::builtin("cn-gov").unwrap()
}

#[test]
fn every_builtin_profile_parses() {
    for (id, _) in govaudit_score::BUILTIN_PROFILES {
        let profile = ScoringProfile::builtin(id).unwrap();
        assert_eq!(profile.scoring.id, *id);
        assert!(!profile.indicators.is_empty());
    }
}

#[test]
fn a_failed_veto_fails_the_site_whatever_the_points() {
    let findings = [finding("content/hidden-link", Outcome::Fail, "site/a.html")];
    let card = run(&cn(), &findings, &sections(&[]));
    assert_eq!(
        state(&card, "cn19.web.veto.serious_incident"),
        IndicatorState::Fail
    );
    assert_eq!(card.total, Some(100.0));
    assert_eq!(card.verdict, Verdict::Fail);
    let veto = card
        .indicators
        .iter()
        .find(|i| i.id == "cn19.web.veto.serious_incident")
        .unwrap();
    assert_eq!(veto.evidence[0].rule, "content/hidden-link");
}

#[test]
fn no_content_findings_leave_serious_incident_to_a_person() {
    let card = run(&cn(), &[], &sections(&[]));
    assert_eq!(
        state(&card, "cn19.web.veto.serious_incident"),
        IndicatorState::NeedsPerson
    );
    assert_eq!(
        state(&card, "cn19.web.veto.site_unreachable"),
        IndicatorState::NotMeasured
    );
    assert_eq!(card.verdict, Verdict::NeedsPerson);
}

#[test]
fn missing_interaction_channel_is_a_veto() {
    let card = run(&cn(), &[], &sections(&["cn.interaction"]));
    assert_eq!(
        state(&card, "cn19.web.veto.interaction_poor"),
        IndicatorState::Fail
    );
    assert_eq!(card.verdict, Verdict::Fail);
}

#[test]
fn five_stale_columns_are_a_veto_four_are_not() {
    let four: Vec<Finding> = (0..4)
        .map(|i| stale_column("news", &format!("site/{i}.html")))
        .collect();
    let card = run(&cn(), &four, &sections(&[]));
    assert_eq!(
        state(&card, "cn19.web.veto.columns_not_updated"),
        IndicatorState::Pass
    );
    let mut five = four.clone();
    five.push(stale_column("notice", "site/n.html"));
    let card = run(&cn(), &five, &sections(&[]));
    assert_eq!(
        state(&card, "cn19.web.veto.columns_not_updated"),
        IndicatorState::Fail
    );
}

#[test]
fn a_stale_policy_column_deducts_its_sourced_estimate_once() {
    let findings = [
        stale_column("policy", "site/zcwj.html"),
        stale_column("policy", "site/zcwj2.html"),
    ];
    let card = run(&cn(), &findings, &sections(&[]));
    let policy = card
        .indicators
        .iter()
        .find(|i| i.id == "cn19.web.ded.policy_docs_stale")
        .unwrap();
    assert_eq!(policy.state, IndicatorState::Fail);
    assert_eq!(policy.count, 2);
    // Without per-instance points a fail deducts the indicator's points, not 2 × 5.
    assert_eq!(policy.deducted, Some(5.0));
    assert!(matches!(policy.points, Points::Set { estimate: true, .. }));
    assert_eq!(card.total, Some(95.0));
    assert!(
        card.formula
            .contains("100 − 5 (cn19.web.ded.policy_docs_stale) = 95"),
        "{}",
        card.formula
    );
}

#[test]
fn unsourced_deductions_are_counts_with_points_not_set() {
    let findings = [
        finding("links/broken", Outcome::Fail, "site/index.html"),
        finding("links/broken", Outcome::Fail, "site/a.html"),
        finding("links/broken", Outcome::Fail, "site/b.html"),
    ];
    let card = run(&cn(), &findings, &sections(&[]));
    let home = card
        .indicators
        .iter()
        .find(|i| i.id == "cn19.web.ded.link_availability_home")
        .unwrap();
    let other = card
        .indicators
        .iter()
        .find(|i| i.id == "cn19.web.ded.link_availability_other")
        .unwrap();
    assert_eq!((home.count, other.count), (1, 2));
    assert_eq!(home.points, Points::NotSet);
    assert_eq!(home.deducted, None);
    assert!(home.formula.contains("points not set"), "{}", home.formula);
    assert_eq!(card.total, Some(100.0));
    assert!(card.total_is_upper_bound);
}

#[test]
fn a_user_file_that_sets_points_changes_the_total_and_is_capped() {
    let user = r#"
        extends = "cn-gov"
        [points."cn19.web.ded.link_availability_other"]
        value = 4
        per_instance = 1.5
        source = "provincial table"
    "#;
    let profile = ScoringProfile::from_toml(user, "mine.toml").unwrap();
    let findings: Vec<Finding> = (0..2)
        .map(|i| finding("links/broken", Outcome::Fail, &format!("site/{i}.html")))
        .collect();
    let card = run(&profile, &findings, &sections(&[]));
    assert_eq!(card.total, Some(97.0));
    let many: Vec<Finding> = (0..9)
        .map(|i| finding("links/broken", Outcome::Fail, &format!("site/{i}.html")))
        .collect();
    let card = run(&profile, &many, &sections(&[]));
    let other = card
        .indicators
        .iter()
        .find(|i| i.id == "cn19.web.ded.link_availability_other")
        .unwrap();
    // 9 × 1.5 = 13.5, capped at the indicator's 4 points.
    assert_eq!(other.deducted, Some(4.0));
    assert_eq!(card.total, Some(96.0));
}

#[test]
fn a_total_below_the_pass_mark_fails() {
    let user = r#"
        extends = "cn-gov"
        [points."cn19.web.ded.link_availability_other"]
        value = 45
        [points."cn19.web.ded.footer_marks"]
        value = 10
    "#;
    let profile = ScoringProfile::from_toml(user, "mine.toml").unwrap();
    let findings = [finding("links/broken", Outcome::Fail, "site/a.html")];
    let card = run(&profile, &findings, &sections(&["cn.psb_beian"]));
    assert_eq!(card.total, Some(45.0));
    assert_eq!(card.verdict, Verdict::Fail);
    assert!(
        card.indicators
            .iter()
            .filter(|i| i.group == Group::Veto)
            .all(|i| i.state != IndicatorState::Fail)
    );
}

#[test]
fn a_live_run_whose_start_url_failed_is_unreachable() {
    let s = sections(&[]);
    let mut f = facts(&s);
    f.start_url_failed = Some(true);
    let profile = cn();
    let card = score(&profile, &Tally::new(&profile, None), &f);
    assert_eq!(
        state(&card, "cn19.web.veto.site_unreachable"),
        IndicatorState::Fail
    );
    assert_eq!(card.verdict, Verdict::Fail);
}

#[test]
fn a_monitor_verdict_decides_availability() {
    let s = sections(&[]);
    let mut f = facts(&s);
    f.availability = Some(govaudit_score::AvailabilityVerdict {
        window_days: 7,
        probes: 140,
        failed: 7,
    });
    let profile = cn();
    let card = score(&profile, &Tally::new(&profile, None), &f);
    // 7 / 140 = 5 %, and the rule says 超过(含) 5 %.
    assert_eq!(
        state(&card, "cn19.web.veto.site_unreachable"),
        IndicatorState::Fail
    );
    f.availability = Some(govaudit_score::AvailabilityVerdict {
        window_days: 7,
        probes: 140,
        failed: 6,
    });
    let card = score(&profile, &Tally::new(&profile, None), &f);
    assert_eq!(
        state(&card, "cn19.web.veto.site_unreachable"),
        IndicatorState::Pass
    );
}

#[test]
fn profile_errors_name_the_file_and_the_problem() {
    let err = ScoringProfile::from_toml("[scoring\nid = 1", "bad.toml").unwrap_err();
    assert!(matches!(err, ProfileError::Parse { .. }));
    assert!(
        err.to_string().starts_with("scoring profile bad.toml:"),
        "{err}"
    );
    let err = ScoringProfile::from_toml(
        "extends = \"cn-gov\"\n[points.\"nope\"]\nvalue = 1\n",
        "u.toml",
    )
    .unwrap_err();
    assert!(
        matches!(err, ProfileError::UnknownIndicator { ref id, .. } if id == "nope"),
        "{err}"
    );
    let err = ScoringProfile::from_toml("extends = \"xx\"\n", "u.toml").unwrap_err();
    assert!(matches!(err, ProfileError::UnknownBase { .. }), "{err}");
    let err = ScoringProfile::from_toml(
        "extends = \"cn-gov\"\n[points.\"cn19.web.ded.search\"]\nvalue = -1\n",
        "u.toml",
    )
    .unwrap_err();
    assert!(err.to_string().contains("not negative"), "{err}");
    let err = ScoringProfile::from_toml(
        "[scoring]\nid = \"x\"\nname = \"x\"\n[[indicators]]\nid = \"a\"\ngroup = \"veto\"\nmeasure = { kind = \"telepathy\" }\n",
        "u.toml",
    )
    .unwrap_err();
    assert!(err.to_string().contains("telepathy"), "{err}");
}

#[test]
fn a_profile_round_trips_through_toml() {
    for (id, _) in govaudit_score::BUILTIN_PROFILES {
        let profile = ScoringProfile::builtin(id).unwrap();
        let again = ScoringProfile::from_toml(&profile.to_toml(), id).unwrap();
        assert_eq!(again, profile);
    }
}

#[test]
fn generic_scores_areas_per_resource() {
    let profile = ScoringProfile::builtin("generic").unwrap();
    let mut tally = Tally::new(&profile, None);
    tally.resource(
        "a.html",
        &[finding("a11y/image-alt", Outcome::Fail, "a.html")],
    );
    tally.resource("b.html", &[]);
    let s = Map::new();
    let card = score(&profile, &tally, &facts(&s));
    let a11y = card
        .indicators
        .iter()
        .find(|i| i.id == "area.a11y")
        .unwrap();
    // One high failure (5) over 2 resources: 100 − 2.5.
    assert_eq!(a11y.score, Some(97.5));
    assert_eq!(
        card.indicators
            .iter()
            .find(|i| i.id == "area.links")
            .unwrap()
            .score,
        Some(100.0)
    );
}

proptest! {
    #[test]
    fn the_total_stays_within_bounds(
        points in proptest::collection::vec((0.0f64..80.0, proptest::option::of(0.0f64..30.0)), 3),
        broken in proptest::collection::vec(0usize..6, 2),
        stale_policy in 0usize..3,
    ) {
        let ids = [
            "cn19.web.ded.link_availability_home",
            "cn19.web.ded.link_availability_other",
            "cn19.web.ded.footer_marks",
        ];
        let mut user = String::from("extends = \"cn-gov\"\n");
        for (id, (value, per)) in ids.iter().zip(&points) {
            user.push_str(&format!("[points.\"{id}\"]\nvalue = {value:?}\n"));
            if let Some(per) = per {
                user.push_str(&format!("per_instance = {per:?}\n"));
            }
        }
        let profile = ScoringProfile::from_toml(&user, "p.toml").unwrap();
        let mut findings = Vec::new();
        for _ in 0..broken[0] { findings.push(finding("links/broken", Outcome::Fail, "site/index.html")); }
        for _ in 0..broken[1] { findings.push(finding("links/broken", Outcome::Fail, "site/x.html")); }
        for _ in 0..stale_policy { findings.push(stale_column("policy", "site/p.html")); }
        let card = run(&profile, &findings, &sections(&["cn.icp"]));
        let total = card.total.unwrap();
        prop_assert!((0.0..=card.max).contains(&total));
        let set: f64 = card.indicators.iter().filter_map(|i| i.deducted).sum();
        prop_assert!(total <= 100.0 - set.min(100.0) + 1e-9);
        for i in &card.indicators {
            if let (Some(d), Points::Set { value, .. }) = (i.deducted, &i.points) {
                prop_assert!(d <= *value);
            }
        }
    }
}

#[test]
fn every_indicator_and_rule_has_a_name_and_rule_text_in_every_language() {
    use govaudit_i18n::{Catalog, Lang};
    for lang in Lang::ALL {
        let catalog = Catalog::get(lang);
        assert!(
            catalog.load_errors().is_empty(),
            "{:?}",
            catalog.load_errors()
        );
        for (id, _) in govaudit_score::BUILTIN_PROFILES {
            let profile = ScoringProfile::builtin(id).unwrap();
            for indicator in &profile.indicators {
                let name = govaudit_score::name_id(&indicator.id);
                assert!(catalog.has(&name), "{lang:?}: {name}");
                assert!(
                    catalog.has_attribute(&name, "rule"),
                    "{lang:?}: {name}.rule"
                );
            }
            for rule in &profile.scoring.rules_applied {
                assert!(catalog.has(rule), "{lang:?}: {rule}");
            }
        }
    }
    let zh = Catalog::get(Lang::ZhCn);
    assert_eq!(
        zh.text("indicator-cn19-web-veto-site-unreachable")
            .as_deref(),
        Some("站点无法访问")
    );
}

#[test]
fn a_missing_required_element_fails_us_and_eu_profiles() {
    let items = |absent: &str, ids: &[&str]| {
        let list: Vec<Value> = ids
            .iter()
            .map(|id| json!({"id": id, "state": if *id == absent { "absent" } else { "present" }}))
            .collect();
        let mut map = Map::new();
        map.insert("items".into(), Value::Array(list));
        map
    };
    let eu = ScoringProfile::builtin("eu-public-sector").unwrap();
    let ids = ["eu.accessibility_statement", "eu.accessibility_feedback"];
    let s = items("eu.accessibility_feedback", &ids);
    let card = score(&eu, &Tally::new(&eu, None), &facts(&s));
    assert_eq!(state(&card, "eu.wad.feedback"), IndicatorState::Fail);
    assert_eq!(
        state(&card, "eu.wad.accessibility_statement"),
        IndicatorState::Pass
    );
    assert_eq!(card.verdict, Verdict::Fail);
    let s = items("none", &ids);
    let card = score(&eu, &Tally::new(&eu, None), &facts(&s));
    assert_eq!(card.verdict, Verdict::Pass);
    assert_eq!(card.total, None);

    let us = ScoringProfile::builtin("us-federal").unwrap();
    let s = items(
        "us.vdp",
        &["us.official_banner", "us.about", "us.vdp", "us.contact"],
    );
    let card = score(&us, &Tally::new(&us, None), &facts(&s));
    let links = card
        .indicators
        .iter()
        .find(|i| i.id == "us.m2322.required_links")
        .unwrap();
    assert_eq!(links.state, IndicatorState::Fail);
    assert_eq!(links.evidence[0].message, "item us.vdp: absent");
    assert_eq!(card.verdict, Verdict::Fail);
}

/// Every sentence a scorecard can say, over runs that reach every branch of every built-in
/// profile: offline and live, start URL up and down, a week of probes, nothing and everything
/// failing, points set and unset.
fn scorecards_of_every_kind() -> Vec<govaudit_score::Scorecard> {
    let rules = [
        "disclosure/stale-homepage",
        "disclosure/stale-column",
        "links/broken",
        "headers/hsts-missing",
        "content/hidden-link",
        "a11y/image-alt",
    ];
    let mut cards = Vec::new();
    for (id, _) in govaudit_score::BUILTIN_PROFILES {
        let profile = ScoringProfile::builtin(id).unwrap();
        let with_points = ScoringProfile::from_toml(
            &format!(
                "extends = \"{id}\"\n[points.\"cn19.web.ded.link_availability_home\"]\nvalue = 5\nper_instance = 1\n[points.\"cn19.web.ded.security\"]\nvalue = 2\n"
            ),
            "user.toml",
        );
        let profiles: Vec<ScoringProfile> =
            std::iter::once(profile).chain(with_points.ok()).collect();
        for profile in &profiles {
            for failing in [false, true] {
                let findings: Vec<Finding> = if failing {
                    rules
                        .iter()
                        .flat_map(|r| {
                            [
                                finding(r, Outcome::Fail, "site/index.html"),
                                finding(r, Outcome::Fail, "site/a.html"),
                                finding(r, Outcome::Review, "site/b.html"),
                            ]
                        })
                        .collect()
                } else {
                    Vec::new()
                };
                let all = sections(if failing { &["cn.interaction"] } else { &[] });
                let mut variants = vec![facts(&all), RunFacts::default()];
                let mut live_down = facts(&all);
                live_down.start_url_failed = Some(true);
                let mut live_up = facts(&all);
                live_up.start_url_failed = Some(false);
                let mut watched = facts(&all);
                watched.availability = Some(govaudit_score::AvailabilityVerdict {
                    window_days: 7,
                    probes: 140,
                    failed: if failing { 10 } else { 0 },
                });
                watched.site_url = Some("https://example.com/".into());
                variants.extend([live_down, live_up, watched]);
                for facts in &variants {
                    let mut tally = Tally::new(profile, Some("site/index.html".into()));
                    tally.resource("site/index.html", &findings);
                    cards.push(score(profile, &tally, facts));
                }
            }
        }
    }
    cards
}

#[test]
fn every_sentence_of_a_scorecard_is_in_both_catalogs_and_renders_whole() {
    use govaudit_i18n::{Catalog, Lang};
    let cards = scorecards_of_every_kind();
    let mut seen = std::collections::BTreeSet::new();
    for card in &cards {
        let phrases = card
            .explanation
            .iter()
            .chain(card.indicators.iter().flat_map(|i| i.explanation.iter()));
        for phrase in phrases {
            seen.insert(phrase.id.clone());
            for lang in Lang::ALL {
                let catalog = Catalog::get(lang);
                let own = match phrase.id.split_once('.') {
                    Some((message, attribute)) => catalog.has_attribute(message, attribute),
                    None => catalog.has(&phrase.id),
                };
                assert!(own, "{lang:?} lacks {}", phrase.id);
                let text = catalog.phrase(phrase);
                assert!(
                    !text.contains('{') && !text.contains(&phrase.id),
                    "{lang:?} {}: {text}",
                    phrase.id
                );
            }
        }
        // The English rendering is the formula field.
        assert_eq!(card.formula, card.explain(Lang::En));
        for indicator in &card.indicators {
            assert_eq!(indicator.formula, indicator.explain(Lang::En));
        }
    }
    // The branches were reached: the test would pass vacuously otherwise.
    for id in [
        "formula-total",
        "formula-upper-bound",
        "formula-fail-vetoes",
        "formula-needs-person-undecided",
        "formula-findings",
        "formula-for-review",
        "formula-availability",
        "formula-start-url-failed",
        "formula-start-url-answered",
        "formula-offline-no-probes",
        "formula-deducted-per-instance",
        "formula-points-not-set",
        "formula-items",
        "formula-area-score",
        "indicator-cn19-web-ded-ipv6.note",
    ] {
        assert!(seen.contains(id), "no scorecard said {id}: {seen:?}");
    }
}

#[test]
fn a_chinese_scorecard_explains_itself_in_chinese_and_names_indicators() {
    let profile = cn();
    let mut tally = Tally::new(&profile, Some("site/index.html".into()));
    tally.resource(
        "site/index.html",
        &[finding("links/broken", Outcome::Fail, "site/index.html")],
    );
    let all = sections(&["cn.interaction"]);
    let card = score(&profile, &tally, &facts(&all));
    let zh = card.explain(govaudit_i18n::Lang::ZhCn);
    assert!(zh.contains("不合格"), "{zh}");
    assert!(
        zh.contains("互动回应差"),
        "the failed veto by its name: {zh}"
    );
    assert!(!zh.contains("fail:"), "{zh}");
    assert!(
        card.formula.contains("Poor interaction"),
        "{}",
        card.formula
    );
}
