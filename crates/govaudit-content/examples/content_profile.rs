//! Where the content check's time goes over the corpus pages: the page setup (`Page::new`) and
//! each rule, with the styles and visibility computed beforehand (as the engine hands over
//! accessibility's). `DUMP=1` prints every finding as a JSON line instead (to compare the
//! findings before and after a change).
//! Run: `cargo run --release -p govaudit-content --example content_profile [N pages]`.

use govaudit_content::{Input, Page, RULES};
use govaudit_core::Collector;
use govaudit_html::Document;
use govaudit_html::style::Styles;
use govaudit_html::visibility::Visibility;
use std::time::{Duration, Instant};
use url::Url;

fn main() {
    let Some(shared) = govaudit_testkit::shared_dir() else {
        return;
    };
    let limit: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(usize::MAX);
    let mut paths: Vec<_> = std::fs::read_dir(shared.join("corpus/pages"))
        .map(|dir| dir.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    let dump = std::env::var_os("DUMP").is_some();
    let mut setup = Duration::ZERO;
    let mut rules = vec![Duration::ZERO; RULES.len()];
    for path in paths.iter().take(limit) {
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // The engine's URL of a page read from a folder.
        let url = Url::parse("file:///")
            .and_then(|root| root.join(&name))
            .ok();
        let doc = Document::parse(&bytes, Some("text/html"), url.as_ref());
        let styles = Styles::compute(&doc);
        let visibility = Visibility::compute(&doc, &styles);
        let input = Input {
            source: Some(&bytes),
            computed: Some((&styles, &visibility)),
            ..Input::default()
        };
        let start = Instant::now();
        let page = Page::new(&doc, &input);
        setup += start.elapsed();
        let mut out = Collector::new(name.as_str());
        for (rule, time) in RULES.iter().zip(&mut rules) {
            let start = Instant::now();
            (rule.check)(&page, &mut out);
            *time += start.elapsed();
        }
        if dump {
            for finding in out.into_findings() {
                if let Ok(line) = serde_json::to_string(&finding) {
                    println!("{line}");
                }
            }
        }
    }
    if dump {
        return;
    }
    println!("page setup {setup:?}");
    for (rule, time) in RULES.iter().zip(&rules) {
        println!("rule {:<32} {time:?}", rule.meta.id);
    }
}
