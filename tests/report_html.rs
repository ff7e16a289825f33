//! report.html in a real browser: a hostile page is audited, its report rendered and opened in
//! headless Chromium. Nothing from the page may run or become markup, and the report must
//! render at desktop and phone widths. Skipped (with a message) where Chromium is not
//! installed; with `CI` set a missing Chromium fails the test.

mod common;

use common::{govaudit, repo};
use govaudit_core::{Finding, Location, Outcome, Report, Severity};
use govaudit_i18n::Lang;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Chromium is killed after this long: a hang fails the test instead of hanging it.
const CHROMIUM_TIMEOUT: Duration = Duration::from_secs(60);

/// What the hostile page's scripts would write if any of them ran.
const MARKER: &str = "PWNED";

fn chromium() -> Option<PathBuf> {
    govaudit_testkit::binary(
        "Chromium",
        &["chromium", "chromium-browser", "google-chrome"],
    )
}

/// Runs headless Chromium on `html` with `args`, its standard output into `stdout_file`, in a
/// profile directory of its own; killed after [`CHROMIUM_TIMEOUT`].
fn run_chromium(chromium: &Path, html: &Path, args: &[String], stdout_file: &Path) {
    let profile = tempfile::tempdir().unwrap();
    let url = format!("file://{}", html.canonicalize().unwrap().display());
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            "--hide-scrollbars",
            // Lets any timer or load handler of the page run before the DOM is dumped.
            "--virtual-time-budget=3000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(&url)
        .stdout(std::fs::File::create(stdout_file).unwrap())
        .stderr(Stdio::null())
        .spawn()
        .expect("start Chromium");
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "Chromium exited with {status}");
            return;
        }
        if started.elapsed() > CHROMIUM_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("Chromium did not finish within {CHROMIUM_TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The hostile fixture (`tests/fixtures/report-html/hostile.html`) audited by the binary, plus a finding as a live crawl could make it: a
/// `javascript:` URL as the page, markup in the message.
fn hostile_report() -> Report {
    // The directory, read as a site (`--site-url`), so links between its files are checked too
    // (the broken link's target ends up in a message).
    let site = repo().join("tests/fixtures/report-html");
    let out = govaudit(&[
        "audit",
        "--format",
        "json",
        "--site-url",
        "https://hostile.example/",
        &site.to_string_lossy(),
    ]);
    assert!(out.code == 0 || out.code == 1, "{}", out.stderr);
    let mut report: Report = serde_json::from_str(&out.stdout).unwrap();
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.message.contains("</details>") && f.message.contains("<script>")),
        "the fixture should put markup into a message"
    );
    let mut live = report.findings[0].clone();
    live.rule = "links/broken".into();
    live.outcome = Outcome::Fail;
    live.severity = Severity::High;
    live.url = format!("javascript:document.title='{MARKER}'");
    live.message = format!(
        "\"><script>document.title='{MARKER}'</script></details><img src=x onerror=\"document.title='{MARKER}'\">"
    );
    live.location = Location {
        selector: Some("a[title='\"><b>']".into()),
        snippet: Some("<a href=\"javascript:alert(1)\">\u{202E}evil</a>".into()),
        ..Location::default()
    };
    let mut javascript_page: Finding = live.clone();
    javascript_page.outcome = Outcome::Review;
    report.findings.push(live);
    report.findings.push(javascript_page);
    report.finish();
    report
}

#[test]
fn hostile_page_text_never_runs_in_the_report() {
    let Some(chromium) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let html_path = dir.path().join("report.html");
    let html = govaudit_report::html::render(
        &hostile_report(),
        &govaudit_cli::all_rules(),
        None,
        Lang::ZhCn,
    );
    std::fs::write(&html_path, &html).unwrap();
    // The file itself: escaped text, no script, no live javascript: link.
    assert!(!html.to_ascii_lowercase().contains("<script"));
    assert!(!html.contains("href=\"javascript"));
    assert!(html.contains("&lt;script&gt;document.title='PWNED'&lt;/script&gt;&lt;/details&gt;"));

    let dom_path = dir.path().join("dom.html");
    run_chromium(&chromium, &html_path, &["--dump-dom".to_owned()], &dom_path);
    let dom = std::fs::read_to_string(&dom_path).unwrap();
    assert!(dom.contains("<title>测评报告</title>"), "{dom}");
    assert!(!dom.contains("data-pwned"), "a page script ran");
    assert!(
        !dom.contains(&format!("<title>{MARKER}")),
        "a page script ran"
    );
    let lower = dom.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "a script element was created");
    assert!(!lower.contains("<img"), "an image element was created");
    // Serialised text has `<` as `&lt;`, so every `<a ` is a real link.
    for (at, _) in lower.match_indices("<a ") {
        let tag = &lower[at..at + lower[at..].find('>').unwrap()];
        let href = tag.split("href=\"").nth(1).unwrap_or("");
        assert!(
            href.starts_with('#') || href.starts_with("http://") || href.starts_with("https://"),
            "a live link that is not http(s): {tag}"
        );
    }
    // The hostile text is there, as text.
    assert!(dom.contains("&lt;script&gt;document.title='PWNED'&lt;/script&gt;&lt;/details&gt;"));
    assert!(dom.contains("⟨U+202E⟩evil"));
    // The report's own structure survived the `</details>` in messages: every findings group
    // of the hostile page is still inside the findings section, before the checklist.
    let findings = dom.find("id=\"findings\"").unwrap();
    let review = dom.find("id=\"review\"").unwrap();
    let broken = dom.find("id=\"rule-links-broken\"").unwrap();
    assert!(findings < broken && broken < review);
}

#[test]
fn report_renders_at_desktop_and_phone_widths() {
    let Some(chromium) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let html_path = dir.path().join("report.html");
    let out = govaudit(&[
        "audit",
        "--format",
        "json",
        "--profile",
        "cn-gov",
        "examples/demo-site",
    ]);
    let report: Report =
        serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", out.stderr));
    let html = govaudit_report::html::render(&report, &govaudit_cli::all_rules(), None, Lang::ZhCn);
    std::fs::write(&html_path, html).unwrap();
    for (name, width, height) in [("desktop", 1280, 1500), ("phone", 390, 1600)] {
        let png = dir.path().join(format!("{name}.png"));
        run_chromium(
            &chromium,
            &html_path,
            &[
                format!("--window-size={width},{height}"),
                format!("--screenshot={}", png.display()),
            ],
            &dir.path().join(format!("{name}.log")),
        );
        let bytes = std::fs::read(&png).unwrap_or_else(|e| panic!("{name}: no screenshot: {e}"));
        assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "{name}: not a PNG");
        // A blank page of that size compresses to a few kilobytes; the report is text,
        // charts and tables.
        assert!(bytes.len() > 40_000, "{name}: {} bytes", bytes.len());
    }
}
