//! Where the a11y check's time goes: per-page caches and per-rule times (caches warm) over the
//! corpus pages. Run: `cargo run --release -p govaudit-a11y --example profile [N pages]`.

use govaudit_a11y::{Page, RULES};
use govaudit_core::Collector;
use govaudit_html::Document;
use std::time::{Duration, Instant};

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
    // `ONLY=aeb-010,gne-020`: just the pages whose file names contain one of these.
    if let Ok(only) = std::env::var("ONLY") {
        paths.retain(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            name.is_some_and(|n| only.split(',').any(|o| n.contains(o)))
        });
    }
    let pages: Vec<Vec<u8>> = paths
        .iter()
        .take(limit)
        .filter_map(|p| std::fs::read(p).ok())
        .collect();
    let mut parse = Duration::ZERO;
    let mut caches = [Duration::ZERO; 4];
    let mut rules = vec![Duration::ZERO; RULES.len()];
    for bytes in &pages {
        let start = Instant::now();
        let doc = Document::parse(bytes, Some("text/html"), None);
        parse += start.elapsed();
        let page = Page::new(&doc);
        let start = Instant::now();
        page.styles();
        caches[0] += start.elapsed();
        let start = Instant::now();
        page.visibility();
        caches[1] += start.elapsed();
        let start = Instant::now();
        page.focus();
        caches[2] += start.elapsed();
        let start = Instant::now();
        page.labels();
        if let Some(root) = doc.elements().next() {
            page.role(&root);
        }
        caches[3] += start.elapsed();
        let mut out = Collector::new("page");
        for (rule, time) in RULES.iter().zip(&mut rules) {
            let start = Instant::now();
            (rule.check)(&page, &mut out);
            *time += start.elapsed();
        }
    }
    println!("{} pages, parse {:?}", pages.len(), parse);
    if std::env::var_os("PER_PAGE").is_some() {
        per_page(&paths, &pages);
    }
    for (name, t) in ["styles", "visibility", "focus", "labels+roles"]
        .iter()
        .zip(caches)
    {
        println!("cache {name:<20} {t:?}");
    }
    let mut ranked: Vec<_> = RULES.iter().zip(rules).collect();
    ranked.sort_by_key(|(_, t)| std::cmp::Reverse(*t));
    let total: Duration = ranked.iter().map(|(_, t)| *t).sum();
    println!("rules total {total:?}");
    for (rule, t) in &ranked {
        println!("rule {:<40} {t:?}", rule.meta.id);
    }
}

/// With `PER_PAGE=1`: the pages with the highest (parse + check) / parse ratio, best of 3 runs
/// each (these decide the per-page p95).
fn per_page(paths: &[std::path::PathBuf], pages: &[Vec<u8>]) {
    let best = |f: &dyn Fn()| {
        (0..3)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed()
            })
            .min()
            .unwrap_or_default()
    };
    let mut ratios: Vec<(f64, Duration, Duration, &std::path::Path)> = pages
        .iter()
        .zip(paths)
        .map(|(bytes, path)| {
            let parse = best(&|| {
                std::hint::black_box(Document::parse(bytes, Some("text/html"), None));
            });
            let check = best(&|| {
                let doc = Document::parse(bytes, Some("text/html"), None);
                let mut out = Collector::new("page");
                govaudit_a11y::check(&doc, &mut out);
                std::hint::black_box(out.findings().len());
            });
            (
                check.as_secs_f64() / parse.as_secs_f64().max(1e-9),
                parse,
                check,
                path.as_path(),
            )
        })
        .collect();
    ratios.sort_by(|a, b| b.0.total_cmp(&a.0));
    let median = ratios[ratios.len() / 2].0;
    let p95 = ratios[((ratios.len() - 1) as f64 * 0.05).round() as usize].0;
    println!("per page (parse + check) / parse: median {median:.2}x, p95 {p95:.2}x; highest:");
    for (ratio, parse, check, path) in ratios.iter().take(12) {
        println!(
            "  {ratio:.2}x parse {parse:?} check {check:?} {}",
            path.display()
        );
    }
}
