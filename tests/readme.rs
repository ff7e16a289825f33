//! README.md's library snippet compiles as written: it is `examples/library.rs` (built by
//! `cargo test` and clippy), character for character, and the dependency list above it names
//! every crate the snippet uses, with the versions the workspace builds it against.

use std::collections::BTreeSet;
use std::path::Path;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(ROOT).join(path)).unwrap()
}

/// The README's "As a library" section.
fn library_section(readme: &str) -> &str {
    let start = readme
        .find("## As a library")
        .expect("README has '## As a library'");
    let rest = &readme[start + 2..];
    let end = rest.find("\n## ").map_or(rest.len(), |i| i);
    &readme[start..start + 2 + end]
}

/// The body of the first fenced block in `text` whose info string is `lang`.
fn fenced_block<'a>(text: &'a str, lang: &str) -> &'a str {
    let open = format!("```{lang}\n");
    let start = text
        .find(&open)
        .unwrap_or_else(|| panic!("no ```{lang} block"))
        + open.len();
    let len = text[start..].find("```\n").expect("the block is closed");
    &text[start..start + len]
}

/// Crates a Rust snippet names by path (`name::...`), std's excepted, as Rust spells them.
fn crates_named(code: &str) -> BTreeSet<String> {
    let mut named = BTreeSet::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
        if is_ident(bytes[i]) && (i == 0 || !(is_ident(bytes[i - 1]) || bytes[i - 1] == b':')) {
            let start = i;
            while i < bytes.len() && is_ident(bytes[i]) {
                i += 1;
            }
            let word = &code[start..i];
            if code[i..].starts_with("::")
                && !["std", "core", "alloc", "crate", "self", "super", "Self"].contains(&word)
                && word.starts_with(|c: char| c.is_ascii_lowercase())
            {
                named.insert(word.to_owned());
            }
        } else {
            i += 1;
        }
    }
    named
}

#[test]
fn library_snippet_is_the_example_that_cargo_builds() {
    let readme = read("README.md");
    let snippet = fenced_block(library_section(&readme), "rust");
    assert_eq!(
        snippet,
        read("examples/library.rs"),
        "README.md's library snippet and examples/library.rs differ: change both"
    );
    assert!(
        snippet.contains("fn main()"),
        "the snippet is a whole program"
    );
}

#[test]
fn library_snippet_lists_exactly_the_crates_it_uses_at_the_workspace_versions() {
    let readme = read("README.md");
    let section = library_section(&readme);
    let listed: toml::Table = fenced_block(section, "toml").parse().unwrap();
    let listed = listed["dependencies"]
        .as_table()
        .expect("a [dependencies] table");
    let used = crates_named(fenced_block(section, "rust"));
    assert!(used.contains("govaudit_core"), "crates found: {used:?}");
    assert_eq!(
        // Cargo takes `serde_json` and `govaudit-core` as written; Rust says `govaudit_core`.
        listed
            .keys()
            .map(|name| name.replace('-', "_"))
            .collect::<BTreeSet<_>>(),
        used,
        "the README's [dependencies] must name exactly the crates its snippet uses"
    );

    let manifest: toml::Table = read("Cargo.toml").parse().unwrap();
    let workspace_deps = manifest["workspace"]["dependencies"].as_table().unwrap();
    for (name, requirement) in listed {
        let requirement = requirement.as_str().expect("a plain version requirement");
        let built = match &workspace_deps[name] {
            toml::Value::String(version) => version.as_str(),
            table => table["version"].as_str().unwrap(),
        };
        // "0.1" admits "0.1.0"; "1" admits "1" and "1.2": the README asks for what we build.
        let admits = built == requirement || built.starts_with(&format!("{requirement}."));
        assert!(
            admits,
            "README lists {name} = {requirement:?}, the workspace builds {built:?}"
        );
    }
}

#[test]
fn crates_named_finds_path_roots_only() {
    let code = "use a_b::{C, d};\nlet x = std::fs::read(p)?; e::f(); g.h(); Self::new(); i::j::k()";
    let found: Vec<_> = crates_named(code).into_iter().collect();
    assert_eq!(found, ["a_b", "e", "i"]);
}
