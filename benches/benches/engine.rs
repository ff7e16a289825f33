//! The one-pass engine, as the `audit`/`check` commands run it (no output written):
//! - `engine/corpus-parse-floor`: html5ever parsing of every page of ../shared/corpus/pages on
//!   one thread (the floor the goal is measured against);
//! - `engine/corpus-check`: `check` over the same pages as a directory on every core
//!   (accessibility + links), goal: at most 2x the floor;
//! - `engine/generated-1000`: a generated 1,000-page site, every offline area, goal: < 10 s.
//!
//! Run: `cargo bench -p govaudit-benches --bench engine`. Peak memory is measured on the
//! binary (benches/README.md says how).

use criterion::{Criterion, criterion_group, criterion_main};
use govaudit_engine::{Area, Areas, AuditConfig, NoProgress, Sink, SinkError, Target};
use govaudit_html::Document;
use std::hint::black_box;
use std::path::Path;

#[global_allocator]
static ALLOCATOR: govaudit_benches::BinaryAllocator = govaudit_benches::BinaryAllocator;

/// Counts what it is given and keeps nothing: the cost of the checks alone.
#[derive(Default)]
struct CountingSink {
    findings: usize,
}

impl Sink for CountingSink {
    fn resource(
        &mut self,
        _url: &str,
        findings: &[govaudit_core::Finding],
        _applicability: &[govaudit_core::Applicability],
    ) -> Result<(), SinkError> {
        self.findings += findings.len();
        Ok(())
    }
    fn findings(&mut self, findings: &[govaudit_core::Finding]) -> Result<(), SinkError> {
        self.findings += findings.len();
        Ok(())
    }
    fn note(&mut self, _note: &govaudit_core::Note) -> Result<(), SinkError> {
        Ok(())
    }
}

/// Writes a site of `pages` pages that link to each other, to a stylesheet and to a few
/// missing files.
pub fn write_generated_site(dir: &Path, pages: usize) {
    std::fs::create_dir_all(dir.join("css")).expect("create css/");
    std::fs::write(
        dir.join("css/site.css"),
        "body{color:#222;background:#fff}.nav a{color:#0645ad}",
    )
    .expect("write the stylesheet");
    for i in 0..pages {
        let name = if i == 0 {
            "index.html".to_owned()
        } else {
            format!("p{i}.html")
        };
        let links: String = (1..=20)
            .map(|k| {
                format!(
                    "<li><a href=p{}.html>第{}条</a></li>",
                    (i * 7 + k) % pages,
                    k
                )
            })
            .collect();
        let html = format!(
            "<!doctype html><html lang=zh-CN><head><meta charset=utf-8><title>第{i}页 - 示例市人民政府</title>\
             <link rel=stylesheet href=/css/site.css></head><body><header><nav class=nav><a href=index.html>首页</a>\
             <a href=xxgk/index.html>政府信息公开</a></nav></header><main><h1>第{i}页</h1>\
             <p>2026-11-{:02} 发布</p><ul>{links}</ul><img src=images/{i}.png>\
             <a href=missing.html>失效链接</a></main><footer>示ICP备12345678号</footer></body></html>",
            i % 28 + 1
        );
        std::fs::write(dir.join(name), html).expect("write a page");
    }
}

fn corpus_directory() -> Option<std::path::PathBuf> {
    Some(govaudit_testkit::shared_dir()?.join("corpus/pages"))
}

fn engine(c: &mut Criterion) {
    let mut group = c.benchmark_group("engine");
    group.sample_size(10);
    if let Some(corpus) = corpus_directory() {
        let pages = govaudit_testkit::corpus_pages();
        group.bench_function("corpus-parse-floor", |b| {
            b.iter(|| {
                for page in &pages {
                    black_box(Document::parse(black_box(page), None, None).element_count());
                }
            })
        });
        let config = AuditConfig {
            areas: Areas::none().with(Area::A11y).with(Area::Links),
            ..AuditConfig::default()
        };
        let target = [Target::Directory(corpus)];
        group.bench_function("corpus-check", |b| {
            b.iter(|| {
                let mut sink = CountingSink::default();
                govaudit_engine::audit(&target, &config, &mut sink, &NoProgress)
                    .expect("audit the corpus");
                black_box(sink.findings)
            })
        });
    } else {
        eprintln!("skipping the corpus benches: ../shared/corpus/pages is absent");
    }
    let site = tempfile::tempdir().expect("a temporary directory");
    write_generated_site(site.path(), 1000);
    let profile = govaudit_disclosure::Profile::builtin("cn-gov").expect("the cn-gov profile");
    let config = AuditConfig {
        disclosure: Some(govaudit_engine::DisclosureConfig {
            profile: std::sync::Arc::new(profile),
            as_of: "2026-12-01".parse().expect("a date"),
        }),
        ..AuditConfig::default()
    };
    let target = [Target::Directory(site.path().to_owned())];
    group.bench_function("generated-1000", |b| {
        b.iter(|| {
            let mut sink = CountingSink::default();
            govaudit_engine::audit(&target, &config, &mut sink, &NoProgress)
                .expect("audit the generated site");
            black_box(sink.findings)
        })
    });
    group.finish();
}

criterion_group!(benches, engine);
criterion_main!(benches);
