//! Profiles: which items a site must offer, as data (`profiles/*.toml`), validated at load.

use crate::normalize::normalize;
use govaudit_core::Severity;
use regex::Regex;
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};

/// The built-in profiles: `(id, TOML text)`.
pub static BUILTIN_PROFILES: &[(&str, &str)] = &[
    ("cn-gov", include_str!("../profiles/cn-gov.toml")),
    ("us-federal", include_str!("../profiles/us-federal.toml")),
    (
        "eu-public-sector",
        include_str!("../profiles/eu-public-sector.toml"),
    ),
];

/// What went wrong loading a profile; `origin` is the built-in name or the file path.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error("unknown built-in profile {0:?}: expected cn-gov, us-federal or eu-public-sector")]
    UnknownBuiltin(String),
    #[error("{origin}: not a valid profile: {message}")]
    Toml { origin: String, message: String },
    #[error("{origin}: item id {id:?} appears more than once")]
    DuplicateId { origin: String, id: String },
    #[error("{origin}: item {id:?}: {what}")]
    InvalidItem {
        origin: String,
        id: String,
        what: String,
    },
    #[error("{origin}: item {id:?}: bad regular expression {pattern:?}: {source}")]
    BadRegex {
        origin: String,
        id: String,
        pattern: String,
        #[source]
        source: Box<regex::Error>,
    },
    #[error("{origin}: {what}")]
    Invalid { origin: String, what: String },
}

/// What kind of thing an item is, which decides how it is found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemKind {
    /// A link or button whose accessible name says what it leads to (政府信息公开指南, FOIA).
    Entrance,
    /// A mark recognised by its format (ICP备 number, 网站标识码, the conac widget, a banner text).
    IdentityMark,
}

/// Where on the page an item is expected. A match elsewhere still counts, with less confidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Placement {
    Nav,
    Footer,
    Any,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProfile {
    profile: RawHeader,
    #[serde(default)]
    freshness: Option<RawFreshness>,
    items: Vec<RawItem>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHeader {
    id: String,
    name: String,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    disclosure_entrance: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFreshness {
    #[serde(default)]
    homepage_max_age_days: Option<i64>,
    #[serde(default)]
    homepage_severity: Option<String>,
    #[serde(default)]
    homepage_legal_basis: Vec<String>,
    #[serde(default)]
    columns: Vec<RawColumn>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawColumn {
    kind: String,
    names: Vec<String>,
    max_age_days: i64,
    #[serde(default)]
    severity: Option<String>,
    #[serde(default)]
    legal_basis: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    id: String,
    description: String,
    kind: ItemKind,
    #[serde(default = "any_placement")]
    placement: Placement,
    #[serde(default)]
    severity: Option<String>,
    legal_basis: Vec<String>,
    #[serde(default)]
    synonyms: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    url_hints: Vec<String>,
    #[serde(default)]
    href_patterns: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    format: Option<RawFormat>,
}

fn any_placement() -> Placement {
    Placement::Any
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFormat {
    #[serde(default)]
    text: Vec<String>,
    #[serde(default)]
    resources: Vec<String>,
    #[serde(default)]
    label: Option<String>,
    #[serde(default)]
    meta: Vec<String>,
    #[serde(default)]
    meta_value: Option<String>,
}

/// A required-content profile, validated, with synonyms normalised and patterns compiled.
#[derive(Debug, Clone)]
pub struct Profile {
    pub id: String,
    pub name: String,
    pub language: Option<String>,
    /// The item whose entrance the site audit follows to depth 2 (`cn.xxgk_column`).
    pub disclosure_entrance: Option<String>,
    pub freshness: Freshness,
    pub items: Vec<Item>,
}

/// Freshness thresholds of a profile.
#[derive(Debug, Clone, Default)]
pub struct Freshness {
    /// The homepage's newest dated item must be at most this old.
    pub homepage_max_age_days: Option<i64>,
    pub homepage_severity: Option<Severity>,
    pub homepage_legal_basis: Vec<String>,
    pub columns: Vec<ColumnClass>,
}

/// A class of columns (news, notices, policy documents) recognised by words in its name.
#[derive(Debug, Clone)]
pub struct ColumnClass {
    pub kind: String,
    /// Normalised words; a column whose normalised name contains one belongs to the class.
    pub names: Vec<String>,
    pub max_age_days: i64,
    pub severity: Option<Severity>,
    pub legal_basis: Vec<String>,
}

/// One required item.
#[derive(Debug, Clone)]
pub struct Item {
    pub id: String,
    pub description: String,
    pub kind: ItemKind,
    pub placement: Placement,
    /// Severity of a missing-item finding (default high).
    pub severity: Severity,
    /// `SCHEME:clause` references, copied into findings' `standards`.
    pub legal_basis: Vec<String>,
    /// Synonyms per language as written in the profile.
    pub synonyms: BTreeMap<String, Vec<String>>,
    /// Every synonym normalised, longest first.
    pub(crate) names: Vec<String>,
    /// Path segments (file stem or directory, lower case) that suggest the item.
    pub url_hints: Vec<String>,
    pub(crate) href_patterns: Vec<Regex>,
    /// Normalised words that disqualify a name for this item.
    pub(crate) exclude: Vec<String>,
    pub(crate) text_patterns: Vec<Regex>,
    pub(crate) resource_patterns: Vec<Regex>,
    pub(crate) label: Option<Regex>,
    pub(crate) meta: Vec<String>,
    pub(crate) meta_value: Option<Regex>,
}

impl Profile {
    /// One of [`BUILTIN_PROFILES`] by id.
    pub fn builtin(id: &str) -> Result<Profile, ProfileError> {
        let (name, text) = BUILTIN_PROFILES
            .iter()
            .find(|(name, _)| *name == id)
            .ok_or_else(|| ProfileError::UnknownBuiltin(id.to_owned()))?;
        Profile::from_toml(text, name)
    }

    /// Parses and validates a profile; `origin` names it in errors (a path or a built-in id).
    pub fn from_toml(text: &str, origin: &str) -> Result<Profile, ProfileError> {
        let raw: RawProfile = toml::from_str(text).map_err(|e| ProfileError::Toml {
            origin: origin.to_owned(),
            message: e.to_string().trim().replace('\n', " "),
        })?;
        build(raw, origin)
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|item| item.id == id)
    }

    /// The index in `items` of the disclosure entrance (validated at load, so present when set).
    pub(crate) fn entrance_index(&self) -> Option<usize> {
        let id = self.disclosure_entrance.as_ref()?;
        self.items.iter().position(|item| &item.id == id)
    }
}

fn build(raw: RawProfile, origin: &str) -> Result<Profile, ProfileError> {
    let invalid = |what: String| ProfileError::Invalid {
        origin: origin.to_owned(),
        what,
    };
    if raw.profile.id.trim().is_empty() {
        return Err(invalid("profile.id is empty".into()));
    }
    if raw.items.is_empty() {
        return Err(invalid("the profile has no items".into()));
    }
    let severity = |text: Option<String>, id: &str| -> Result<Option<Severity>, ProfileError> {
        text.map(|s| {
            s.parse::<Severity>()
                .map_err(|e| ProfileError::InvalidItem {
                    origin: origin.to_owned(),
                    id: id.to_owned(),
                    what: e.to_string(),
                })
        })
        .transpose()
    };
    let mut seen = HashSet::new();
    let mut items = Vec::with_capacity(raw.items.len());
    for item in raw.items {
        if !seen.insert(item.id.clone()) {
            return Err(ProfileError::DuplicateId {
                origin: origin.to_owned(),
                id: item.id,
            });
        }
        let sev = severity(item.severity.clone(), &item.id)?.unwrap_or(Severity::High);
        items.push(build_item(item, sev, origin)?);
    }
    let freshness = match raw.freshness {
        None => Freshness::default(),
        Some(f) => {
            let homepage_severity = severity(f.homepage_severity, "freshness")?;
            let mut columns = Vec::new();
            for column in f.columns {
                if column.max_age_days <= 0 {
                    return Err(invalid(format!(
                        "freshness column {:?}: max_age_days must be positive",
                        column.kind
                    )));
                }
                let names: Vec<String> = column.names.iter().map(|n| normalize(n)).collect();
                if names.is_empty() || names.iter().any(String::is_empty) {
                    return Err(invalid(format!(
                        "freshness column {:?}: names must be non-empty",
                        column.kind
                    )));
                }
                columns.push(ColumnClass {
                    severity: severity(column.severity, &column.kind)?,
                    kind: column.kind,
                    names,
                    max_age_days: column.max_age_days,
                    legal_basis: column.legal_basis,
                });
            }
            if f.homepage_max_age_days.is_some_and(|d| d <= 0) {
                return Err(invalid("homepage_max_age_days must be positive".into()));
            }
            Freshness {
                homepage_max_age_days: f.homepage_max_age_days,
                homepage_severity,
                homepage_legal_basis: f.homepage_legal_basis,
                columns,
            }
        }
    };
    if let Some(entrance) = &raw.profile.disclosure_entrance
        && !items.iter().any(|i: &Item| &i.id == entrance)
    {
        return Err(invalid(format!(
            "disclosure_entrance {entrance:?} is not an item of the profile"
        )));
    }
    Ok(Profile {
        id: raw.profile.id,
        name: raw.profile.name,
        language: raw.profile.language,
        disclosure_entrance: raw.profile.disclosure_entrance,
        freshness,
        items,
    })
}

fn build_item(raw: RawItem, severity: Severity, origin: &str) -> Result<Item, ProfileError> {
    let id = raw.id.clone();
    let invalid = |what: &str| ProfileError::InvalidItem {
        origin: origin.to_owned(),
        id: id.clone(),
        what: what.to_owned(),
    };
    if id.trim().is_empty() || id.chars().any(char::is_whitespace) {
        return Err(invalid("the id must be non-empty and without spaces"));
    }
    if raw.description.trim().is_empty() {
        return Err(invalid("description is empty"));
    }
    if raw.legal_basis.is_empty() {
        return Err(invalid("legal_basis lists no reference"));
    }
    let mut names = Vec::new();
    for (language, list) in &raw.synonyms {
        if list.is_empty() {
            return Err(invalid(&format!("synonyms.{language} is empty")));
        }
        for synonym in list {
            let name = normalize(synonym);
            if name.is_empty() {
                return Err(invalid(&format!(
                    "synonyms.{language} has an empty synonym"
                )));
            }
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    // Longest first, so the most specific synonym is the one reported.
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    // URLs keep their case, so URL patterns ignore it; text patterns run on normalised (lower
    // case) text and are compiled as written, which keeps Unicode classes like \p{Han} cheap.
    let compile_with = |pattern: &String, ignore_case: bool| {
        let source = if ignore_case {
            format!("(?i){pattern}")
        } else {
            pattern.clone()
        };
        Regex::new(&source).map_err(|e| ProfileError::BadRegex {
            origin: origin.to_owned(),
            id: id.clone(),
            pattern: pattern.clone(),
            source: Box::new(e),
        })
    };
    let compile = |pattern: &String| compile_with(pattern, true);
    let compile_text = |pattern: &String| compile_with(pattern, false);
    let format = raw.format.unwrap_or_default();
    let text_patterns = format
        .text
        .iter()
        .map(compile_text)
        .collect::<Result<Vec<_>, _>>()?;
    let resource_patterns = format
        .resources
        .iter()
        .map(compile)
        .collect::<Result<Vec<_>, _>>()?;
    let href_patterns = raw
        .href_patterns
        .iter()
        .map(compile)
        .collect::<Result<Vec<_>, _>>()?;
    let label = format.label.as_ref().map(compile_text).transpose()?;
    let meta_value = format.meta_value.as_ref().map(compile).transpose()?;
    let url_hints: Vec<String> = raw.url_hints.iter().map(|h| h.to_lowercase()).collect();
    if url_hints.iter().any(|h| h.is_empty() || h.contains('/')) {
        return Err(invalid("url_hints must be single path segments"));
    }
    let exclude: Vec<String> = raw.exclude.iter().map(|e| normalize(e)).collect();
    if exclude.iter().any(String::is_empty) {
        return Err(invalid("exclude has an empty entry"));
    }
    let has_signal = !names.is_empty()
        || !href_patterns.is_empty()
        || !text_patterns.is_empty()
        || !resource_patterns.is_empty()
        || !format.meta.is_empty();
    if !has_signal {
        return Err(invalid(
            "no way to find it: give synonyms, href_patterns or a format",
        ));
    }
    if raw.kind == ItemKind::Entrance && names.is_empty() && href_patterns.is_empty() {
        return Err(invalid("an entrance needs synonyms or href_patterns"));
    }
    Ok(Item {
        id: raw.id,
        description: raw.description,
        kind: raw.kind,
        placement: raw.placement,
        severity,
        legal_basis: raw.legal_basis,
        synonyms: raw.synonyms,
        names,
        url_hints,
        href_patterns,
        exclude,
        text_patterns,
        resource_patterns,
        label,
        meta: format.meta,
        meta_value,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
[profile]
id = "x"
name = "X"
[[items]]
id = "x.a"
description = "A"
kind = "entrance"
legal_basis = ["X:1"]
[items.synonyms]
en = ["Alpha"]
"#;

    #[test]
    fn builtin_profiles_load_with_the_reference_item_ids() {
        let expected: &[(&str, usize)] =
            &[("cn-gov", 19), ("us-federal", 11), ("eu-public-sector", 5)];
        for (id, count) in expected {
            let profile = Profile::builtin(id).unwrap();
            assert_eq!(profile.items.len(), *count, "{id}");
        }
        assert!(matches!(
            Profile::builtin("nope"),
            Err(ProfileError::UnknownBuiltin(_))
        ));
    }

    #[test]
    fn a_user_profile_loads() {
        let p = Profile::from_toml(MINIMAL, "mine.toml").unwrap();
        assert_eq!(p.items[0].names, ["alpha"]);
        assert_eq!(p.items[0].severity, Severity::High);
    }

    fn error(text: &str) -> String {
        Profile::from_toml(text, "mine.toml")
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn bad_profiles_are_rejected_with_clear_errors() {
        let dup = format!(
            "{MINIMAL}{}",
            &MINIMAL[MINIMAL.find("[[items]]").unwrap()..]
        );
        assert_eq!(
            error(&dup),
            "mine.toml: item id \"x.a\" appears more than once"
        );
        let empty = MINIMAL.replace("[\"Alpha\"]", "[]");
        assert_eq!(
            error(&empty),
            "mine.toml: item \"x.a\": synonyms.en is empty"
        );
        let blank = MINIMAL.replace("[\"Alpha\"]", "[\" \"]");
        assert!(error(&blank).contains("empty synonym"));
        let regex = MINIMAL.replace(
            "[items.synonyms]",
            "href_patterns = [\"(\"]\n[items.synonyms]",
        );
        assert!(error(&regex).starts_with("mine.toml: item \"x.a\": bad regular expression \"(\""));
        let unknown = MINIMAL.replace("kind = ", "colour = \"red\"\nkind = ");
        let message = error(&unknown);
        assert!(message.contains("unknown field `colour`"), "{message}");
        let kind = MINIMAL.replace("\"entrance\"", "\"banner\"");
        assert!(error(&kind).contains("unknown variant `banner`"));
        let sev = MINIMAL.replace("kind = ", "severity = \"huge\"\nkind = ");
        assert!(error(&sev).contains("unknown severity"));
    }
}
