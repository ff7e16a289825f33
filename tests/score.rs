//! End-to-end tests of scoring: `audit --out DIR` over the demo site (its govaudit.toml picks
//! cn-gov, the date and the site URL), the indicator states DEFECTS.md lists, a user's profile
//! file that sets points, and `profile show`.

mod common;

use common::{govaudit, repo, validate_govaudit_json, validate_sarif};
use serde_json::Value;
use std::collections::BTreeMap;

/// The "Indicator outcomes (cn-gov)" table of DEFECTS.md: indicator (or `verdict`) → state.
fn expected_outcomes() -> BTreeMap<String, String> {
    let defects = std::fs::read_to_string(repo().join("examples/demo-site/DEFECTS.md")).unwrap();
    let section = defects
        .split("## Indicator outcomes (cn-gov)")
        .nth(1)
        .expect("DEFECTS.md has the indicator outcomes section");
    let section = section.split("\n## ").next().unwrap();
    section
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| indicator") && !l.starts_with("| ---"))
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            (cells[1].trim_matches('`').to_owned(), cells[2].to_owned())
        })
        .collect()
}

#[test]
fn demo_site_out_dir_holds_the_scored_report_and_matches_defects_md() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("govaudit-report");
    let out = govaudit(&[
        "audit",
        "--format",
        "json",
        "--quiet",
        "--out",
        &out_dir.to_string_lossy(),
        "examples/demo-site",
    ]);
    // The demo site's planted defects fail at the default --fail-on high.
    assert_eq!(out.code, 1, "{}", out.stderr);
    let stdout: Value = serde_json::from_str(&out.stdout).unwrap();
    let report = govaudit_testkit::read_json(&out_dir.join("report.json"));
    validate_govaudit_json(&report);
    validate_sarif(&govaudit_testkit::read_json(
        &out_dir.join("findings.sarif"),
    ));
    // Written whole and renamed: nothing else (no temporary file) is left in the directory.
    let mut names: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["findings.sarif", "report.html", "report.json"]);
    // report.html: the same verdict, in Chinese (the cn-gov profile's language), under a CSP.
    let html = std::fs::read_to_string(out_dir.join("report.html")).unwrap();
    assert!(html.contains("需人工核查"), "the verdict");
    assert!(html.contains("http-equiv=\"Content-Security-Policy\""));
    assert!(!html.contains("<script"));
    assert_eq!(report["scores"], stdout["scores"]);
    assert_eq!(report["findings"], stdout["findings"]);

    let scores = &report["scores"];
    assert_eq!(scores["profile"], "cn-gov");
    assert_eq!(scores["as_of"], "2026-11-25");
    assert_eq!(scores["total"], 100.0);
    assert_eq!(scores["total_is_upper_bound"], true);
    let expected = expected_outcomes();
    assert_eq!(scores["verdict"], expected["verdict"].as_str());
    let indicators = scores["indicators"].as_array().unwrap();
    assert_eq!(
        indicators.len() + 1,
        expected.len(),
        "DEFECTS.md lists every indicator"
    );
    for indicator in indicators {
        let id = indicator["id"].as_str().unwrap();
        assert_eq!(
            indicator["state"].as_str(),
            expected.get(id).map(String::as_str),
            "{id}: {}",
            indicator["formula"]
        );
    }
    let by_id = |id: &str| indicators.iter().find(|i| i["id"] == id).unwrap();
    let home = by_id("cn19.web.ded.link_availability_home");
    assert_eq!(home["count"], 1);
    assert_eq!(home["points"]["kind"], "not-set");
    assert!(
        home["evidence"][0]["url"]
            .as_str()
            .unwrap()
            .ends_with("demo-site/index.html")
    );
    assert_eq!(home["evidence"][0]["line"], 99);
    assert_eq!(by_id("cn19.web.ded.link_availability_other")["count"], 4);
    let policy = by_id("cn19.web.ded.policy_docs_stale");
    assert_eq!(policy["points"]["value"], 5.0);
    assert_eq!(policy["points"]["estimate"], true);
    assert_eq!(by_id("cn19.web.veto.site_unreachable")["verification"], "V");
}

#[test]
fn text_output_ends_with_the_scorecard_in_the_profiles_language() {
    let out = govaudit(&["audit", "--quiet", "examples/demo-site"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stdout.contains("(cn-gov): 需人工核查"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("不符合"));
    // How the verdict was reached is in Chinese too, and the columns line up by display width
    // (a Chinese character takes two cells): every indicator name starts in the same column.
    assert!(out.stdout.contains("合格线 60：已达到"), "{}", out.stdout);
    let scorecard = out.stdout.split("(cn-gov): ").nth(1).unwrap();
    let name_columns: std::collections::BTreeSet<usize> = scorecard
        .lines()
        .filter(|l| l.ends_with(']') && l.contains(" [cn19."))
        .map(|l| {
            let state_end = l.trim_start().find("  ").unwrap() + 2;
            let rest = &l.trim_start()[state_end..];
            let name_at = l.len() - rest.trim_start().len();
            unicode_width::UnicodeWidthStr::width(&l[..name_at])
        })
        .collect();
    assert_eq!(name_columns.len(), 1, "{scorecard}");
    let english = govaudit(&["audit", "--quiet", "--lang", "en", "examples/demo-site"]);
    assert!(
        english.stdout.contains("(cn-gov): Needs a person"),
        "{}",
        english.stdout
    );
}

#[test]
fn a_user_profile_that_sets_points_changes_the_total_and_can_fail_the_site() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.toml");
    std::fs::write(
        &path,
        "extends = \"cn-gov\"\n\
         [points.\"cn19.web.ded.link_availability_other\"]\nvalue = 10\nper_instance = 2\n\
         [points.\"cn19.web.ded.footer_marks\"]\nvalue = 35\n\
         [points.\"cn19.web.ded.security\"]\nvalue = 5\n",
    )
    .unwrap();
    let out = govaudit(&[
        "audit",
        "--format",
        "json",
        "--quiet",
        "--profile",
        &path.to_string_lossy(),
        "examples/demo-site",
    ]);
    let report: Value = serde_json::from_str(&out.stdout).unwrap();
    validate_govaudit_json(&report);
    let scores = &report["scores"];
    // 100 − min(4 × 2, 10) − 35 − 5 = 52: below the pass mark of 60.
    assert_eq!(scores["total"], 52.0, "{}", scores["formula"]);
    assert_eq!(scores["verdict"], "fail");
    assert_eq!(out.code, 1);

    let bad = dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        "extends = \"cn-gov\"\n[points.\"no.such\"]\nvalue = 1\n",
    )
    .unwrap();
    let out = govaudit(&[
        "audit",
        "--profile",
        &bad.to_string_lossy(),
        "examples/demo-site",
    ]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("no.such"), "{}", out.stderr);
}

#[test]
fn a_site_without_findings_at_fail_on_and_no_failed_veto_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("index.html"),
        "<!doctype html><html lang=en><head><title>Home</title></head><body><main><h1>Home</h1></main></body></html>",
    )
    .unwrap();
    let out = govaudit(&[
        "audit",
        "--format",
        "json",
        "--no-config",
        "--profile",
        "generic",
        &dir.path().to_string_lossy(),
    ]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    let report: Value = serde_json::from_str(&out.stdout).unwrap();
    validate_govaudit_json(&report);
    assert_eq!(report["scores"]["verdict"], "pass");
    assert!(report["scores"]["total"].is_null());
}

#[test]
fn profile_show_prints_the_indicators_names_rules_and_points() {
    let out = govaudit(&["profile", "show", "cn-gov"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // cn-gov speaks Chinese: labels, measures and notes too.
    assert!(out.stdout.contains("满分 100；合格线 60"), "{}", out.stdout);
    assert!(
        out.stdout
            .contains("cn19.web.veto.site_unreachable  [veto, V]\n  站点无法访问\n  监测1周")
    );
    assert!(out.stdout.contains("分值：5（估计值）"), "{}", out.stdout);
    assert!(out.stdout.contains("分值：未设置"));
    assert!(
        out.stdout.contains("说明：需查询 DNS AAAA 记录"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("points:") && !out.stdout.contains("measured:"));
    let english = govaudit(&["profile", "show", "cn-gov", "--lang", "en"]);
    assert!(english.stdout.contains("  Site unreachable\n"));
    assert!(
        english.stdout.contains("max 100; pass mark 60"),
        "{}",
        english.stdout
    );
    assert!(english.stdout.contains("points: 5, estimate"));
    assert!(english.stdout.contains("points: not set"));
    assert!(english.stdout.contains("note: Needs a DNS AAAA lookup"));
    let json = govaudit(&["profile", "show", "us-federal", "--format", "json"]);
    let profile: Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(profile["scoring"]["id"], "us-federal");
    assert_eq!(profile["indicators"][0]["measure"]["kind"], "items");
    let list = govaudit(&["profile", "list"]);
    for id in ["cn-gov", "us-federal", "eu-public-sector", "generic"] {
        assert!(list.stdout.contains(id));
    }
    let missing = govaudit(&["profile", "show", "nope"]);
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.contains("nope"));
}

#[test]
fn govaudit_toml_names_a_profile_file_beside_it_and_flags_win() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("index.html"),
        "<!doctype html><html lang=en><head><title>Home</title></head><body><main><h1>Home</h1><a href=gone.html>Gone</a></main></body></html>",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("govaudit.toml"),
        "profile = \"scoring/mine.toml\"\nsite_url = \"https://www.example.gov.cn/\"\nas_of = \"2026-01-31\"\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("scoring")).unwrap();
    std::fs::write(
        dir.path().join("scoring/mine.toml"),
        "extends = \"cn-gov\"\nname = \"Our province\"\n[points.\"cn19.web.ded.link_availability_home\"]\nvalue = 4\nper_instance = 1\n",
    )
    .unwrap();
    let site = dir.path().to_string_lossy().into_owned();
    let out = govaudit(&["audit", "--format", "json", "--quiet", &site]);
    let report: Value =
        serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", out.stderr));
    let scores = &report["scores"];
    assert_eq!(scores["profile_name"], "Our province");
    assert_eq!(scores["as_of"], "2026-01-31");
    assert_eq!(scores["site_url"], "https://www.example.gov.cn/");
    assert_eq!(scores["total"], 99.0, "{}", scores["formula"]);
    // A flag wins over the file.
    let out = govaudit(&[
        "audit",
        "--format",
        "json",
        "--quiet",
        "--profile",
        "generic",
        &site,
    ]);
    let report: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(report["scores"]["profile"], "generic");
}

#[test]
fn a_broken_profile_file_is_a_clear_error_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.toml");
    std::fs::write(
        &path,
        "[scoring]\nid = \"x\"\nname = \"x\"\nmax = \"a hundred\"\n",
    )
    .unwrap();
    let out = govaudit(&["profile", "show", &path.to_string_lossy()]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("broken.toml"), "{}", out.stderr);
    assert!(out.stderr.contains("line 4"), "{}", out.stderr);
    assert_eq!(out.stdout, "");
}

#[test]
fn an_unreachable_start_url_is_scored_as_the_unreachable_veto_and_exits_2() {
    // A loopback port with nothing listening: the connection is refused.
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("report");
    let url = format!("http://127.0.0.1:{port}/");
    let out = govaudit(&[
        "audit",
        "--profile",
        "cn-gov",
        "--lang",
        "en",
        "--quiet",
        "--allow-private",
        "--out",
        &out_dir.to_string_lossy(),
        &url,
    ]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(out.stderr.lines().count(), 1, "one line: {}", out.stderr);
    assert!(
        out.stderr.contains("could not be fetched"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("holds its scored report"),
        "{}",
        out.stderr
    );
    let report = govaudit_testkit::read_json(&out_dir.join("report.json"));
    validate_govaudit_json(&report);
    let scores = &report["scores"];
    assert_eq!(scores["verdict"], "fail", "{scores:#}");
    let veto = scores["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "cn19.web.veto.site_unreachable")
        .unwrap();
    assert_eq!(veto["state"], "fail", "{veto:#}");
    // The text scorecard still ends standard output, and report.html is written.
    assert!(out.stdout.contains("Not met"), "{}", out.stdout);
    let html = std::fs::read_to_string(out_dir.join("report.html")).unwrap();
    assert!(html.contains("Site unreachable"));
    // The error line and the scorecard follow the chosen language.
    let chinese = govaudit(&[
        "audit",
        "--profile",
        "cn-gov",
        "--quiet",
        "--allow-private",
        "--out",
        &out_dir.to_string_lossy(),
        &url,
    ]);
    assert_eq!(chinese.code, 2, "{}", chinese.stderr);
    assert!(
        chinese.stderr.contains("起始页面无法获取"),
        "{}",
        chinese.stderr
    );
    assert!(
        chinese.stderr.contains("评分报告已写入"),
        "{}",
        chinese.stderr
    );
    assert!(
        chinese.stdout.contains("本次在线检测中起始网址无法访问"),
        "{}",
        chinese.stdout
    );
}
