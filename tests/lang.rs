//! End-to-end tests of `--lang`: the text output of every command in English or Chinese, the
//! defaults (English; zh-CN with `--profile cn-gov`; `lang` in govaudit.toml), and machine
//! formats that keep their English messages.

mod common;

use common::{govaudit, validate_sarif};
use serde_json::Value;

const DEMO: &str = "examples/demo-site";

#[test]
fn check_in_chinese_names_rules_by_their_chinese_titles() {
    let out = govaudit(&["check", "--lang", "zh-CN", DEMO]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    // The place, severity and rule stay as they are; the title follows in Chinese.
    assert!(
        out.stdout.contains(
            "  examples/demo-site/index.html:47  critical  a11y/image-alt  图片应有替代文本\n      图片没有替代文本，读屏软件用户无法得知图片内容。\n"
        ),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("\n按规则汇总\n"), "{}", out.stdout);
    assert!(out.stdout.contains("  a11y/image-alt  严重  不通过 2 项"));
    let closing = out.stdout.lines().last().unwrap_or_default();
    assert!(
        closing.starts_with("共 ") && closing.contains("项检测结果"),
        "{closing}"
    );
    assert!(!out.stdout.contains("by rule"), "no English heading left");
}

#[test]
fn english_is_the_default_and_zh_aliases_are_accepted() {
    let english = govaudit(&["check", DEMO]);
    assert_eq!(english.code, 1);
    assert!(english.stdout.contains("\nby rule\n"));
    assert!(!english.stdout.contains("图片应有替代文本"));
    assert_eq!(
        govaudit(&["check", "--lang", "en", DEMO]).stdout,
        english.stdout
    );
    // The option is global: before the subcommand too, and `zh` is the same catalog.
    let before = govaudit(&["--lang", "zh", "check", DEMO]);
    assert_eq!(
        before.stdout,
        govaudit(&["check", "--lang", "zh-CN", DEMO]).stdout
    );
}

#[test]
fn an_unknown_language_is_a_usage_error() {
    let out = govaudit(&["check", "--lang", "fr", DEMO]);
    assert_eq!(out.code, 2);
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    assert!(
        out.stderr.contains("'fr'") && out.stderr.contains("en, zh-CN"),
        "{}",
        out.stderr
    );
    assert_eq!(govaudit(&["rules", "--lang", "zh-TW"]).code, 2);
}

#[test]
fn json_and_sarif_keep_english_messages_and_sarif_stays_valid() {
    let messages = |lang: &str| {
        let out = govaudit(&["check", "--format", "json", "--lang", lang, DEMO]);
        let report: Value = serde_json::from_str(&out.stdout).expect("JSON output");
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["message"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(messages("zh-CN"), messages("en"));
    let out = govaudit(&["check", "--format", "sarif", "--lang", "zh-CN", DEMO]);
    let sarif: Value = serde_json::from_str(&out.stdout).expect("SARIF output");
    validate_sarif(&sarif);
}

#[test]
fn the_cn_gov_profile_defaults_to_chinese_and_lang_overrides_it() {
    let args = [
        "disclosure",
        "--profile",
        "cn-gov",
        "--as-of",
        "2026-11-25",
        DEMO,
    ];
    let chinese = govaudit(&args);
    assert_eq!(chinese.code, 1, "{}", chinese.stderr);
    assert!(
        chinese.stdout.contains("\n必备要素：具备 "),
        "{}",
        chinese.stdout
    );
    assert!(chinese.stdout.contains("\n按规则汇总\n"));
    let mut english_args = args.to_vec();
    english_args.extend(["--lang", "en"]);
    let english = govaudit(&english_args);
    assert!(english.stdout.contains("\nItems: "), "{}", english.stdout);
    assert!(!english.stdout.contains("必备要素："));
    // Other profiles stay in English.
    let us = govaudit(&["disclosure", "--profile", "us-federal", DEMO]);
    assert!(us.stdout.contains("\nItems: "), "{}", us.stdout);
}

#[test]
fn govaudit_toml_sets_the_language_and_the_command_line_wins() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("index.html"),
        "<!doctype html><html lang=\"zh-CN\"><title>首页</title><main><img src=\"a.png\"></main></html>",
    )
    .unwrap();
    std::fs::write(dir.path().join("govaudit.toml"), "lang = \"zh-CN\"\n").unwrap();
    let target = dir.path().to_string_lossy().into_owned();
    let chinese = govaudit(&["check", &target]);
    assert!(
        chinese.stdout.contains("a11y/image-alt  图片应有替代文本"),
        "{}",
        chinese.stdout
    );
    let english = govaudit(&["check", "--lang", "en", &target]);
    assert!(
        !english.stdout.contains("图片应有替代文本"),
        "{}",
        english.stdout
    );
    assert!(english.stdout.contains("\nby rule\n"));
    std::fs::write(dir.path().join("govaudit.toml"), "lang = \"klingon\"\n").unwrap();
    let bad = govaudit(&["check", &target]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("klingon"), "{}", bad.stderr);
}

#[test]
fn rules_and_rule_follow_the_language() {
    let out = govaudit(&["rules", "--lang", "zh-CN"]);
    assert_eq!(out.code, 0);
    assert!(
        out.stdout
            .contains("a11y/image-alt  [critical]  图片应有替代文本\n")
    );
    assert!(out.stdout.ends_with("条规则\n"), "{}", out.stdout);
    let english = govaudit(&["rules"]);
    assert!(english.stdout.ends_with(" rules\n"));
    let json: Value =
        serde_json::from_str(&govaudit(&["rules", "--format", "json", "--lang", "zh-CN"]).stdout)
            .unwrap();
    let image_alt = json
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "a11y/image-alt")
        .unwrap();
    assert_eq!(image_alt["localized"]["title"], "图片应有替代文本");
    assert_eq!(image_alt["localized"]["lang"], "zh-CN");
    assert!(
        image_alt["summary"]
            .as_str()
            .unwrap()
            .starts_with("Every `<img>`")
    );
    let rule = govaudit(&["rule", "a11y/image-alt", "--lang", "zh-CN"]);
    assert!(
        rule.stdout
            .starts_with("# a11y/image-alt  图片应有替代文本\n"),
        "{}",
        rule.stdout
    );
    assert!(rule.stdout.contains("\n修改建议："));
}
