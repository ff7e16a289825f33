//! `govaudit.toml`, inline ignore comments and `--baseline`: a team's decisions change what is
//! reported and what fails a run, and only as far as they say.

mod common;

use common::govaudit;
use serde_json::Value;

fn rules(out: &common::Output) -> Vec<(String, String, String)> {
    let report: Value = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", out.stderr));
    let mut found: Vec<(String, String, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_owned(),
                f["url"]
                    .as_str()
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_owned(),
                f["severity"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    found.sort();
    found
}

fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("archive")).unwrap();
    std::fs::write(
        dir.path().join("index.html"),
        "<!doctype html><html lang=en><title>Home</title><main><h1>Home</h1>\n\
         <!-- govaudit-ignore a11y/image-alt -->\n<img src=a.png>\n<img src=b.png>\n\
         <a href=archive/old.html>old</a></main>",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("archive/old.html"),
        "<!doctype html><html lang=en><title>Old</title><main><h1>Old</h1><a href=gone.html>gone</a></main>",
    )
    .unwrap();
    dir
}

#[test]
fn inline_comments_and_the_config_file_leave_findings_out() {
    let dir = site();
    let path = dir.path().to_string_lossy().into_owned();
    let plain = rules(&govaudit(&[
        "check",
        "--no-config",
        "--format",
        "json",
        &path,
    ]));
    // The comment covers the image on the next line only.
    let alt: Vec<_> = plain.iter().filter(|r| r.0 == "a11y/image-alt").collect();
    assert_eq!(alt.len(), 1, "{plain:?}");
    assert!(
        plain
            .iter()
            .any(|r| r.0 == "links/broken" && r.1 == "old.html")
    );
    std::fs::write(
        dir.path().join("govaudit.toml"),
        "[rules]\n\"a11y/image-alt\" = \"low\"\n\"a11y/region\" = \"off\"\n\n\
         [[ignore]]\nrules = [\"links/*\"]\nurl = \"**/archive/**\"\n",
    )
    .unwrap();
    let configured = govaudit(&["check", "--format", "json", &path]);
    let found = rules(&configured);
    // Links under archive/ are ignored; the homepage's own broken images are not.
    assert!(
        !found
            .iter()
            .any(|r| r.0 == "links/broken" && r.1 == "old.html"),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|r| r.0 == "links/broken" && r.1 == "index.html"),
        "{found:?}"
    );
    assert!(!found.iter().any(|r| r.0 == "a11y/region"), "{found:?}");
    assert!(
        found
            .iter()
            .any(|r| r.0 == "a11y/image-alt" && r.2 == "low"),
        "{found:?}"
    );
    let report: Value = serde_json::from_str(&configured.stdout).unwrap();
    assert!(
        report["notes"]
            .to_string()
            .contains("left out by the configuration")
    );
    // A bad file is a clear error, not silence.
    std::fs::write(
        dir.path().join("govaudit.toml"),
        "[rules]\n\"a11y/x\" = \"sometimes\"\n",
    )
    .unwrap();
    let bad = govaudit(&["check", &path]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("sometimes"), "{}", bad.stderr);
}

#[test]
fn a_baseline_fails_only_on_new_findings() {
    let dir = site();
    let path = dir.path().to_string_lossy().into_owned();
    let first = govaudit(&["check", "--no-config", "--format", "json", &path]);
    assert_eq!(first.code, 1);
    let baseline = dir.path().join("baseline.json");
    std::fs::write(&baseline, &first.stdout).unwrap();
    let again = govaudit(&[
        "check",
        "--no-config",
        "--format",
        "json",
        "--baseline",
        &baseline.to_string_lossy(),
        &path,
    ]);
    assert_eq!(again.code, 0, "{}", again.stdout);
    assert!(rules(&again).is_empty());
    // A new defect fails the run, alone.
    std::fs::write(
        dir.path().join("new.html"),
        "<!doctype html><html><title>New</title><main><h1>New</h1></main>",
    )
    .unwrap();
    let later = govaudit(&[
        "check",
        "--no-config",
        "--format",
        "json",
        "--baseline",
        &baseline.to_string_lossy(),
        &path,
    ]);
    assert_eq!(later.code, 1);
    let found = rules(&later);
    assert!(
        !found.is_empty() && found.iter().all(|r| r.1 == "new.html"),
        "{found:?}"
    );
}
