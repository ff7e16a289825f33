//! Hostile input, generated at test time: every case ends with a result, a finding, a note or a
//! clean error, within the limits — never a panic, a hang or unbounded work. (Time and memory at
//! N and 10N are measured in benches/README.md, not asserted here.)

mod common;

use common::{govaudit, serve_logged, serve_logged_at};
use serde_json::Value;

fn report(out: &common::Output) -> Value {
    assert!(
        out.code == 0 || out.code == 1,
        "exit {}: {}",
        out.code,
        out.stderr
    );
    serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", out.stderr))
}

fn notes(report: &Value) -> Vec<String> {
    report["notes"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|n| n["message"].as_str().unwrap_or("").to_owned())
        .collect()
}

#[test]
fn one_element_with_many_distinct_attributes_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let mut html = String::from("<!doctype html><html lang=en><title>t</title><div");
    for i in 0..200_000 {
        html.push_str(&format!(" a{i}=x"));
    }
    html.push_str(">text</div>");
    let page = dir.path().join("attrs.html");
    std::fs::write(&page, html).unwrap();
    let out = govaudit(&["check", "--format", "json", &page.to_string_lossy()]);
    let report = report(&out);
    assert_eq!(report["summary"]["resources"], 1);
}

#[test]
fn a_cascade_over_its_budget_gives_review_not_minutes() {
    let dir = tempfile::tempdir().unwrap();
    let mut html = String::from("<!doctype html><html lang=en><title>t</title><style>");
    for i in 0..30_000 {
        // Every rule matches every div: rules × elements.
        html.push_str(&format!("div{{color:#{:06x}}}", i * 97 % 0xffffff));
    }
    html.push_str("</style><main>");
    for i in 0..30_000 {
        html.push_str(&format!("<div>text {i}</div>"));
    }
    let page = dir.path().join("cascade.html");
    std::fs::write(&page, html).unwrap();
    let out = govaudit(&[
        "check",
        "--only",
        "a11y",
        "--format",
        "json",
        &page.to_string_lossy(),
    ]);
    let report = report(&out);
    let contrast: Vec<&Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "a11y/color-contrast")
        .collect();
    assert!(!contrast.is_empty(), "no contrast finding at all");
    assert!(
        contrast.iter().all(|f| f["outcome"] == "review"),
        "contrast judged on incomplete styles"
    );
    assert!(
        contrast
            .iter()
            .any(|f| f["message"].as_str().unwrap_or("").contains("budget")),
        "{contrast:?}"
    );
}

#[test]
fn a_page_over_the_size_cap_is_checked_in_part_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let mut html = String::from("<!doctype html><html lang=en><title>big</title><main>");
    while html.len() < 3 * 1024 * 1024 {
        html.push_str("<p>政府信息公开 government information</p>\n");
    }
    std::fs::write(dir.path().join("index.html"), &html).unwrap();
    std::fs::write(
        dir.path().join("small.html"),
        "<html lang=en><title>s</title><p>x",
    )
    .unwrap();
    let out = govaudit(&[
        "check",
        "--format",
        "json",
        "--max-page-size",
        "1",
        &dir.path().to_string_lossy(),
    ]);
    let report = report(&out);
    assert_eq!(report["summary"]["resources"], 2, "both pages were checked");
    assert!(
        notes(&report).iter().any(|n| n.contains("page over 1 MiB")),
        "{:?}",
        notes(&report)
    );
}

#[test]
fn a_page_with_more_tags_than_a_dom_may_hold_is_checked_in_part_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let mut html = String::from("<!doctype html><html lang=en><title>t</title><main>");
    for i in 0..160_000 {
        html.push_str(&format!("<i>{i}</i>"));
    }
    let page = dir.path().join("tags.html");
    std::fs::write(&page, html).unwrap();
    let out = govaudit(&["check", "--format", "json", &page.to_string_lossy()]);
    let report = report(&out);
    assert!(
        notes(&report).iter().any(|n| n.contains("300,000 tags")),
        "{:?}",
        notes(&report)
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_ends_the_walk() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("a")).unwrap();
    std::fs::write(
        dir.path().join("index.html"),
        "<html lang=en><title>i</title><a href=a/p.html>p</a>",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("a/p.html"),
        "<html lang=en><title>p</title>",
    )
    .unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("a/loop")).unwrap();
    for command in ["check", "links", "disclosure"] {
        let mut args = vec![command, "--format", "json"];
        if command == "disclosure" {
            args.extend(["--profile", "cn-gov", "--as-of", "2026-12-01"]);
        }
        let site = dir.path().to_string_lossy().into_owned();
        args.push(&site);
        let out = govaudit(&args);
        let report = report(&out);
        let resources: Vec<&str> = report["resources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_str().unwrap())
            .filter(|r| r.ends_with("p.html"))
            .collect();
        assert!(resources.len() <= 2, "{command}: {resources:?}");
    }
}

#[test]
fn link_checks_stop_at_max_links_with_a_note() {
    let (base, log) = serve_logged(|path| match path {
        "/" => {
            // Images, not pages: the crawl does not follow them, the link checks request them.
            let links: String = (0..400)
                .map(|i| format!("<img src=/t{i}.png alt={i}>"))
                .collect();
            (
                "200 OK",
                "text/html",
                format!("<html lang=en><title>many</title><main>{links}").into_bytes(),
            )
        }
        _ => ("200 OK", "image/png", b"png".to_vec()),
    });
    let out = govaudit(&[
        "links",
        "--allow-private",
        "--ignore-robots",
        "--rate",
        "1000",
        "--max-links",
        "25",
        "--format",
        "json",
        &format!("{base}/"),
    ]);
    let report = report(&out);
    let requested = log.lock().unwrap().len();
    assert!(requested <= 1 + 25, "{requested} requests");
    assert!(
        notes(&report).iter().any(|n| n.contains("not checked")),
        "{:?}",
        notes(&report)
    );
}

#[test]
fn a_run_deadline_keeps_what_was_found() {
    let (base, _log) = serve_logged(|path| match path {
        "/" => (
            "200 OK",
            "text/html",
            b"<html lang=en><title>slow</title><main><a href=/slow.png>s</a><img src=/x.png>"
                .to_vec(),
        ),
        "/slow.png" => {
            std::thread::sleep(std::time::Duration::from_secs(8));
            ("200 OK", "image/png", b"png".to_vec())
        }
        _ => ("404 Not Found", "text/html", b"<title>404</title>".to_vec()),
    });
    let out = govaudit(&[
        "audit",
        "--allow-private",
        "--ignore-robots",
        "--deadline",
        "2",
        "--only",
        "a11y,links",
        "--format",
        "json",
        &format!("{base}/"),
    ]);
    let report = report(&out);
    assert_eq!(report["engine"]["pages"], 1);
    assert!(
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "a11y/image-alt")
    );
}

#[test]
fn text_output_never_carries_terminal_control_sequences() {
    let dir = tempfile::tempdir().unwrap();
    let evil = "\u{1b}[2J\u{1b}]0;pwned\u{7}\u{202e}gnp.exe";
    std::fs::write(
        dir.path().join("index.html"),
        format!("<html><title>{evil}</title><a href=\"{evil}.html\">{evil}</a> <a href=lxwm.html>联系我们{evil}</a>"),
    )
    .unwrap();
    let site = dir.path().to_string_lossy().into_owned();
    let exchange = dir.path().join("exchange.json");
    std::fs::write(
        &exchange,
        serde_json::json!({
            "url": format!("https://example.gov/{evil}"),
            "status": 200,
            "headers": [["Content-Security-Policy", format!("script-src {evil}")], ["Set-Cookie", format!("a={evil}")]]
        })
        .to_string(),
    )
    .unwrap();
    let runs: Vec<Vec<&str>> = vec![
        vec!["check", &site],
        vec!["audit", &site],
        vec!["links", &site],
        vec![
            "disclosure",
            "--profile",
            "cn-gov",
            "--as-of",
            "2026-12-01",
            &site,
        ],
    ];
    let exchange = exchange.to_string_lossy().into_owned();
    let mut runs = runs;
    runs.push(vec!["headers", "--input", &exchange]);
    for args in runs {
        let out = govaudit(&args);
        assert!(out.code == 0 || out.code == 1, "{args:?}: {}", out.stderr);
        assert!(
            !out.stdout.contains('\u{1b}'),
            "{args:?}: raw ESC in {}",
            out.stdout
        );
        assert!(!out.stdout.contains('\u{7}'), "{args:?}: raw BEL");
        assert!(
            !out.stdout.contains('\u{202e}'),
            "{args:?}: raw bidi override"
        );
    }
}

#[test]
fn a_corrupt_link_cache_is_reported_before_the_crawl() {
    let (base, log) = serve_logged(|_| ("200 OK", "text/html", b"<title>x</title>".to_vec()));
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache.json");
    std::fs::write(&cache, "{not json").unwrap();
    let out = govaudit(&[
        "links",
        "--allow-private",
        "--cache",
        &cache.to_string_lossy(),
        &format!("{base}/"),
    ]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("cache"), "{}", out.stderr);
    assert!(
        log.lock().unwrap().is_empty(),
        "requests were made before the cache was read"
    );
}

#[test]
fn written_files_never_clobber_their_neighbours() {
    let (base, _log) = serve_logged(|path| match path {
        "/" => (
            "200 OK",
            "text/html",
            b"<html lang=en><title>x</title><a href=/a.png>a</a>".to_vec(),
        ),
        _ => ("200 OK", "image/png", b"png".to_vec()),
    });
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("mine.json");
    let neighbour = dir.path().join("mine.tmp");
    std::fs::write(&neighbour, "keep me").unwrap();
    let out = govaudit(&[
        "links",
        "--allow-private",
        "--ignore-robots",
        "--cache",
        &cache.to_string_lossy(),
        &format!("{base}/"),
    ]);
    assert!(out.code == 0 || out.code == 1, "{}", out.stderr);
    assert!(cache.is_file());
    assert_eq!(std::fs::read_to_string(&neighbour).unwrap(), "keep me");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "mine.json" && n != "mine.tmp")
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// `--allow-private` allows the start URL's own address, not every non-public one: a loopback
/// site that links or redirects to another address of this machine does not get it requested
/// unless `--allow-address` lists it. (Only loopback addresses are used: 127.0.0.2 stands for
/// the internal network a hostile page points at.)
#[test]
fn allow_private_is_the_start_address_only() {
    let (other, other_log) =
        serve_logged_at("127.0.0.2", |_| ("200 OK", "image/png", b"png".to_vec()));
    let other_for_site = other.clone();
    let (base, _log) = serve_logged(move |path| {
        match path {
        "/" => (
            "200 OK",
            "text/html",
            format!("<html lang=en><title>x</title><main><img src=\"{other_for_site}/secret.png\" alt=s><a href=/hop>hop</a>")
                .into_bytes(),
        ),
        _ => ("404 Not Found", "text/html", b"<title>404</title>".to_vec()),
    }
    });
    let run = |extra: &[&str]| {
        let mut args = vec![
            "links",
            "--allow-private",
            "--ignore-robots",
            "--format",
            "json",
        ];
        args.extend_from_slice(extra);
        let start = format!("{base}/");
        args.push(&start);
        let out = govaudit(&args);
        report(&out)
    };
    let refused = run(&[]);
    assert!(
        other_log.lock().unwrap().is_empty(),
        "127.0.0.2 was requested"
    );
    let secret = refused["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| {
            f["evidence"]["target"]
                .as_str()
                .is_some_and(|t| t.ends_with("/secret.png"))
        })
        .expect("a finding for the link to the other address");
    assert_eq!(secret["rule"], "links/unverifiable", "{secret}");
    let allowed = run(&["--allow-address", "127.0.0.2/32"]);
    assert!(
        !other_log.lock().unwrap().is_empty(),
        "the listed address was not requested"
    );
    assert!(!allowed["findings"].to_string().contains("secret.png"));
}
