//! Helpers for the end-to-end tests: run the binary, validate what it writes.

#![allow(dead_code)]

use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
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

/// An HTTP/1.1 server on a loopback port, one request per connection, until the test process
/// ends: `answer(path)` gives the status line's status, the content type and the body (HEAD
/// gets the head only). Returns `http://127.0.0.1:PORT`.
pub fn serve(
    answer: impl Fn(&str) -> (&'static str, &'static str, Vec<u8>) + Send + Sync + 'static,
) -> String {
    serve_logged(answer).0
}

/// Serves the files under `root` as a static web server does (`/dir/` is `dir/index.html`,
/// anything else missing is 404); bodies are sent as stored, so a GBK page stays GBK.
pub fn serve_directory(root: &Path) -> String {
    let root = root.to_owned();
    serve(move |path| {
        let mut file = root.join(path.trim_start_matches('/'));
        if path.ends_with('/') {
            file.push("index.html");
        }
        let inside = !path.split('/').any(|segment| segment == "..");
        match std::fs::read(&file) {
            Ok(body) if inside => {
                let content_type = match file.extension().and_then(|e| e.to_str()) {
                    Some("html" | "htm") => "text/html",
                    Some("css") => "text/css",
                    Some("png") => "image/png",
                    Some("pdf") => "application/pdf",
                    _ => "application/octet-stream",
                };
                ("200 OK", content_type, body)
            }
            _ => ("404 Not Found", "text/html", b"<title>404</title>".to_vec()),
        }
    })
}

/// One request a logged server answered: method, path, and when it arrived.
#[derive(Debug, Clone)]
pub struct Logged {
    pub method: String,
    pub path: String,
    pub at: std::time::Instant,
}

/// [`serve`] that also logs every request (method, path, arrival time), for tests that count
/// requests or measure the gaps between them.
pub fn serve_logged(
    answer: impl Fn(&str) -> (&'static str, &'static str, Vec<u8>) + Send + Sync + 'static,
) -> (String, std::sync::Arc<std::sync::Mutex<Vec<Logged>>>) {
    serve_logged_at("127.0.0.1", answer)
}

/// [`serve_logged`] on another loopback address (`127.0.0.2`: a second host on this machine).
pub fn serve_logged_at(
    loopback: &str,
    answer: impl Fn(&str) -> (&'static str, &'static str, Vec<u8>) + Send + Sync + 'static,
) -> (String, std::sync::Arc<std::sync::Mutex<Vec<Logged>>>) {
    let log = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let listener = TcpListener::bind(format!("{loopback}:0")).expect("bind a loopback port");
    let base = format!("http://{}", listener.local_addr().expect("local address"));
    let answer = std::sync::Arc::new(answer);
    let requests = log.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let answer = answer.clone();
            let requests = requests.clone();
            // One thread per connection, so a slow answer does not hold up the others.
            std::thread::spawn(move || {
                let Ok(clone) = stream.try_clone() else {
                    return;
                };
                let mut reader = BufReader::new(clone);
                let mut request_line = String::new();
                if reader.read_line(&mut request_line).is_err() {
                    return;
                }
                let mut line = String::new();
                while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                    line.clear();
                }
                let mut parts = request_line.split(' ');
                let method = parts.next().unwrap_or("").to_owned();
                let target = parts.next().unwrap_or("/");
                let path = target.split(['?', '#']).next().unwrap_or("/").to_owned();
                requests.lock().unwrap().push(Logged {
                    method: method.clone(),
                    path: path.clone(),
                    at: std::time::Instant::now(),
                });
                let (status, content_type, body) = answer(&path);
                let _ = write!(
                    stream,
                    "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                if method != "HEAD" {
                    let _ = stream.write_all(&body);
                }
            });
        }
    });
    (base, log)
}
