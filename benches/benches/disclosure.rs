//! Disclosure audit speed: the demo site (26 pages crawled from index.html) with cn-gov, and
//! every page of ../shared/corpus/pages audited alone with cn-gov (parse included, as a live
//! run pays it once). Run: `cargo bench -p govaudit-benches --bench disclosure`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use govaudit_disclosure::{Options, Profile, Site, audit, local_url};
use govaudit_html::Document;
use std::hint::black_box;
use std::path::Path;

/// The `govaudit` binary's allocator, so the numbers are what the binary does.
#[global_allocator]
static ALLOCATOR: govaudit_benches::BinaryAllocator = govaudit_benches::BinaryAllocator;

fn as_of() -> govaudit_disclosure::jiff::civil::Date {
    govaudit_disclosure::jiff::civil::date(2026, 11, 25)
}

fn demo_site(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/demo-site");
    let Ok(site) = govaudit_disclosure::fs::load_site(&dir) else {
        eprintln!("skipping: demo site not found");
        return;
    };
    let profile = Profile::builtin("cn-gov").expect("built-in profile");
    let mut group = c.benchmark_group("disclosure");
    group.sample_size(20);
    group.bench_function("demo-site-audit", |b| {
        b.iter(|| {
            black_box(audit(&profile, &site, &Options::new(as_of())).map(|a| a.findings.len()))
        })
    });
    group.bench_function("profile-load-cn-gov", |b| {
        b.iter(|| black_box(Profile::builtin("cn-gov").map(|p| p.items.len())))
    });
    group.finish();
}

fn corpus(c: &mut Criterion) {
    let pages = govaudit_testkit::corpus_pages();
    if pages.is_empty() {
        return;
    }
    let profile = Profile::builtin("cn-gov").expect("built-in profile");
    let url = local_url("index.html").expect("local url");
    let mut group = c.benchmark_group("disclosure");
    group.sample_size(10);
    group.throughput(Throughput::Elements(pages.len() as u64));
    group.bench_function("corpus-pages-parse-and-audit", |b| {
        b.iter(|| {
            for page in &pages {
                let doc = Document::parse(page, None, Some(&url));
                let site = Site::from_pages(url.clone(), [(url.clone(), doc)]);
                black_box(
                    audit(&profile, &site, &Options::new(as_of()))
                        .map(|a| a.items.len())
                        .ok(),
                );
            }
        })
    });
    group.finish();
}

criterion_group!(benches, demo_site, corpus);
criterion_main!(benches);
