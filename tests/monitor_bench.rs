//! Measurements for benches/README.md (ignored: run by hand, never timed in CI).
//!
//! `GOVAUDIT_BENCH_BIN=target/release/govaudit cargo test --test monitor_bench -- --ignored --nocapture`
//!
//! - `fleet_of_50_loopback_sites`: 50 generated sites of 20 pages each, every answer delayed by
//!   `GOVAUDIT_BENCH_DELAY_MS` (default 100, a slow government server), one `monitor run` with
//!   `GOVAUDIT_BENCH_CONCURRENCY` sites at once (default 8); prints wall and CPU time and sites
//!   per hour.
//! - `history_of_500_sites_over_365_days`: generates the history into
//!   `GOVAUDIT_BENCH_DB` (default a temp file) and times `monitor diff` on it.

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

fn binary() -> String {
    std::env::var("GOVAUDIT_BENCH_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_govaudit").into())
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Runs the binary under /usr/bin/time when it is there; returns (wall, report).
fn timed(args: &[&str]) -> (Duration, String) {
    let started = Instant::now();
    let time = std::path::Path::new("/usr/bin/time");
    let out = if time.exists() {
        Command::new(time)
            .args(["-f", "cpu: user %U s, system %S s, max RSS %M KiB"])
            .arg(binary())
            .args(args)
            .output()
    } else {
        Command::new(binary()).args(args).output()
    }
    .expect("run govaudit");
    let wall = started.elapsed();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (wall, report)
}

#[test]
#[ignore = "a measurement, run by hand"]
fn fleet_of_50_loopback_sites() {
    let delay = env_number("GOVAUDIT_BENCH_DELAY_MS", 100);
    let concurrency = env_number("GOVAUDIT_BENCH_CONCURRENCY", 8);
    let dir = tempfile::tempdir().unwrap();
    let mut toml = format!("concurrency = {concurrency}\n");
    for s in 0..50 {
        let url = common::serve(move |path| {
            std::thread::sleep(Duration::from_millis(delay));
            let page: Option<usize> = match path {
                "/" => Some(0),
                _ => path
                    .strip_prefix("/p")
                    .and_then(|p| p.strip_suffix(".html"))
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n < 20),
            };
            match page {
                Some(n) => {
                    let mut body = format!(
                        "<!doctype html><html lang=zh-CN><head><title>站点{s} 第{n}页</title></head><body><main><h1>第{n}页</h1><ul>"
                    );
                    for link in 1..20 {
                        body.push_str(&format!(
                            "<li><a href=\"/p{link}.html\">第{link}页</a> 2026-12-0{}</li>",
                            1 + link % 7
                        ));
                    }
                    body.push_str(&format!("</ul><p><a href=\"/missing{n}.html\">旧链接</a></p><img src=\"/logo{n}.png\"></main></body></html>"));
                    ("200 OK", "text/html; charset=utf-8", body.into_bytes())
                }
                None => ("404 Not Found", "text/html", b"<title>404</title>".to_vec()),
            }
        });
        toml.push_str(&format!(
            "[[site]]\nname = \"s{s:02}\"\nurl = \"{url}/\"\nprofile = \"cn-gov\"\nallow_private = true\nmax_pages = 50\nrate = 20\nper_host = 4\n\n"
        ));
    }
    let sites = dir.path().join("SITES.toml");
    std::fs::write(&sites, toml).unwrap();
    let db = dir.path().join("fleet.sqlite");
    let (wall, report) = timed(&[
        "monitor",
        "run",
        "--db",
        db.to_str().unwrap(),
        sites.to_str().unwrap(),
        "--now",
        "2026-12-08",
    ]);
    let per_hour = 50.0 * 3600.0 / wall.as_secs_f64();
    println!(
        "50 sites x 20 pages, {delay} ms per answer, {concurrency} sites at once: {:.1} s wall, {per_hour:.0} sites/hour\n{report}",
        wall.as_secs_f64()
    );
}

#[test]
#[ignore = "a measurement, run by hand"]
fn history_of_500_sites_over_365_days() {
    let dir = tempfile::tempdir().unwrap();
    let db = std::env::var("GOVAUDIT_BENCH_DB").unwrap_or_else(|_| {
        dir.path()
            .join("history.sqlite")
            .to_string_lossy()
            .into_owned()
    });
    let (wall, report) = timed(&[
        "monitor",
        "generate",
        "--db",
        &db,
        "--sites",
        "500",
        "--days",
        "365",
        "--findings",
        "20",
        "--now",
        "2026-12-08",
    ]);
    println!("generate: {:.1} s\n{report}", wall.as_secs_f64());
    for args in [
        vec![
            "monitor", "diff", "--db", &db, "--site", "gen-0250", "--format", "json",
        ],
        vec![
            "monitor",
            "diff",
            "--db",
            &db,
            "--site",
            "gen-0499",
            "--since",
            "2026-06-01",
        ],
    ] {
        let (wall, report) = timed(&args);
        let last = report.lines().last().unwrap_or("");
        println!(
            "{}: {:.3} s ({last})",
            args[5..].join(" "),
            wall.as_secs_f64()
        );
    }
}
