//! The content area's cost over the real pages of ../shared/corpus/pages, as the engine runs
//! it: each page parsed, checked for accessibility (which computes the style cascade and
//! visibility), then, in the second case, checked by the content rules with accessibility's
//! styles and visibility. The difference is what content adds to `check`. Before the criterion
//! runs, the content rules alone are timed once per page (best of 3) and their total printed
//! beside the parse + accessibility total.
//! Run: `cargo bench -p govaudit-benches --bench content`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use govaudit_core::Collector;
use govaudit_core::wcag::Target;
use govaudit_html::Document;
use std::hint::black_box;
use std::time::{Duration, Instant};
use url::Url;

/// The `govaudit` binary's allocator, so the numbers are what the binary does.
#[global_allocator]
static ALLOCATOR: govaudit_benches::BinaryAllocator = govaudit_benches::BinaryAllocator;

/// The corpus pages with the `file:` address the engine gives a page read from a folder.
fn corpus() -> Vec<(Url, Vec<u8>)> {
    let Some(shared) = govaudit_testkit::shared_dir() else {
        return Vec::new();
    };
    let mut paths: Vec<_> = std::fs::read_dir(shared.join("corpus/pages"))
        .map(|dir| dir.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| {
            let name = p.file_name()?.to_string_lossy().into_owned();
            let url = Url::parse("file:///").ok()?.join(&name).ok()?;
            Some((url, std::fs::read(p).ok()?))
        })
        .collect()
}

/// Parses the page and checks it for accessibility, then, with `content`, for content with the
/// styles accessibility computed (as `govaudit-engine` does); the number of findings.
fn check(url: &Url, page: &[u8], content: bool) -> usize {
    let doc = Document::parse(page, Some("text/html"), Some(url));
    let mut found = Collector::new(url.as_str());
    let a11y = govaudit_a11y::Page::new(&doc);
    govaudit_a11y::check_page(&a11y, Target::default(), &mut found);
    if content {
        let input = govaudit_content::Input {
            source: Some(page),
            computed: Some((a11y.styles(), a11y.visibility())),
            ..govaudit_content::Input::default()
        };
        govaudit_content::check(&doc, &input, &mut found);
    }
    found.findings().len()
}

/// The content rules alone on each page (best of 3, styles computed beforehand), against parse
/// + accessibility (best of 3).
fn per_page_report(pages: &[(Url, Vec<u8>)]) {
    let best_of = |f: &mut dyn FnMut()| {
        (0..3)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed()
            })
            .min()
            .unwrap_or_default()
    };
    let mut base = Duration::ZERO;
    let mut content = Duration::ZERO;
    for (url, page) in pages {
        base += best_of(&mut || {
            black_box(check(url, black_box(page), false));
        });
        let doc = Document::parse(page, Some("text/html"), Some(url));
        let a11y = govaudit_a11y::Page::new(&doc);
        let computed = Some((a11y.styles(), a11y.visibility()));
        content += best_of(&mut || {
            let input = govaudit_content::Input {
                source: Some(page),
                computed,
                ..govaudit_content::Input::default()
            };
            let mut found = Collector::new(url.as_str());
            govaudit_content::check(&doc, &input, &mut found);
            black_box(found.findings().len());
        });
    }
    eprintln!(
        "content over {} pages: parse + a11y {base:?}, content rules alone {content:?} (+{:.1} %)",
        pages.len(),
        100.0 * content.as_secs_f64() / base.as_secs_f64().max(1e-9)
    );
}

fn content_corpus(c: &mut Criterion) {
    let pages = corpus();
    if pages.is_empty() {
        eprintln!("skipping: no corpus pages (../shared/corpus/pages)");
        return;
    }
    per_page_report(&pages);
    let mut group = c.benchmark_group("content");
    group.sample_size(10);
    group.throughput(Throughput::Elements(pages.len() as u64));
    group.bench_function("parse-a11y", |b| {
        b.iter(|| {
            for (url, page) in &pages {
                black_box(check(url, black_box(page), false));
            }
        })
    });
    group.bench_function("parse-a11y-content", |b| {
        b.iter(|| {
            for (url, page) in &pages {
                black_box(check(url, black_box(page), true));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, content_corpus);
criterion_main!(benches);
