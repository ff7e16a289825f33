//! Test helpers shared by govaudit's test suites. Not published; dev-dependency only.
//!
//! The team keeps reference data (schemas, ACT test cases, a page corpus) in `../shared`, next to
//! the repository, not inside it. A test that needs it calls [`shared_dir`]:
//!
//! ```no_run
//! let Some(shared) = govaudit_testkit::shared_dir() else { return };
//! let schema = shared.join("schemas/sarif-schema-2.1.0.json");
//! ```
//!
//! Outside CI a missing `../shared` skips the test with a message on stderr, so a fresh clone
//! still passes `cargo test`; with `CI` set it fails, so CI never passes by skipping.
//! `GOVAUDIT_SHARED_DIR` points elsewhere when the data lives somewhere else.

use std::path::{Path, PathBuf};

/// The variable that, when set to any value, turns a skip into a failure.
pub const CI_VAR: &str = "CI";

/// Points at the shared data when it is not at `../shared` (a CI cache, another checkout).
pub const SHARED_DIR_VAR: &str = "GOVAUDIT_SHARED_DIR";

/// Where the shared data is expected: `GOVAUDIT_SHARED_DIR` when set, else `shared` next to the
/// workspace root.
pub fn expected_shared_dir() -> PathBuf {
    match std::env::var_os(SHARED_DIR_VAR) {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        // This crate is at <root>/crates/govaudit-testkit, whatever crate's test calls us.
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
    }
}

/// The `../shared` directory, or `None` (after printing `skipping: ../shared not found`) when it
/// is absent. Panics when it is absent and the `CI` variable is set.
#[track_caller]
pub fn shared_dir() -> Option<PathBuf> {
    match resolve_shared(&expected_shared_dir(), std::env::var_os(CI_VAR).is_some()) {
        Ok(Some(dir)) => Some(dir),
        Ok(None) => {
            skip(&format!(
                "../shared not found (looked at {}); set CI to make this an error",
                expected_shared_dir().display()
            ));
            None
        }
        Err(message) => panic!("{message}"),
    }
}

/// Where [`skip`] also records skips, so that a run can list them at the end: cargo shows a
/// passing test's stderr only under `--nocapture`, and `.ci/run` prints this file.
pub const SKIP_LOG_VAR: &str = "GOVAUDIT_SKIP_LOG";

/// Says that the calling test is skipped and why: on stderr, and as one line of the file named
/// by `GOVAUDIT_SKIP_LOG` when it is set (the test's name comes from its thread).
#[track_caller]
pub fn skip(reason: &str) {
    let log = std::env::var_os(SKIP_LOG_VAR).filter(|v| !v.is_empty());
    record_skip(
        reason,
        log.as_deref().map(Path::new),
        std::panic::Location::caller(),
    );
}

fn record_skip(reason: &str, log: Option<&Path>, caller: &std::panic::Location<'_>) {
    let test = std::thread::current().name().unwrap_or("a test").to_owned();
    eprintln!("skipping {test}: {reason}");
    if let Some(log) = log {
        use std::io::Write as _;
        let line = format!("{test} ({}:{}): {reason}\n", caller.file(), caller.line());
        // One write per line in append mode: lines from parallel tests do not interleave.
        let written = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .and_then(|mut file| file.write_all(line.as_bytes()));
        if let Err(error) = written {
            eprintln!("could not record the skip in {}: {error}", log.display());
        }
    }
}

/// A file under `../shared` (`schemas/sarif-schema-2.1.0.json`), or `None` when `../shared` is
/// absent (see [`shared_dir`]). Panics when `../shared` exists but the file does not: that is a
/// broken checkout, not a missing one.
#[track_caller]
pub fn shared_file(relative: &str) -> Option<PathBuf> {
    let path = shared_dir()?.join(relative);
    assert!(
        path.is_file(),
        "{} not found: ../shared exists but lacks {relative}",
        path.display()
    );
    Some(path)
}

/// The decision behind [`shared_dir`], without the environment: `Ok(None)` means skip.
pub fn resolve_shared(candidate: &Path, ci: bool) -> Result<Option<PathBuf>, String> {
    if candidate.is_dir() {
        // Canonical form gives readable paths in messages; fall back to the joined path.
        Ok(Some(
            candidate
                .canonicalize()
                .unwrap_or_else(|_| candidate.to_path_buf()),
        ))
    } else if ci {
        Err(format!(
            "../shared not found at {} and {CI_VAR} is set: CI must not skip tests that need it",
            candidate.display()
        ))
    } else {
        Ok(None)
    }
}

/// The first of `names` found as an executable on `PATH` (or given as a path), or `None`
/// (after printing `skipping: <what> not found`) when there is none. Panics when there is none
/// and the `CI` variable is set: CI installs the tools its tests need. `what` names the tool in
/// the messages (`Chromium`).
///
/// ```no_run
/// let Some(chromium) = govaudit_testkit::binary("Chromium", &["chromium", "google-chrome"]) else {
///     return;
/// };
/// ```
#[track_caller]
pub fn binary(what: &str, names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let dirs: Vec<PathBuf> = std::env::split_paths(&path).collect();
    match resolve_binary(names, &dirs, std::env::var_os(CI_VAR).is_some()) {
        Ok(Some(found)) => Some(found),
        Ok(None) => {
            skip(&format!(
                "{what} not found (looked for {}); set {CI_VAR} to make this an error",
                names.join(", ")
            ));
            None
        }
        Err(message) => panic!("{what}: {message}"),
    }
}

/// The decision behind [`binary`], without the environment: the first of `names` that is a
/// file (a name with a `/` as it is, others in each of `dirs`); `Ok(None)` means skip.
pub fn resolve_binary(
    names: &[&str],
    dirs: &[PathBuf],
    ci: bool,
) -> Result<Option<PathBuf>, String> {
    for name in names {
        let candidates: Vec<PathBuf> = if name.contains('/') {
            vec![PathBuf::from(name)]
        } else {
            dirs.iter().map(|dir| dir.join(name)).collect()
        };
        if let Some(found) = candidates.into_iter().find(|c| c.is_file()) {
            return Ok(Some(found));
        }
    }
    if ci {
        Err(format!(
            "none of {} found and {CI_VAR} is set: CI must not skip tests that need it",
            names.join(", ")
        ))
    } else {
        Ok(None)
    }
}

/// The bytes of every page of `../shared/corpus/pages`, in file-name order; empty (after the
/// skip message) when `../shared` is absent. For benchmarks and robustness tests.
#[track_caller]
pub fn corpus_pages() -> Vec<Vec<u8>> {
    let Some(shared) = shared_dir() else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(shared.join("corpus/pages"))
        .map(|dir| dir.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

/// Reads and parses a JSON file, panicking with the path on failure (tests only).
pub fn read_json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// Validates `instance` against `schema` with format checks on (`uri`, `date-time`, ...), so
/// a malformed URI fails as it would in a strict consumer. Every error is listed, with its path.
pub fn validate_json(
    schema: &serde_json::Value,
    instance: &serde_json::Value,
) -> Result<(), String> {
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(schema)
        .map_err(|e| format!("the schema does not compile: {e}"))?;
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("at {}: {e}", e.instance_path()))
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("\n"))
    }
}

/// Panics with every validation error and the instance when `instance` does not match `schema`.
#[track_caller]
pub fn assert_valid(schema: &serde_json::Value, instance: &serde_json::Value) {
    if let Err(errors) = validate_json(schema, instance) {
        let pretty = serde_json::to_string_pretty(instance).unwrap_or_default();
        panic!("instance does not match the schema:\n{errors}\n--- instance ---\n{pretty}");
    }
}

/// The house layout of a checking crate: every `src/rules/<name>.rs` under `crate_dir` (but
/// `mod.rs`) is one rule, registered exactly once as `<area>/<name>` with `_` written `-`, and
/// every id in `registered` has its file. Panics with the difference otherwise.
pub fn assert_rule_files_registered(crate_dir: &Path, area: &str, registered: &[&str]) {
    let rules_dir = crate_dir.join("src/rules");
    let files: std::collections::BTreeSet<String> = std::fs::read_dir(&rules_dir)
        .unwrap_or_else(|e| panic!("{}: {e}", rules_dir.display()))
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter_map(|name| Some(name.strip_suffix(".rs")?.to_owned()))
        .filter(|stem| stem != "mod")
        .map(|stem| format!("{area}/{}", stem.replace('_', "-")))
        .collect();
    let ids: std::collections::BTreeSet<String> =
        registered.iter().map(|id| (*id).to_owned()).collect();
    assert_eq!(
        files,
        ids,
        "rule files in {} and the registry differ",
        rules_dir.display()
    );
    assert_eq!(ids.len(), registered.len(), "a rule is registered twice");
}

/// The variable that names the PostgreSQL server for tests (`.ci/start-postgres` sets it):
/// `postgres://postgres@127.0.0.1:PORT/postgres`.
pub const POSTGRES_VAR: &str = "GOVAUDIT_TEST_POSTGRES";

/// The test PostgreSQL server's URL, or `None` (after printing `skipping: ...`) when
/// `GOVAUDIT_TEST_POSTGRES` is not set. Panics when it is not set and `CI` is: CI must not pass
/// by skipping. Each test should create its own database on it.
#[track_caller]
pub fn postgres_url() -> Option<String> {
    let value = std::env::var(POSTGRES_VAR).ok();
    match resolve_postgres(value, std::env::var_os(CI_VAR).is_some()) {
        Ok(Some(url)) => Some(url),
        Ok(None) => {
            skip(&format!(
                "{POSTGRES_VAR} is not set (eval \"$(.ci/start-postgres)\" starts a server); set CI \
                 to make this an error"
            ));
            None
        }
        Err(message) => panic!("{message}"),
    }
}

/// The decision behind [`postgres_url`], without the environment: `Ok(None)` means skip.
pub fn resolve_postgres(value: Option<String>, ci: bool) -> Result<Option<String>, String> {
    match value {
        Some(url) if !url.trim().is_empty() => Ok(Some(url.trim().to_owned())),
        _ if ci => Err(format!(
            "{POSTGRES_VAR} is not set and {CI_VAR} is set: CI must not skip the PostgreSQL tests \
             (.ci/run starts a server with .ci/start-postgres)"
        )),
        _ => Ok(None),
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn postgres_is_skipped_locally_and_required_in_ci() {
        assert_eq!(resolve_postgres(None, false), Ok(None));
        assert_eq!(resolve_postgres(Some("  ".into()), false), Ok(None));
        assert!(resolve_postgres(None, true).is_err());
        assert_eq!(
            resolve_postgres(Some("postgres://p@127.0.0.1:5/postgres".into()), true),
            Ok(Some("postgres://p@127.0.0.1:5/postgres".into()))
        );
    }

    use super::*;

    #[test]
    fn missing_dir_skips_outside_ci_and_fails_in_ci() {
        let missing = Path::new(env!("CARGO_MANIFEST_DIR")).join("no-such-dir");
        assert_eq!(resolve_shared(&missing, false), Ok(None));
        let err = resolve_shared(&missing, true).unwrap_err();
        assert!(err.contains("../shared not found"), "{err}");
    }

    #[test]
    fn skips_are_recorded_in_the_log_named_by_the_variable() {
        let dir = std::env::temp_dir().join(format!("govaudit-skip-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let log = dir.join("skips.txt");
        let here = std::panic::Location::caller();
        record_skip("no database", Some(&log), here);
        record_skip("no browser", Some(&log), here);
        let lines = std::fs::read_to_string(&log).unwrap();
        let lines: Vec<&str> = lines.lines().collect();
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[0].contains("skips_are_recorded") && lines[0].ends_with(": no database"));
        assert!(lines[1].ends_with(": no browser"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn present_dir_is_returned() {
        let here = Path::new(env!("CARGO_MANIFEST_DIR"));
        for ci in [false, true] {
            let found = resolve_shared(here, ci).unwrap();
            assert!(found.is_some_and(|p| p.is_dir()));
        }
    }

    #[test]
    fn missing_binary_skips_outside_ci_and_fails_in_ci() {
        let dirs = [Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()];
        assert_eq!(resolve_binary(&["no-such-tool"], &dirs, false), Ok(None));
        let err = resolve_binary(&["no-such-tool", "other"], &dirs, true).unwrap_err();
        assert!(
            err.contains("no-such-tool, other") && err.contains(CI_VAR),
            "{err}"
        );
    }

    #[test]
    fn present_binary_is_found_in_the_dirs_or_by_path() {
        let here = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dirs = [here.join("src"), here.to_path_buf()];
        assert_eq!(
            resolve_binary(&["no-such-tool", "Cargo.toml"], &dirs, true),
            Ok(Some(here.join("Cargo.toml")))
        );
        let by_path = here.join("src/lib.rs");
        let by_path = by_path.to_str().unwrap();
        assert_eq!(
            resolve_binary(&[by_path], &[], false),
            Ok(Some(PathBuf::from(by_path)))
        );
    }

    #[test]
    fn validation_lists_errors_with_paths_and_checks_formats() {
        let schema = serde_json::json!({
            "type": "object",
            "properties": {"u": {"type": "string", "format": "uri"}, "n": {"type": "integer"}}
        });
        assert!(validate_json(&schema, &serde_json::json!({"u": "https://a.example/"})).is_ok());
        let err =
            validate_json(&schema, &serde_json::json!({"u": "not a uri", "n": "x"})).unwrap_err();
        assert!(err.contains("/u") && err.contains("/n"), "{err}");
    }
}
