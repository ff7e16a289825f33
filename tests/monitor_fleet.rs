//! Fleet mode on a real PostgreSQL server (GOVAUDIT_TEST_POSTGRES, see .ci/start-postgres):
//! three worker processes of the built binary share a queue of slow loopback sites; one is
//! killed in the middle of a run; every site is still audited exactly once.

mod common;

use common::{govaudit, serve};
use serde_json::Value;
use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A database of its own on the test server, so tests run in parallel.
fn fresh_database(admin: &str, label: &str) -> String {
    let name = format!(
        "govaudit_{label}_{}_{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    );
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(govaudit_monitor::create_database(admin, &name))
        .expect("create a test database")
}

fn export(db: &str) -> Vec<Value> {
    let out = govaudit(&["monitor", "export", "--db", db]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn worker(db: &str, data: &std::path::Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_govaudit"))
        .args([
            "monitor",
            "worker",
            "--db",
            db,
            "--until-empty",
            "--concurrency",
            "1",
        ])
        .args(["--lease-seconds", "3", "--poll-seconds", "1", "--data-dir"])
        .arg(data)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start a worker")
}

/// Waits for a child, killing it (and failing) after a generous bound, so a hung worker
/// cannot hang the test suite.
fn finish(mut child: Child, bound: Duration) -> std::process::Output {
    let started = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if started.elapsed() > bound {
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            panic!(
                "a worker did not finish: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn three_workers_one_killed_audit_every_site_exactly_once() {
    let Some(admin) = govaudit_testkit::postgres_url() else {
        return;
    };
    let db = fresh_database(&admin, "fleet");
    let dir = tempfile::tempdir().unwrap();
    // Six slow sites, each on a port of its own (six hosts): a run takes a few seconds.
    let mut toml = String::new();
    for i in 0..6 {
        let url = serve(|path| {
            std::thread::sleep(Duration::from_millis(400));
            match path {
                "/" => (
                    "200 OK",
                    "text/html",
                    b"<html lang=en><title>Home</title><a href=a.html>a</a><a href=b.html>b</a><a href=gone.html>x</a></html>".to_vec(),
                ),
                "/a.html" | "/b.html" => ("200 OK", "text/html", b"<html lang=en><title>P</title></html>".to_vec()),
                _ => ("404 Not Found", "text/html", b"no".to_vec()),
            }
        });
        toml.push_str(&format!(
            "[[site]]\nname = \"s{i}\"\nurl = \"{url}/\"\nallow_private = true\nrate = 100\n\n"
        ));
    }
    let sites = dir.path().join("SITES.toml");
    std::fs::write(&sites, toml).unwrap();
    let sites = sites.to_str().unwrap();
    let out = govaudit(&[
        "monitor",
        "enqueue",
        "--db",
        &db,
        sites,
        "--now",
        "2026-12-01",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.starts_with("6 runs queued"), "{}", out.stdout);
    // Enqueuing the same slot again queues nothing.
    let out = govaudit(&[
        "monitor",
        "enqueue",
        "--db",
        &db,
        sites,
        "--now",
        "2026-12-01T20:00:00Z",
    ]);
    assert!(out.stdout.starts_with("0 runs queued"), "{}", out.stdout);

    let data = dir.path().join("data");
    let mut doomed = worker(&db, &data);
    let doomed_id = format!(":{}:", doomed.id());
    let others = [worker(&db, &data), worker(&db, &data)];

    // Kill the first worker once it holds a run.
    let started = Instant::now();
    loop {
        let holding = export(&db).iter().any(|r| {
            r["type"] == "run"
                && r["state"] == "running"
                && r["worker"].as_str().is_some_and(|w| w.contains(&doomed_id))
        });
        if holding {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the first worker never claimed a run"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    doomed.kill().unwrap();
    let _ = doomed.wait();

    for other in others {
        let out = finish(other, Duration::from_secs(180));
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    let rows = export(&db);
    let runs: Vec<&Value> = rows.iter().filter(|r| r["type"] == "run").collect();
    assert_eq!(runs.len(), 6, "one run per site and slot");
    let mut per_site: HashMap<&str, usize> = HashMap::new();
    for run in &runs {
        assert_eq!(run["state"], "done", "{run}");
        assert!(
            !run["worker"].as_str().unwrap().contains(&doomed_id),
            "the killed worker committed nothing"
        );
        *per_site.entry(run["site"].as_str().unwrap()).or_default() += 1;
    }
    assert_eq!(per_site.len(), 6);
    assert!(
        runs.iter().any(|r| r["attempts"] == 2),
        "the killed worker's run was taken over"
    );
    // Every run has the same findings (the sites are alike), none stored twice.
    let mut findings: HashMap<i64, Vec<String>> = HashMap::new();
    for f in rows.iter().filter(|r| r["type"] == "finding") {
        findings
            .entry(f["run"].as_i64().unwrap())
            .or_default()
            .push(f["finding"]["rule"].as_str().unwrap().to_owned());
    }
    assert_eq!(findings.len(), 6);
    let counts: Vec<usize> = findings.values().map(Vec::len).collect();
    assert!(
        counts.iter().all(|&n| n == counts[0] && n > 0),
        "{counts:?}"
    );
    assert!(
        findings
            .values()
            .all(|rules| rules.iter().any(|r| r == "links/broken"))
    );
}

#[test]
fn a_worker_refuses_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.sqlite");
    let out = govaudit(&["monitor", "worker", "--db", db.to_str().unwrap()]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("needs PostgreSQL"), "{}", out.stderr);
}
