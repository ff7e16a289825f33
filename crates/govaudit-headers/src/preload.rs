//! The HSTS preload list, given by the user in Chromium's `transport_security_state_static.json`
//! format (with its `//` comment lines). Never fetched.

use serde::Deserialize;
use std::collections::HashMap;

#[derive(Debug, thiserror::Error)]
pub enum PreloadError {
    #[error("HSTS preload list: {0}")]
    Json(#[from] serde_json::Error),
}

/// One entry of the list.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct PreloadEntry {
    pub name: String,
    #[serde(default)]
    pub mode: Option<String>,
    #[serde(default)]
    pub include_subdomains: bool,
    #[serde(default)]
    pub policy: Option<String>,
}

impl PreloadEntry {
    pub fn forces_https(&self) -> bool {
        self.mode.as_deref() == Some("force-https")
    }
}

#[derive(Debug, Deserialize)]
struct RawList {
    #[serde(default)]
    entries: Vec<PreloadEntry>,
}

/// The preload list, keyed by host name.
#[derive(Debug, Clone, Default)]
pub struct PreloadList {
    entries: HashMap<String, PreloadEntry>,
}

impl PreloadList {
    /// Parses Chromium's JSON, skipping `//` comments outside strings.
    pub fn parse(text: &str) -> Result<Self, PreloadError> {
        let raw: RawList = serde_json::from_str(&strip_line_comments(text))?;
        Ok(PreloadList::from_entries(raw.entries))
    }

    pub fn from_entries(entries: impl IntoIterator<Item = PreloadEntry>) -> Self {
        PreloadList {
            entries: entries
                .into_iter()
                .map(|e| (e.name.to_ascii_lowercase(), e))
                .collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn get(&self, host: &str) -> Option<&PreloadEntry> {
        self.entries.get(&host.to_ascii_lowercase())
    }

    /// The Observatory's `isHstsPreloaded`: the host itself with `force-https`, or a parent
    /// domain with `force-https` and `include_subdomains`.
    pub fn covering(&self, host: &str) -> Option<&PreloadEntry> {
        let host = host.to_ascii_lowercase();
        if let Some(e) = self.entries.get(&host).filter(|e| e.forces_https()) {
            return Some(e);
        }
        let mut rest = host.as_str();
        while let Some((_, parent)) = rest.split_once('.') {
            if let Some(e) = self
                .entries
                .get(parent)
                .filter(|e| e.forces_https() && e.include_subdomains)
            {
                return Some(e);
            }
            rest = parent;
        }
        None
    }
}

/// Removes `//` comments that are outside JSON strings (the Chromium file has whole-line ones).
fn strip_line_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut in_string = false;
        let mut escaped = false;
        let mut cut = line.len();
        let bytes = line.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            if in_string {
                match b {
                    _ if escaped => escaped = false,
                    b'\\' => escaped = true,
                    b'"' => in_string = false,
                    _ => {}
                }
            } else if b == b'"' {
                in_string = true;
            } else if b == b'/' && bytes.get(i + 1) == Some(&b'/') {
                cut = i;
                break;
            }
        }
        out.push_str(&line[..cut]);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chromium_format_with_comments() {
        let text = r#"// Copyright
{
  // The entries
  "entries": [
    { "name": "preloaded.example", "policy": "custom", "mode": "force-https", "include_subdomains": true },
    { "name": "pinned.example", "policy": "custom" } // pins only
  ]
}"#;
        let list = PreloadList::parse(text).unwrap();
        assert_eq!(list.len(), 2);
        assert!(list.covering("www.preloaded.example").is_some());
        assert!(list.covering("preloaded.example").is_some());
        assert!(list.covering("pinned.example").is_none());
        assert!(list.covering("example").is_none());
    }
}
