//! Link extraction speed over the real pages of ../shared/corpus/pages: every URL reference
//! with its line, selector and text, `<base>` applied. Documents are parsed once outside the
//! timed loop (parsing is measured by the `parse` bench).
//! Run: `cargo bench -p govaudit-benches --bench links`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use govaudit_html::Document;
use std::hint::black_box;
use url::Url;

/// The `govaudit` binary's allocator, so the numbers are what the binary does.
#[global_allocator]
static ALLOCATOR: govaudit_benches::BinaryAllocator = govaudit_benches::BinaryAllocator;

fn extract_corpus(c: &mut Criterion) {
    let pages = govaudit_testkit::corpus_pages();
    if pages.is_empty() {
        eprintln!("skipping: no corpus pages");
        return;
    }
    let page_url = Url::parse("https://www.example.gov.cn/a/index.html").expect("valid URL");
    let documents: Vec<Document> = pages
        .iter()
        .map(|p| Document::parse(p, None, Some(&page_url)))
        .collect();
    let bytes: usize = pages.iter().map(Vec::len).sum();
    let mut group = c.benchmark_group("links");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("extract-corpus-bytes", |b| {
        b.iter(|| {
            for document in &documents {
                black_box(govaudit_links::extract(black_box(document), Some(&page_url)).len());
            }
        })
    });
    group.bench_function("extract-unlocated-corpus-bytes", |b| {
        b.iter(|| {
            for document in &documents {
                black_box(
                    govaudit_links::extract_unlocated(black_box(document), Some(&page_url)).len(),
                );
            }
        })
    });
    group.bench_function("parse-and-extract-corpus-bytes", |b| {
        b.iter(|| {
            for page in &pages {
                let document = Document::parse(black_box(page), None, Some(&page_url));
                black_box(govaudit_links::extract(&document, Some(&page_url)).len());
            }
        })
    });
    group.finish();
}

criterion_group!(benches, extract_corpus);
criterion_main!(benches);
