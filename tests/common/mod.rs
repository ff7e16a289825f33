//! Helpers for the end-to-end tests: run the binary, validate what it writes.

#![allow(dead_code)]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `govaudit` in the repository root with colour off and no terminal.
pub fn govaudit(args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_govaudit"))
        .args(args)
        .current_dir(repo())
        .env("NO_COLOR", "1")
        .output()
        .expect("run govaudit");
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Validates against the project's own govaudit/1 schema (in the repository, never skipped).
pub fn validate_govaudit_json(report: &Value) {
    let schema = govaudit_testkit::read_json(&repo().join("docs/schema/govaudit-1.schema.json"));
    govaudit_testkit::assert_valid(&schema, report);
}

/// Validates against the official SARIF 2.1.0 schema in ../shared (skipped when absent).
pub fn validate_sarif(sarif: &Value) {
    let Some(path) = govaudit_testkit::shared_file("schemas/sarif-schema-2.1.0.json") else {
        return;
    };
    let schema = govaudit_testkit::read_json(Path::new(&path));
    govaudit_testkit::assert_valid(&schema, sarif);
}
