//! `observe` on each page + `conclude` gives the audit `audit` gives over the whole `Site`: the
//! same pages in the same order, the same evidence, findings and freshness, on the demo site and
//! on generated link graphs; pages the walk does not reach do not count.

use govaudit_disclosure::{
    Audit, Options, PageObservation, Profile, Site, SiteError, audit, conclude, local_url, observe,
};
use govaudit_html::Document;
use jiff::civil::{Date, date};
use proptest::prelude::*;
use std::path::Path;

const AS_OF: Date = date(2026, 11, 25);

fn observations(profile: &Profile, site: &Site, as_of: Date) -> Vec<PageObservation> {
    site.pages()
        .map(|(url, document)| observe(profile, &url, document, as_of))
        .collect()
}

/// `audit` and `conclude` over the same site, observations handed over in reverse order (the
/// order they arrive in must not matter).
fn both(profile: &Profile, site: &Site, options: &Options) -> (Audit, Audit) {
    let whole = audit(profile, site, options).unwrap();
    let mut pages = observations(profile, site, options.as_of);
    pages.reverse();
    let split = conclude(profile, site.homepage(), pages, options).unwrap();
    (whole, split)
}

#[test]
fn observe_and_conclude_equal_audit_on_the_demo_site() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/demo-site");
    let site = govaudit_disclosure::fs::load_site(&dir).unwrap();
    for (id, _) in govaudit_disclosure::BUILTIN_PROFILES {
        let profile = Profile::builtin(id).unwrap();
        let mut options = Options::new(AS_OF);
        options.record_applicability = true;
        let (whole, split) = both(&profile, &site, &options);
        assert_eq!(whole, split, "{id}");
        if *id == "cn-gov" {
            // The demo site is large enough that the walk, the entrance and the findings are
            // really exercised.
            assert!(whole.pages.len() > 10, "{:?}", whole.pages);
            assert!(!whole.findings.is_empty());
            assert!(
                whole
                    .applicability
                    .iter()
                    .filter(|a| a.rule == "disclosure/missing-item")
                    .count()
                    == profile.items.len()
            );
        }
    }
}

fn page(html: &str, path: &str) -> (url::Url, Document) {
    let url = local_url(path).unwrap();
    let document = Document::parse(html.as_bytes(), None, Some(&url));
    (url, document)
}

#[test]
fn evidence_from_pages_the_walk_does_not_reach_does_not_count() {
    let profile = Profile::builtin("cn-gov").unwrap();
    let site = Site::from_pages(
        local_url("index.html").unwrap(),
        [
            page("<a href=a.html>首页新闻</a>", "index.html"),
            page("<a href=b.html>更多</a>", "a.html"),
            // Depth 2 without the disclosure entrance: outside the walk.
            page("<footer><a href=lxwm.html>联系我们</a></footer>", "b.html"),
            // Not linked at all.
            page("<footer>粤ICP备12345678号</footer>", "orphan.html"),
        ],
    );
    let options = Options::new(AS_OF);
    let (whole, split) = both(&profile, &site, &options);
    assert_eq!(whole, split);
    assert_eq!(split.pages, ["index.html", "a.html"]);
    let state = |id: &str| split.items.iter().find(|i| i.id == id).unwrap().state;
    assert_eq!(state("cn.contact").as_str(), "absent");
    assert_eq!(state("cn.icp").as_str(), "absent");
}

#[test]
fn the_entrance_leads_one_level_deeper_and_dir_links_find_their_index() {
    let profile = Profile::builtin("cn-gov").unwrap();
    let site = Site::from_pages(
        local_url("index.html").unwrap(),
        [
            page("<nav><a href=xxgk/>政府信息公开</a></nav>", "index.html"),
            page("<a href=zn.html>更多</a>", "xxgk/index.html"),
            page(
                "<footer><a href=lxwm.html>联系我们</a></footer>",
                "xxgk/zn.html",
            ),
        ],
    );
    let pages = observations(&profile, &site, AS_OF);
    let home = &pages.iter().find(|p| p.label() == "index.html").unwrap();
    assert_eq!(home.links().len(), 1);
    assert!(home.links()[0].names_entrance);
    let split = conclude(&profile, site.homepage(), pages, &Options::new(AS_OF)).unwrap();
    assert_eq!(
        split.pages,
        ["index.html", "xxgk/index.html", "xxgk/zn.html"]
    );
    let contact = split.items.iter().find(|i| i.id == "cn.contact").unwrap();
    assert_eq!(contact.state.as_str(), "present");
    assert_eq!(contact.evidence[0].page, "xxgk/zn.html");
}

#[test]
fn observations_of_another_profile_or_day_are_refused() {
    let cn = Profile::builtin("cn-gov").unwrap();
    let us = Profile::builtin("us-federal").unwrap();
    let (url, document) = page("<a href=a.html>x</a>", "index.html");
    let options = Options::new(AS_OF);
    let other = observe(&us, &url, &document, AS_OF);
    assert!(matches!(
        conclude(&cn, &url, [other], &options),
        Err(SiteError::OtherProfile { .. })
    ));
    let earlier = observe(&cn, &url, &document, date(2025, 1, 1));
    assert!(matches!(
        conclude(&cn, &url, [earlier], &options),
        Err(SiteError::OtherDate { .. })
    ));
    assert!(matches!(
        conclude(&cn, &url, [], &options),
        Err(SiteError::NoHomepage(_))
    ));
}

#[test]
fn observations_cross_threads() {
    fn send_sync<T: Send + Sync + 'static>() {}
    send_sync::<PageObservation>();
    send_sync::<Profile>();
}

/// Link names a generated page may use: the entrance, items found by name, and noise.
const NAMES: &[&str] = &[
    "政府信息公开",
    "信息公开",
    "政府信息公开指南",
    "联系我们",
    "网站地图",
    "更多",
    "首页",
];

/// Content a generated page may carry besides its links: identity marks, a dated list.
const BODIES: &[&str] = &[
    "",
    "<footer>粤ICP备12345678号</footer>",
    "<h2>工作动态</h2><ul><li><a href=n1.html>会议</a> 2026-11-20</li><li>通知 2026-11-01</li></ul>",
    "<div hidden><a href=x.html>政府信息公开年报</a></div>",
    "<!-- <a href=x.html>依申请公开</a> -->",
];

/// Page `i`'s path: some pages are directory indexes, linked as `dir/` or `dir/index.html`.
fn path_of(i: usize) -> String {
    if i == 0 {
        "index.html".into()
    } else if i.is_multiple_of(3) {
        format!("d{i}/index.html")
    } else {
        format!("p{i}.html")
    }
}

/// How page `from` links to page `to`, relative to its own directory.
fn href_of(from: usize, to: usize, style: u8) -> String {
    let up = if path_of(from).contains('/') {
        "../"
    } else {
        ""
    };
    let target = path_of(to);
    match (target.strip_suffix("index.html"), style % 3) {
        (Some(dir), 0) if !dir.is_empty() => format!("{up}{dir}"),
        (_, 1) => format!("{up}{target}#part"),
        _ => format!("{up}{target}"),
    }
}

fn generated_site(pages: usize, links: &[(usize, usize, usize, u8)], bodies: &[usize]) -> Site {
    let mut html = vec![String::new(); pages];
    for &(from, to, name, style) in links {
        let (from, to) = (from % pages, to % pages);
        html[from].push_str(&format!(
            "<a href=\"{}\">{}</a> ",
            href_of(from, to, style),
            NAMES[name % NAMES.len()]
        ));
    }
    for (i, body) in bodies.iter().enumerate().take(pages) {
        html[i].push_str(BODIES[body % BODIES.len()]);
    }
    Site::from_pages(
        local_url("index.html").unwrap(),
        html.iter()
            .enumerate()
            .map(|(i, text)| page(&format!("<body><nav>{text}</nav></body>"), &path_of(i))),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn observe_and_conclude_equal_audit_on_random_link_graphs(
        pages in 1usize..10,
        links in proptest::collection::vec((0usize..10, 0usize..10, 0usize..7, 0u8..3), 0..30),
        bodies in proptest::collection::vec(0usize..5, 10),
        max_pages in 1usize..12,
    ) {
        let site = generated_site(pages, &links, &bodies);
        let profile = Profile::builtin("cn-gov").unwrap();
        let mut options = Options::new(AS_OF);
        options.max_pages = max_pages;
        options.record_applicability = true;
        let (whole, split) = both(&profile, &site, &options);
        prop_assert_eq!(&whole.pages[0], "index.html");
        prop_assert!(whole.pages.len() <= max_pages.max(1));
        prop_assert_eq!(whole, split);
    }
}
