//! Parsing speed of govaudit-html over the real pages of ../shared/corpus/pages: decode (with
//! charset sniffing) + html5ever parse + indexing, the cost every check starts from.
//! Run: `cargo bench -p govaudit-benches --bench parse`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use govaudit_html::Document;
use std::hint::black_box;

/// The `govaudit` binary's allocator, so the numbers are what the binary does.
#[global_allocator]
static ALLOCATOR: govaudit_benches::BinaryAllocator = govaudit_benches::BinaryAllocator;

fn parse_corpus(c: &mut Criterion) {
    let pages = govaudit_testkit::corpus_pages();
    if pages.is_empty() {
        eprintln!("skipping: no corpus pages");
        return;
    }
    let bytes: usize = pages.iter().map(Vec::len).sum();
    let mut group = c.benchmark_group("parse");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("corpus-bytes", |b| {
        b.iter(|| {
            for page in &pages {
                black_box(Document::parse(black_box(page), None, None).element_count());
            }
        })
    });
    group.throughput(Throughput::Elements(pages.len() as u64));
    group.bench_function("corpus-pages", |b| {
        b.iter(|| {
            for page in &pages {
                black_box(Document::parse(black_box(page), None, None).element_count());
            }
        })
    });
    group.finish();
}

criterion_group!(benches, parse_corpus);
criterion_main!(benches);
