//! Security-header audit throughput: parse + all rules + Observatory grade for one exchange
//! without a body (target: well under 10 µs), and the same with a small HTML body.
//! Numbers: benches/README.md, "headers". Runs with the `govaudit` binary's allocator.

use criterion::{Criterion, criterion_group, criterion_main};
use govaudit_core::HeaderField;
use govaudit_headers::{Algorithm, Exchange, Hop, audit, check, observatory};
use std::hint::black_box;

/// The `govaudit` binary's allocator, so the numbers are what the binary does.
#[global_allocator]
static ALLOCATOR: govaudit_benches::BinaryAllocator = govaudit_benches::BinaryAllocator;

fn exchange() -> Exchange {
    let headers = [
        ("Server", "nginx/1.18.0"),
        ("Content-Type", "text/html; charset=utf-8"),
        (
            "Strict-Transport-Security",
            "max-age=31536000; includeSubDomains",
        ),
        (
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self' https://cdn.example.gov 'nonce-r4nd0m123'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'; report-uri /csp",
        ),
        ("X-Frame-Options", "SAMEORIGIN"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        (
            "Permissions-Policy",
            "geolocation=(), camera=(), microphone=()",
        ),
        ("Cross-Origin-Opener-Policy", "same-origin"),
        (
            "Set-Cookie",
            "JSESSIONID=abc; Path=/; Secure; HttpOnly; SameSite=Lax",
        ),
        ("Set-Cookie", "lang=zh; Path=/"),
        ("X-Powered-By", "PHP/7.4.3"),
    ];
    let mut e = Exchange::new(
        "https://www.example.gov.cn/",
        headers
            .iter()
            .map(|(n, v)| HeaderField::new(*n, v.as_bytes().to_vec()))
            .collect(),
    );
    e.http_redirects = vec![
        Hop {
            url: "http://www.example.gov.cn/".into(),
            status: 301,
        },
        Hop {
            url: "https://www.example.gov.cn/".into(),
            status: 200,
        },
    ];
    e
}

fn bench(c: &mut Criterion) {
    let e = exchange();
    // The whole audit: one parse shared by the rules and the grade.
    c.bench_function("headers/findings+observatory-v6 (no body)", |b| {
        b.iter(|| audit(black_box(&e), Algorithm::V6, None))
    });
    // The same as two independent calls (each parses the exchange).
    c.bench_function("headers/check, then observatory-v6 (no body)", |b| {
        b.iter(|| {
            let findings = check(black_box(&e), None);
            let grade = observatory(black_box(&e), Algorithm::V6, None);
            (findings, grade)
        })
    });
    c.bench_function("headers/observatory-v6 (no body)", |b| {
        b.iter(|| observatory(black_box(&e), Algorithm::V6, None))
    });
    let mut with_body = exchange();
    with_body.body = Some(format!(
        "<!doctype html><html><head><title>t</title><script src=\"https://cdn.example.gov/a.js\"></script></head><body>{}</body></html>",
        "<p>段落 <a href=\"/x\">链接</a> <img src=\"/i.png\"></p>".repeat(50)
    ));
    c.bench_function("headers/findings+observatory-v6 (3 KiB body)", |b| {
        b.iter(|| audit(black_box(&with_body), Algorithm::V6, None))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
