//! The crate's data, read from the TOML files in `data/` (compiled in): spam keywords, the
//! script-host allowlist and the dictionary of renamed government bodies.

use jiff::civil::Date;
use regex::Regex;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// Why the built-in data could not be read (a defect of this crate, caught by its tests).
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    #[error("data/{file}: {source}")]
    Toml {
        file: &'static str,
        source: toml::de::Error,
    },
    #[error("data/{file}: {message}")]
    Invalid { file: &'static str, message: String },
}

/// A category of spam words (`gambling`, `adult`, ...).
#[derive(Debug, Clone, Deserialize)]
pub struct KeywordCategory {
    pub name: String,
    pub terms: Vec<String>,
}

#[derive(Deserialize)]
struct KeywordFile {
    category: Vec<KeywordCategory>,
}

#[derive(Deserialize)]
struct HostGroup {
    hosts: Vec<String>,
}

#[derive(Deserialize)]
struct HostFile {
    group: Vec<HostGroup>,
}

/// An official name that no longer exists.
#[derive(Debug, Clone, Deserialize)]
pub struct Renamed {
    /// The old name as written.
    pub term: String,
    /// The current form.
    pub replacement: String,
    /// The day the change was decided.
    pub date: Date,
    /// The decision, in full (resolved from the file's `[sources]`).
    pub source: String,
    /// Words that make the term something else when they come right before it.
    #[serde(default)]
    pub not_after: Vec<String>,
}

#[derive(Deserialize)]
struct RenamedFile {
    sources: BTreeMap<String, String>,
    renamed: Vec<Renamed>,
}

/// Everything the rules read from `data/`.
#[derive(Debug)]
pub struct Data {
    pub keywords: Vec<KeywordCategory>,
    /// One regex over every keyword (lowercase text is matched), with the category of each.
    keyword_matcher: Regex,
    keyword_category: BTreeMap<String, usize>,
    pub script_hosts: Vec<String>,
    pub renamed: Vec<Renamed>,
    /// One regex over every old name, longest first.
    renamed_matcher: Regex,
}

const KEYWORDS: &str = include_str!("../data/keywords.toml");
const SCRIPT_HOSTS: &str = include_str!("../data/script_hosts.toml");
const RENAMED: &str = include_str!("../data/renamed_bodies.toml");

static BUILTIN: LazyLock<Result<Data, DataError>> = LazyLock::new(Data::parse);

impl Data {
    /// The built-in data, parsed once.
    pub fn builtin() -> Result<&'static Data, &'static DataError> {
        BUILTIN.as_ref()
    }

    fn parse() -> Result<Data, DataError> {
        let keywords: KeywordFile = toml::from_str(KEYWORDS).map_err(|source| DataError::Toml {
            file: "keywords.toml",
            source,
        })?;
        let hosts: HostFile = toml::from_str(SCRIPT_HOSTS).map_err(|source| DataError::Toml {
            file: "script_hosts.toml",
            source,
        })?;
        let renamed: RenamedFile = toml::from_str(RENAMED).map_err(|source| DataError::Toml {
            file: "renamed_bodies.toml",
            source,
        })?;
        let mut keyword_category = BTreeMap::new();
        for (i, category) in keywords.category.iter().enumerate() {
            for term in &category.terms {
                keyword_category.insert(term.to_lowercase(), i);
            }
        }
        let keyword_matcher =
            alternation(keyword_category.keys().map(String::as_str)).map_err(|message| {
                DataError::Invalid {
                    file: "keywords.toml",
                    message,
                }
            })?;
        let mut entries = Vec::with_capacity(renamed.renamed.len());
        for mut entry in renamed.renamed {
            entry.source =
                renamed
                    .sources
                    .get(&entry.source)
                    .cloned()
                    .ok_or_else(|| DataError::Invalid {
                        file: "renamed_bodies.toml",
                        message: format!("{}: unknown source {:?}", entry.term, entry.source),
                    })?;
            entries.push(entry);
        }
        let renamed_matcher =
            alternation(entries.iter().map(|e| e.term.as_str())).map_err(|message| {
                DataError::Invalid {
                    file: "renamed_bodies.toml",
                    message,
                }
            })?;
        Ok(Data {
            keywords: keywords.category,
            keyword_matcher,
            keyword_category,
            script_hosts: hosts
                .group
                .into_iter()
                .flat_map(|g| g.hosts)
                .map(|h| h.to_ascii_lowercase())
                .collect(),
            renamed: entries,
            renamed_matcher,
        })
    }

    /// The first spam keyword in `text` (any case) and its category.
    pub fn keyword_in(&self, text: &str) -> Option<(String, &str)> {
        let lower = text.to_lowercase();
        let found = self.keyword_matcher.find(&lower)?;
        let term = found.as_str().to_owned();
        let category = self
            .keyword_category
            .get(&term)
            .and_then(|&i| self.keywords.get(i))
            .map_or("", |c| c.name.as_str());
        Some((term, category))
    }

    /// Every old name in `text`, with its byte range, left to right (longest at a position).
    pub fn renamed_in<'d>(
        &'d self,
        text: &str,
    ) -> impl Iterator<Item = (std::ops::Range<usize>, &'d Renamed)> + 'd {
        let found: Vec<_> = self
            .renamed_matcher
            .find_iter(text)
            .filter_map(|m| {
                let entry = self.renamed.iter().find(|e| e.term == m.as_str())?;
                Some((m.range(), entry))
            })
            .collect();
        found.into_iter()
    }

    /// Whether scripts from `host` are on the built-in allowlist (the entry or a subdomain).
    pub fn is_known_host(&self, host: &str) -> bool {
        host_in(host, self.script_hosts.iter().map(String::as_str))
    }
}

/// `host` is one of `list` or a subdomain of one (case-insensitive).
pub(crate) fn host_in<'l>(host: &str, list: impl IntoIterator<Item = &'l str>) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    list.into_iter().any(|entry| {
        let entry = entry.trim_end_matches('.');
        host == entry
            || host
                .strip_suffix(entry)
                .is_some_and(|rest| rest.ends_with('.'))
    })
}

/// One regex matching any of `terms`, longest first (so a longer name wins at a position).
fn alternation<'t>(terms: impl Iterator<Item = &'t str>) -> Result<Regex, String> {
    let mut terms: Vec<&str> = terms.filter(|t| !t.is_empty()).collect();
    terms.sort_by_key(|t| std::cmp::Reverse(t.len()));
    let pattern = terms
        .iter()
        .map(|t| regex::escape(t))
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&pattern).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_data_parses_and_every_renaming_has_a_source_and_date() {
        let data = Data::builtin().unwrap();
        assert!(data.renamed.len() >= 20);
        assert!(data.renamed.iter().all(|e| !e.source.is_empty()));
        let cbirc = data
            .renamed
            .iter()
            .find(|e| e.term == "中国银行保险监督管理委员会")
            .unwrap();
        assert_eq!(cbirc.date.year(), 2023);
        assert!(data.is_known_host("hm.baidu.com"));
        assert!(data.is_known_host("s4.cnzz.com"));
        assert!(data.is_known_host("dap.digitalgov.gov"));
        assert!(!data.is_known_host("evil-baidu.com"));
        assert!(!data.is_known_host("cnzz.com.evil.net"));
    }

    #[test]
    fn keywords_match_in_any_case_with_their_category() {
        let data = Data::builtin().unwrap();
        assert_eq!(
            data.keyword_in("澳门葡京 百家乐在线")
                .map(|(_, c)| c.to_owned()),
            Some("gambling".into())
        );
        assert_eq!(
            data.keyword_in("https://www.BOCAI88.com/").map(|(t, _)| t),
            Some("bocai".into())
        );
        assert_eq!(
            data.keyword_in("传奇私服").unwrap().1,
            "private-game-server"
        );
        assert!(data.keyword_in("政务公开").is_none());
    }

    #[test]
    fn the_longest_old_name_wins() {
        let data = Data::builtin().unwrap();
        let found: Vec<_> = data
            .renamed_in("中国银行保险监督管理委员会")
            .map(|(_, e)| e.term.as_str())
            .collect();
        assert_eq!(found, ["中国银行保险监督管理委员会"]);
    }
}
