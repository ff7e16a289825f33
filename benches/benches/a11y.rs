//! Speed of the accessibility checks over the real pages of ../shared/corpus/pages: parse only
//! (decode + html5ever + index) against parse + every a11y rule, the whole corpus per iteration
//! (criterion), plus per-page median and p95 of both printed once before the criterion runs.
//! Run: `cargo bench -p govaudit-benches --bench a11y`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use govaudit_core::Collector;
use govaudit_html::Document;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// The `govaudit` binary's allocator, so the numbers are what the binary does.
#[global_allocator]
static ALLOCATOR: govaudit_benches::BinaryAllocator = govaudit_benches::BinaryAllocator;

fn corpus() -> Vec<Vec<u8>> {
    let Some(shared) = govaudit_testkit::shared_dir() else {
        return Vec::new();
    };
    let mut paths: Vec<_> = std::fs::read_dir(shared.join("corpus/pages"))
        .map(|dir| dir.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

fn parse(page: &[u8]) -> Document {
    Document::parse(page, Some("text/html"), None)
}

fn parse_and_check(page: &[u8]) -> usize {
    let doc = parse(page);
    let mut found = Collector::new("page");
    govaudit_a11y::check(&doc, &mut found);
    found.findings().len()
}

/// The fastest of `runs` timings of `f` (the least disturbed by other work on the machine).
fn best_of(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn percentile(sorted: &[Duration], q: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}

/// The peer script (benches/peers/axe-jsdom.mjs) times axe-core on every 12th page only: report
/// that subset too, for a like-for-like ratio.
const PEER_SAMPLE_EVERY: usize = 12;

fn per_page_report(label: &str, pages: &[&Vec<u8>]) {
    let mut parse_times = Vec::new();
    let mut check_times = Vec::new();
    let mut ratios = Vec::new();
    for page in pages {
        let p = best_of(5, || {
            black_box(parse(black_box(page)).element_count());
        });
        let c = best_of(5, || {
            black_box(parse_and_check(black_box(page)));
        });
        parse_times.push(p);
        check_times.push(c);
        ratios.push(c.as_secs_f64() / p.as_secs_f64().max(1e-9));
    }
    parse_times.sort();
    check_times.sort();
    ratios.sort_by(f64::total_cmp);
    let total_parse: Duration = parse_times.iter().sum();
    let total_check: Duration = check_times.iter().sum();
    eprintln!(
        "a11y per page over {} pages ({label}): parse median {:?} p95 {:?}; parse+check median {:?} p95 {:?}; \
         (parse+check)/parse: corpus {:.2}x, per-page median {:.2}x, p95 {:.2}x",
        pages.len(),
        percentile(&parse_times, 0.5),
        percentile(&parse_times, 0.95),
        percentile(&check_times, 0.5),
        percentile(&check_times, 0.95),
        total_check.as_secs_f64() / total_parse.as_secs_f64(),
        ratios[ratios.len() / 2],
        percentile_f(&ratios, 0.95),
    );
}

fn percentile_f(sorted: &[f64], q: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}

fn a11y_corpus(c: &mut Criterion) {
    let pages = corpus();
    if pages.is_empty() {
        eprintln!("skipping: no corpus pages");
        return;
    }
    per_page_report("corpus", &pages.iter().collect::<Vec<_>>());
    per_page_report(
        "every 12th page, as the axe-core peer script",
        &pages.iter().step_by(PEER_SAMPLE_EVERY).collect::<Vec<_>>(),
    );
    let mut group = c.benchmark_group("a11y");
    group.sample_size(10);
    group.throughput(Throughput::Elements(pages.len() as u64));
    group.bench_function("parse-only", |b| {
        b.iter(|| {
            for page in &pages {
                black_box(parse(black_box(page)).element_count());
            }
        })
    });
    group.bench_function("parse-and-check", |b| {
        b.iter(|| {
            for page in &pages {
                black_box(parse_and_check(black_box(page)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, a11y_corpus);
criterion_main!(benches);
