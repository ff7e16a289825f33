//! `govaudit monitor` end to end on SQLite: a loopback site whose pages change over a simulated
//! week (a link fixed, a new broken link, the homepage going stale, an outage), a crash before
//! the commit, and two runs at once.

mod common;

use common::{govaudit, serve};
use serde_json::Value;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};

/// What the loopback site serves today.
struct SiteState {
    home: String,
    down: bool,
    /// Each answer waits this long (a slow site, so runs overlap).
    delay_ms: u64,
}

/// The homepage: a dated news list (so freshness can be told), then `links`, with `shift`
/// blank lines above everything (line numbers move, elements do not).
fn homepage(links: &[(&str, &str)], shift: usize) -> String {
    let mut page = String::from(
        "<!doctype html><html lang=\"zh-CN\"><head><title>示例政府网站</title></head><body>",
    );
    page.push_str(&"\n".repeat(shift));
    page.push_str("<h1>工作动态</h1><ul><li><a href=\"a.html\">会议</a> 2026-12-01</li></ul>");
    for (href, text) in links {
        page.push_str(&format!("<p><a href=\"{href}\">{text}</a></p>"));
    }
    page.push_str("</body></html>");
    page
}

fn start_site(state: Arc<Mutex<SiteState>>) -> String {
    serve(move |path| {
        let (down, home, delay) = {
            let s = state.lock().unwrap();
            (s.down, s.home.clone(), s.delay_ms)
        };
        if delay > 0 {
            std::thread::sleep(std::time::Duration::from_millis(delay));
        }
        if down {
            return ("503 Service Unavailable", "text/html", b"down".to_vec());
        }
        match path {
            "/" => ("200 OK", "text/html; charset=utf-8", home.into_bytes()),
            "/a.html" => (
                "200 OK",
                "text/html; charset=utf-8",
                b"<!doctype html><html lang=\"zh-CN\"><title>A</title><p>\xe6\x96\x87\xe5\xad\x97</p></html>".to_vec(),
            ),
            _ => ("404 Not Found", "text/html", b"<title>404</title>".to_vec()),
        }
    })
}

fn write_sites(dir: &Path, url: &str) -> PathBuf {
    let path = dir.join("SITES.toml");
    std::fs::write(
        &path,
        format!(
            "[[site]]\nname = \"demo\"\nurl = \"{url}/\"\nprofile = \"cn-gov\"\nallow_private = true\nmax_pages = 20\nrate = 200\n"
        ),
    )
    .unwrap();
    path
}

fn ok(out: &common::Output) {
    assert_eq!(
        out.code, 0,
        "stdout: {}\nstderr: {}",
        out.stdout, out.stderr
    );
}

fn export(db: &str) -> Vec<Value> {
    let out = govaudit(&["monitor", "export", "--db", db, "--format", "jsonl"]);
    ok(&out);
    out.stdout
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is JSON"))
        .collect()
}

fn of_type<'a>(rows: &'a [Value], kind: &str) -> Vec<&'a Value> {
    rows.iter().filter(|r| r["type"] == kind).collect()
}

fn diff(db: &str, extra: &[&str]) -> Value {
    let mut args = vec![
        "monitor", "diff", "--db", db, "--site", "demo", "--format", "json",
    ];
    args.extend_from_slice(extra);
    let out = govaudit(&args);
    ok(&out);
    serde_json::from_str(&out.stdout).expect("diff JSON")
}

/// The broken-link findings of a diff list, by link target.
fn broken_targets(list: &Value) -> HashSet<String> {
    list.as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "links/broken")
        .map(|f| f["evidence"]["href"].as_str().unwrap_or("").to_owned())
        .collect()
}

fn rules(list: &Value) -> HashSet<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_simulated_week_gives_diffs_availability_and_a_report() {
    let state = Arc::new(Mutex::new(SiteState {
        home: homepage(&[("a.html", "A"), ("gone.html", "B")], 0),
        down: false,
        delay_ms: 0,
    }));
    let url = start_site(state.clone());
    let dir = tempfile::tempdir().unwrap();
    let sites = write_sites(dir.path(), &url);
    let sites = sites.to_str().unwrap();
    let db_path = dir.path().join("monitor.sqlite");
    let db = db_path.to_str().unwrap();

    // Day 1: one broken link. With no earlier run, everything is new.
    ok(&govaudit(&[
        "monitor",
        "run",
        "--db",
        db,
        sites,
        "--now",
        "2026-12-01T12:00:00Z",
    ]));
    let first = diff(db, &[]);
    assert_eq!(first["site"], "demo");
    assert_eq!(first["from"], Value::Null);
    assert!(first["fixed"].as_array().unwrap().is_empty());
    assert_eq!(
        broken_targets(&first["new"]),
        HashSet::from(["gone.html".to_owned()])
    );
    assert!(first["new"][0]["fingerprint"].as_str().unwrap().len() == 16);
    // A second run in the same daily slot is not stored twice.
    let again = govaudit(&[
        "monitor",
        "run",
        "--db",
        db,
        sites,
        "--now",
        "2026-12-01T18:00:00Z",
    ]);
    ok(&again);
    assert!(
        again.stdout.starts_with("0 runs stored"),
        "{}",
        again.stdout
    );

    // Day 2: the broken link is fixed, a new one appears, and every line moves down.
    state.lock().unwrap().home = homepage(
        &[
            ("a.html", "A"),
            ("/", "B"),
            ("new-gone.html", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ],
        5,
    );
    ok(&govaudit(&[
        "monitor",
        "run",
        "--db",
        db,
        sites,
        "--now",
        "2026-12-02T12:00:00Z",
    ]));
    let second = diff(db, &[]);
    assert_eq!(second["from"], first["to"]);
    assert_eq!(
        broken_targets(&second["fixed"]),
        HashSet::from(["gone.html".to_owned()])
    );
    assert_eq!(
        broken_targets(&second["new"]),
        HashSet::from(["new-gone.html".to_owned()])
    );
    // Moved lines do not make old problems new: the accessibility findings persist.
    assert!(
        !rules(&second["new"]).iter().any(|r| r.starts_with("a11y/")),
        "{:?}",
        rules(&second["new"])
    );
    assert!(
        rules(&second["persisting"])
            .iter()
            .any(|r| r.starts_with("a11y/"))
    );
    assert!(!rules(&second["new"]).contains("disclosure/stale-homepage"));

    // The week of probes: 20 a day from Dec 1 12:00, ten of them during an outage on day 5.
    let day1 = govaudit_monitor::parse_time("2026-12-01T12:00:00Z").unwrap();
    for day in 0..7 {
        for i in 0..20 {
            let at = day1 + day * 86_400 + i * 72 * 60;
            state.lock().unwrap().down = day == 4 && i < 10;
            let at = govaudit_monitor::format_time(at);
            ok(&govaudit(&[
                "monitor", "probe", "--db", db, sites, "--now", &at,
            ]));
        }
    }
    state.lock().unwrap().down = false;
    ok(&govaudit(&[
        "monitor",
        "run",
        "--db",
        db,
        sites,
        "--now",
        "2026-12-08T12:00:00Z",
    ]));
    let rows = export(db);
    let runs = of_type(&rows, "run");
    assert_eq!(runs.len(), 3);
    let week = &runs[2]["availability"];
    assert_eq!(week["probes"], 140);
    assert_eq!(week["failures"], 10);
    assert_eq!(week["complete"], true);
    assert_eq!(week["verdict"], "veto", "10/140 = 7.1% is at least 5%");
    assert_eq!(week["score"], 92.9);
    assert_eq!(runs[0]["availability"]["verdict"], "insufficient");
    let probes = of_type(&rows, "probe");
    assert_eq!(probes.len(), 140);
    assert_eq!(probes.iter().filter(|p| p["ok"] == false).count(), 10);
    assert!(probes.iter().any(|p| p["status"] == 503));
    // Every probe that got an answer has its time to first byte, never after the total time.
    for probe in &probes {
        let (ttfb, total) = (probe["ttfb_ms"].as_i64(), probe["total_ms"].as_i64());
        assert!(ttfb.is_some() && ttfb <= total, "{probe}");
    }

    // Day 20: nothing new on the homepage for 19 days: it is stale. Since Dec 2 (against the
    // Dec 1 run): the fixed link, the new link and the stale homepage.
    ok(&govaudit(&[
        "monitor",
        "run",
        "--db",
        db,
        sites,
        "--now",
        "2026-12-20T12:00:00Z",
    ]));
    let latest = diff(db, &[]);
    assert!(rules(&latest["new"]).contains("disclosure/stale-homepage"));
    let since = diff(db, &["--since", "2026-12-02"]);
    assert_eq!(since["from"], first["to"]);
    assert_eq!(
        broken_targets(&since["fixed"]),
        HashSet::from(["gone.html".to_owned()])
    );
    assert!(broken_targets(&since["new"]).contains("new-gone.html"));
    assert!(rules(&since["new"]).contains("disclosure/stale-homepage"));

    // The report: self-contained, strict CSP, hostile text escaped, in both languages.
    let out_dir = dir.path().join("report");
    let out_dir = out_dir.to_str().unwrap();
    for lang in ["zh-CN", "en"] {
        ok(&govaudit(&[
            "monitor",
            "report",
            "--db",
            db,
            "--out",
            out_dir,
            "--now",
            "2026-12-08T12:00:00Z",
            "--lang",
            lang,
        ]));
        let index = std::fs::read_to_string(Path::new(out_dir).join("index.html")).unwrap();
        let site = std::fs::read_to_string(Path::new(out_dir).join("site-1.html")).unwrap();
        for page in [&index, &site] {
            assert!(page.contains(
                "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""
            ));
            assert!(!page.contains("<script"), "no script, escaped or not");
            assert!(!page.contains("<link") && !page.contains(" src="));
        }
        assert!(site.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(site.contains("<svg"));
        assert!(site.contains(&format!("lang=\"{lang}\"")));
        let veto = if lang == "en" {
            "veto (unreachable"
        } else {
            "单项否决"
        };
        assert!(index.contains(veto), "{index}");
    }

    // Retention: a run on Dec 21 keeping 10 days drops the runs of Dec 1, 2 and 8, their
    // findings and WARC files, and the probes.
    let old_warcs: Vec<String> = runs
        .iter()
        .map(|r| {
            r["warc"]
                .as_str()
                .expect("each run has its WARC")
                .to_owned()
        })
        .collect();
    assert!(old_warcs.iter().all(|w| Path::new(w).is_file()));
    ok(&govaudit(&[
        "monitor",
        "run",
        "--db",
        db,
        sites,
        "--now",
        "2026-12-21T12:00:00Z",
        "--retention-days",
        "10",
    ]));
    let rows = export(db);
    let kept: Vec<&str> = of_type(&rows, "run")
        .iter()
        .map(|r| r["as_of"].as_str().unwrap())
        .collect();
    assert_eq!(kept, ["2026-12-20T12:00:00Z", "2026-12-21T12:00:00Z"]);
    assert!(of_type(&rows, "probe").is_empty());
    let kept_runs: HashSet<i64> = of_type(&rows, "run")
        .iter()
        .map(|r| r["id"].as_i64().unwrap())
        .collect();
    assert!(
        of_type(&rows, "finding")
            .iter()
            .all(|f| kept_runs.contains(&f["run"].as_i64().unwrap()))
    );
    assert!(old_warcs.iter().all(|w| !Path::new(w).exists()));
}

#[test]
fn a_run_that_stops_before_its_commit_leaves_nothing_and_is_resumed() {
    let state = Arc::new(Mutex::new(SiteState {
        home: homepage(&[("gone.html", "B")], 0),
        down: false,
        delay_ms: 0,
    }));
    let url = start_site(state);
    let dir = tempfile::tempdir().unwrap();
    let sites = write_sites(dir.path(), &url);
    let sites = sites.to_str().unwrap();
    let db_path = dir.path().join("monitor.sqlite");
    let db = db_path.to_str().unwrap();
    let now = ["--now", "2026-12-01T12:00:00Z", "--lease-seconds", "3"];

    let mut crash = vec!["monitor", "run", "--db", db, sites, "--fail-before-commit"];
    crash.extend_from_slice(&now);
    let out = govaudit(&crash);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("injected failure"), "{}", out.stderr);
    let rows = export(db);
    let runs = of_type(&rows, "run");
    assert_eq!(runs.len(), 1);
    assert_eq!(runs[0]["state"], "running");
    assert!(
        of_type(&rows, "finding").is_empty(),
        "nothing of the run was committed"
    );

    // Once its lease has expired, the next run takes the same slot over. Leases are whole
    // seconds: the last heartbeat (before the crash) set `floor(t) + 3`, and a claim needs
    // `floor(now)` past it, so 4 s after the crash always suffices; 5 s leaves a margin.
    std::thread::sleep(std::time::Duration::from_secs(5));
    let mut resume = vec!["monitor", "run", "--db", db, sites];
    resume.extend_from_slice(&now);
    let out = govaudit(&resume);
    ok(&out);
    assert!(out.stdout.starts_with("1 runs stored"), "{}", out.stdout);
    let rows = export(db);
    let runs = of_type(&rows, "run");
    assert_eq!(runs.len(), 1);
    assert_eq!(runs[0]["state"], "done");
    assert_eq!(runs[0]["attempts"], 2);
    assert!(!of_type(&rows, "finding").is_empty());
}

#[test]
fn two_runs_at_once_on_sqlite_never_clash() {
    let state = Arc::new(Mutex::new(SiteState {
        home: homepage(&[("a.html", "A"), ("gone.html", "B")], 0),
        down: false,
        delay_ms: 300,
    }));
    let url = start_site(state);
    let dir = tempfile::tempdir().unwrap();
    let sites = write_sites(dir.path(), &url);
    let db_path = dir.path().join("monitor.sqlite");
    let db = db_path.to_str().unwrap();
    // The store exists before the two start (its schema is made once).
    ok(&govaudit(&["monitor", "export", "--db", db]));
    let start = || {
        Command::new(env!("CARGO_BIN_EXE_govaudit"))
            .args(["monitor", "run", "--db", db])
            .arg(&sites)
            .args(["--now", "2026-12-01T12:00:00Z"])
            .output()
            .unwrap()
    };
    let (one, two) = std::thread::scope(|scope| {
        let one = scope.spawn(start);
        let two = scope.spawn(start);
        (one.join().unwrap(), two.join().unwrap())
    });
    let mut stored = 0;
    for out in [&one, &two] {
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        match out.status.code() {
            Some(0) => {
                if stdout.starts_with("1 runs stored") {
                    stored += 1;
                }
            }
            Some(2) => assert!(stderr.contains("holds the store's lock"), "{stderr}"),
            other => panic!("exit {other:?}: {stderr}"),
        }
    }
    assert_eq!(stored, 1, "the slot was audited exactly once");
    let rows = export(db);
    let runs = of_type(&rows, "run");
    assert_eq!(runs.len(), 1);
    assert_eq!(runs[0]["state"], "done");
    assert_eq!(runs[0]["attempts"], 1);
    let findings = of_type(&rows, "finding");
    let distinct: HashSet<&str> = findings
        .iter()
        .map(|f| f["fingerprint"].as_str().unwrap())
        .collect();
    assert!(!findings.is_empty());
    assert_eq!(distinct.len(), findings.len(), "no finding stored twice");
}

#[test]
fn command_lines_follow_the_chosen_language() {
    let state = Arc::new(Mutex::new(SiteState {
        home: homepage(&[("gone.html", "B")], 0),
        down: false,
        delay_ms: 0,
    }));
    let url = start_site(state);
    let dir = tempfile::tempdir().unwrap();
    let sites = write_sites(dir.path(), &url);
    let sites = sites.to_str().unwrap();
    let db_path = dir.path().join("monitor.sqlite");
    let db = db_path.to_str().unwrap();
    let now = "2026-12-01T12:00:00Z";
    let zh = |args: &[&str]| {
        let mut all = vec!["--lang", "zh-CN", "monitor"];
        all.extend_from_slice(args);
        govaudit(&all)
    };
    let out = zh(&["enqueue", "--db", db, sites, "--now", now]);
    ok(&out);
    assert!(out.stdout.starts_with("已排队 1 次检测"), "{}", out.stdout);
    let out = zh(&["run", "--db", db, sites, "--now", now]);
    ok(&out);
    assert!(out.stdout.starts_with("已保存 1 次检测"), "{}", out.stdout);
    let out = zh(&["diff", "--db", db, "--site", "demo"]);
    ok(&out);
    assert!(out.stdout.contains("（此前没有检测）"), "{}", out.stdout);
    assert!(out.stdout.contains("新增："), "{}", out.stdout);
    let out = zh(&["probe", "--db", db, sites]);
    ok(&out);
    assert!(out.stdout.contains("毫秒（首字节"), "{}", out.stdout);
}
