//! The `rust-version` the manifest declares is true: no locked dependency needs a newer Rust.

use serde_json::Value;

fn version(text: &str) -> Vec<u64> {
    text.split('.').map(|p| p.parse().unwrap_or(0)).collect()
}

#[test]
fn declared_rust_version_covers_every_locked_dependency() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = std::process::Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--locked"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run cargo metadata");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let metadata: Value = serde_json::from_slice(&out.stdout).unwrap();
    let packages = metadata["packages"].as_array().unwrap();
    let declared = packages
        .iter()
        .find(|p| p["name"] == "govaudit")
        .and_then(|p| p["rust_version"].as_str())
        .expect("the root package declares rust-version");
    let neediest = packages
        .iter()
        .filter_map(|p| Some((p["rust_version"].as_str()?, p["name"].as_str()?)))
        .max_by(|a, b| version(a.0).cmp(&version(b.0)))
        .expect("some package declares a rust-version");
    assert!(
        version(declared) >= version(neediest.0),
        "rust-version {declared} is older than {} needs ({})",
        neediest.1,
        neediest.0
    );
}
