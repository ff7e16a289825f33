//! Every crate meant for crates.io says what it is: description, readme, keywords, categories
//! (valid slugs), and no placeholder repository. `cargo package --workspace` checks that the
//! crates build on their own; it is too slow for CI, so README.md's "Contributing" says how to
//! run it, and this cheap test keeps the metadata it needs true.

use serde_json::Value;
use std::path::Path;

/// crates.io's category slugs that fit this project (https://crates.io/category_slugs): a slug
/// not in crates.io's list is rejected when publishing. Add one here only after checking there.
const KNOWN_CATEGORIES: &[&str] = &[
    "accessibility",
    "command-line-utilities",
    "database",
    "internationalization",
    "localization",
    "network-programming",
    "parser-implementations",
    "text-processing",
    "web-programming",
    "web-programming::http-client",
];

/// Crates that stay off crates.io: test helpers, benchmarks, and the binary package.
const UNPUBLISHED: &[&str] = &["govaudit", "govaudit-benches", "govaudit-testkit"];

fn workspace_packages() -> Vec<Value> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = std::process::Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--no-deps"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run cargo metadata");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let metadata: Value = serde_json::from_slice(&out.stdout).unwrap();
    metadata["packages"].as_array().unwrap().clone()
}

/// `publish = false` shows as an empty list of registries.
fn is_published(package: &Value) -> bool {
    package["publish"]
        .as_array()
        .is_none_or(|registries| !registries.is_empty())
}

fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .map(|items| items.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

/// What crates.io accepts as a keyword: ASCII, at most 20 characters, starting with a letter.
fn valid_keyword(keyword: &str) -> bool {
    keyword.len() <= 20
        && keyword.starts_with(|c: char| c.is_ascii_alphabetic())
        && keyword
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_+".contains(c))
}

#[test]
fn exactly_the_library_crates_are_published() {
    let packages = workspace_packages();
    for package in &packages {
        let name = package["name"].as_str().unwrap();
        assert_eq!(
            is_published(package),
            !UNPUBLISHED.contains(&name),
            "{name}: publish = false is for {UNPUBLISHED:?} only"
        );
    }
    let published = packages.iter().filter(|p| is_published(p)).count();
    assert!(published >= 10, "only {published} publishable crates found");
}

#[test]
fn every_published_crate_has_complete_metadata() {
    let mut problems = Vec::new();
    for package in workspace_packages().iter().filter(|p| is_published(p)) {
        let name = package["name"].as_str().unwrap();
        let mut problem = |what: String| problems.push(format!("{name}: {what}"));
        if package["description"].as_str().is_none_or(str::is_empty) {
            problem("no description".into());
        }
        if package["license"].as_str().is_none_or(str::is_empty) {
            problem("no license".into());
        }
        match package["readme"].as_str() {
            None => problem("no readme".into()),
            Some(readme) => {
                let manifest = Path::new(package["manifest_path"].as_str().unwrap());
                let readme = manifest.parent().unwrap().join(readme);
                if !readme.is_file() {
                    problem(format!("readme {} does not exist", readme.display()));
                }
            }
        }
        let keywords = strings(&package["keywords"]);
        if keywords.is_empty() || keywords.len() > 5 {
            problem(format!(
                "{} keywords (crates.io takes 1 to 5)",
                keywords.len()
            ));
        }
        for keyword in keywords.iter().filter(|k| !valid_keyword(k)) {
            problem(format!("keyword {keyword:?} is not one crates.io accepts"));
        }
        let categories = strings(&package["categories"]);
        if categories.is_empty() || categories.len() > 5 {
            problem(format!("{} categories (1 to 5)", categories.len()));
        }
        for category in categories.iter().filter(|c| !KNOWN_CATEGORIES.contains(c)) {
            problem(format!(
                "category {category:?} is not a known crates.io slug"
            ));
        }
        // No repository is better than a made-up one: crates.io links to it.
        if let Some(repository) = package["repository"].as_str() {
            let placeholder = ["example.", ".invalid", "localhost", "todo"]
                .iter()
                .any(|p| repository.to_ascii_lowercase().contains(p));
            if placeholder || !repository.starts_with("https://") {
                problem(format!("repository {repository:?} is a placeholder"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn keyword_rule_matches_crates_io() {
    assert!(valid_keyword("security-headers"));
    assert!(valid_keyword("a11y"));
    assert!(!valid_keyword("2019"));
    assert!(!valid_keyword("web accessibility"));
    assert!(!valid_keyword("twenty-one-characters"));
}
