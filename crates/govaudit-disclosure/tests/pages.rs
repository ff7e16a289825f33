//! Evidence details on the test pages: where an item was found, what was ignored and why.

use govaudit_disclosure::{Audit, ItemResult, Options, Profile, Signal, Site, audit, local_url};
use govaudit_html::Document;
use jiff::civil::date;
use std::path::Path;

fn run(file: &str, profile: &str) -> (Audit, Document) {
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/pages")
            .join(file),
    )
    .unwrap();
    let url = local_url("index.html").unwrap();
    let doc = Document::parse(&bytes, None, Some(&url));
    let site = Site::from_pages(
        url.clone(),
        [(url.clone(), Document::parse(&bytes, None, Some(&url)))],
    );
    let profile = Profile::builtin(profile).unwrap();
    (
        audit(&profile, &site, &Options::new(date(2026, 11, 25))).unwrap(),
        doc,
    )
}

fn item<'a>(audit: &'a Audit, id: &str) -> &'a ItemResult {
    audit.items.iter().find(|i| i.id == id).unwrap()
}

#[test]
fn gbk_page_is_decoded_and_its_marks_are_read() {
    let (result, doc) = run("cn/dept-gbk.html", "cn-gov");
    assert_eq!(doc.decoding().encoding.name(), "GBK");
    let code = &item(&result, "cn.site_code").evidence[0];
    // Evidence quotes the page's own text (full-width colon, upper-case ICP), not the
    // normalised form the matcher compares.
    assert_eq!(code.text, "标识码：bm12000001");
    assert_eq!(code.line, Some(33));
    let icp = &item(&result, "cn.icp").evidence[0];
    assert_eq!(icp.text, "京ICP备05001234号-2");
    assert_eq!(
        item(&result, "cn.conac").evidence[0].signal,
        Signal::Resource
    );
}

#[test]
fn traditional_names_match_simplified_synonyms() {
    let (result, _) = run("cn/traditional.html", "cn-gov");
    let guide = &item(&result, "cn.xxgk_guide").evidence[0];
    assert_eq!(guide.text, "政府信息公開指南");
    assert_eq!(guide.href.as_deref(), Some("/zwgk/xxgkzn.html"));
    assert_eq!(guide.line, Some(19));
    assert_eq!(
        guide.selector.as_deref(),
        Some(":root > body > main > section:nth-child(1) > ul > li:nth-child(1) > a")
    );
    assert_eq!(
        item(&result, "cn.xxgk_annual_report").state.as_str(),
        "absent"
    );
}

#[test]
fn hidden_template_and_commented_entrances_are_listed_as_ignored() {
    let (result, _) = run("cn/hidden-and-template.html", "cn-gov");
    let interaction = item(&result, "cn.interaction");
    assert_eq!(interaction.state.as_str(), "absent");
    assert!(interaction.ignored[0].text.ends_with("(hidden)"));
    let ysqgk = item(&result, "cn.ysqgk");
    assert!(
        ysqgk
            .ignored
            .iter()
            .any(|e| e.text == "依申请公开 (commented out)")
    );
    let annual = item(&result, "cn.xxgk_annual_report");
    assert!(
        annual.evidence.is_empty(),
        "template content must not count: {annual:?}"
    );
    let interpretation = item(&result, "cn.policy_interpretation");
    assert_eq!(interpretation.state.as_str(), "review");
    assert_eq!(interpretation.evidence[0].signal, Signal::Script);
}

#[test]
fn labels_without_values_are_invalid_marks() {
    let (result, _) = run("cn/footer-marks.html", "cn-gov");
    let rules: Vec<(&str, &str)> = result
        .findings
        .iter()
        .map(|f| {
            (
                f.rule.as_str(),
                f.evidence
                    .get("item")
                    .and_then(|v| v.as_str())
                    .unwrap_or(""),
            )
        })
        .collect();
    for id in ["cn.site_code", "cn.icp", "cn.psb_beian"] {
        assert!(
            rules.contains(&("disclosure/invalid-identity-mark", id)),
            "{id}: {rules:?}"
        );
        assert!(!rules.contains(&("disclosure/missing-item", id)), "{id}");
    }
    assert!(
        rules.contains(&("disclosure/missing-item", "cn.zhaocuo")),
        "mailto 网站纠错 does not count"
    );
}

#[test]
fn us_headlines_are_not_required_links() {
    let (result, _) = run("us/headlines.html", "us-federal");
    for id in ["us.oig", "us.no_fear", "us.accessibility", "us.usagov"] {
        assert_eq!(item(&result, id).state.as_str(), "absent", "{id}");
    }
    let privacy = &item(&result, "us.privacy").evidence[0];
    assert_eq!(privacy.href.as_deref(), Some("/privacy"));
}

#[test]
fn hostile_pages_complete_with_every_item_reported() {
    let mut html = String::from("<ul><li>2026-11-20 ");
    for i in 0..5000 {
        html.push_str(&format!("<a href='/x{i}.html'>政府信息公开指南{i}</a>"));
    }
    html.push_str("</li></ul>");
    html.push_str(&"<div>".repeat(700));
    html.push_str(&"12-31 2026年13月45日 0399-12345678 ".repeat(20_000));
    html.push_str("<script>document.write(unescape('%3Ca%3E%u4FE1%u606F%3C/a%3E%'))</script>");
    let url = local_url("index.html").unwrap();
    let site = Site::from_pages(
        url.clone(),
        [(
            url.clone(),
            Document::parse(html.as_bytes(), None, Some(&url)),
        )],
    );
    for (id, _) in govaudit_disclosure::BUILTIN_PROFILES {
        let profile = Profile::builtin(id).unwrap();
        let result = audit(&profile, &site, &Options::new(date(2026, 11, 25))).unwrap();
        assert_eq!(result.items.len(), profile.items.len());
    }
}

#[test]
fn script_buttons_drawn_as_links_without_href_count() {
    // As on fgw.zj.gov.cn: the assistive toolbar opens from an `<a onclick>`.
    let html = r#"<span><a href="javascript:zh_tran('t');">繁体</a>|<a onclick="toggleToolBar();" target="_blank">无障碍浏览</a></span>"#;
    let url = local_url("index.html").unwrap();
    let site = Site::from_pages(
        url.clone(),
        [(
            url.clone(),
            Document::parse(html.as_bytes(), None, Some(&url)),
        )],
    );
    let profile = Profile::builtin("cn-gov").unwrap();
    let result = audit(&profile, &site, &Options::new(date(2026, 11, 25))).unwrap();
    assert_eq!(item(&result, "cn.accessibility").state.as_str(), "present");
}

/// Two real government pages from ../shared/corpus (fgw.zj.gov.cn, shanxi.gov.cn), checked by
/// hand against their footers.
#[test]
fn real_government_pages_from_the_shared_corpus() {
    let expected: &[(&str, &[&str], &[&str])] = &[
        (
            "corpus/pages/gne-020.html",
            &[
                "cn.xxgk_column",
                "cn.policy_docs",
                "cn.org_functions",
                "cn.site_code",
                "cn.icp",
                "cn.psb_beian",
                "cn.conac",
                "cn.contact",
                "cn.sitemap",
                "cn.accessibility",
            ],
            // 版权所有 only (no 主办); the 找错 link is display:none.
            &["cn.host_org", "cn.zhaocuo", "cn.xxgk_annual_report"],
        ),
        (
            "corpus/pages/gne-032.html",
            &[
                "cn.xxgk_column",
                "cn.policy_interpretation",
                "cn.site_code",
                "cn.icp",
                "cn.psb_beian",
                "cn.conac",
                "cn.host_org",
                "cn.contact",
                "cn.sitemap",
                "cn.accessibility",
                "cn.zhaocuo",
            ],
            &["cn.xxgk_annual_report", "cn.xxgk_guide"],
        ),
    ];
    let profile = Profile::builtin("cn-gov").unwrap();
    for (file, present, absent) in expected {
        let Some(path) = govaudit_testkit::shared_file(file) else {
            return;
        };
        let bytes = std::fs::read(path).unwrap();
        let url = local_url("index.html").unwrap();
        let site = Site::from_pages(
            url.clone(),
            [(url.clone(), Document::parse(&bytes, None, Some(&url)))],
        );
        let result = audit(&profile, &site, &Options::new(date(2026, 11, 25))).unwrap();
        for id in *present {
            assert_eq!(item(&result, id).state.as_str(), "present", "{file} {id}");
        }
        for id in *absent {
            assert_eq!(item(&result, id).state.as_str(), "absent", "{file} {id}");
        }
    }
}

#[test]
fn a_navigation_only_homepage_is_judged_by_the_pages_it_links_to() {
    let home = local_url("index.html").unwrap();
    let column = local_url("xw/index.html").unwrap();
    let site = |date: &str| {
        let list = format!("<h1>工作动态</h1><ul><li><a href=1.html>会议</a> {date}</li></ul>");
        Site::from_pages(
            home.clone(),
            [
                (
                    home.clone(),
                    Document::parse(
                        "<nav><a href=xw/index.html>新闻</a></nav>".as_bytes(),
                        None,
                        Some(&home),
                    ),
                ),
                (
                    column.clone(),
                    Document::parse(list.as_bytes(), None, Some(&column)),
                ),
            ],
        )
    };
    let profile = Profile::builtin("cn-gov").unwrap();
    let stale_homepage = |site: &Site| {
        audit(&profile, site, &Options::new(date(2026, 11, 25)))
            .unwrap()
            .findings
            .into_iter()
            .filter(|f| f.rule == "disclosure/stale-homepage")
            .map(|f| f.outcome.as_str())
            .collect::<Vec<_>>()
    };
    assert!(stale_homepage(&site("2026-11-20")).is_empty());
    assert_eq!(stale_homepage(&site("2026-10-01")), ["fail"]);
}
