//! Scoring profiles as data: TOML files, four built in (embedded), a user's own file on top.
//!
//! A profile file has a `[scoring]` table (which is how `--profile FILE` tells it from a
//! disclosure profile) and a list of `[[indicators]]`, each naming a measure of the run. A
//! user's file may instead `extends = "cn-gov"` and only set points under `[points."ID"]`:
//! points the reference does not give are left unset in the built-in profiles, never invented.

use crate::model::{Group, Verification};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The built-in profiles: `(id, TOML)`.
pub const BUILTIN_PROFILES: &[(&str, &str)] = &[
    ("cn-gov", include_str!("../profiles/cn-gov.toml")),
    ("us-federal", include_str!("../profiles/us-federal.toml")),
    (
        "eu-public-sector",
        include_str!("../profiles/eu-public-sector.toml"),
    ),
    ("generic", include_str!("../profiles/generic.toml")),
];

/// Why a profile could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    /// The file is not valid TOML, or does not have the shape of a scoring profile.
    #[error("scoring profile {origin}: {message}")]
    Parse {
        /// The file or built-in name.
        origin: String,
        /// The TOML parser's message, with line and column.
        message: String,
    },
    /// `extends` names no built-in profile.
    #[error(
        "scoring profile {origin}: extends {name:?}, which is not a built-in profile ({known})"
    )]
    UnknownBase {
        origin: String,
        name: String,
        known: String,
    },
    /// `[points."ID"]` names an indicator the profile does not have.
    #[error("scoring profile {origin}: [points.{id:?}] names no indicator of the profile")]
    UnknownIndicator { origin: String, id: String },
    /// Two indicators share an id.
    #[error("scoring profile {origin}: indicator {id:?} is listed twice")]
    DuplicateIndicator { origin: String, id: String },
    /// A number is out of range (negative points, a pass mark above the maximum).
    #[error("scoring profile {origin}: {message}")]
    Invalid { origin: String, message: String },
    /// No built-in profile has this name.
    #[error("no built-in scoring profile {0:?} (cn-gov, us-federal, eu-public-sector, generic)")]
    UnknownBuiltin(String),
}

/// A scoring profile: what to measure and how it counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoringProfile {
    /// Identity, totals and the rules applied.
    pub scoring: ScoringHeader,
    /// The indicators, in the order they are reported.
    #[serde(default)]
    pub indicators: Vec<Indicator>,
}

/// The `[scoring]` table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoringHeader {
    /// The profile id.
    pub id: String,
    /// A display name.
    pub name: String,
    /// The disclosure profile the run needs (a built-in name or a file); none for `generic`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disclosure: Option<String>,
    /// The report language this profile defaults to (`zh-CN` for cn-gov).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// The most the total can be; no total when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// A total below it fails.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pass_mark: Option<f64>,
    /// The 指标说明 rules applied, as message-catalog ids (shown in the scorecard).
    #[serde(default)]
    pub rules_applied: Vec<String>,
}

/// One indicator of a profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// The id (names and rule texts are catalog data keyed by it).
    pub id: String,
    /// How it counts.
    pub group: Group,
    /// The reference's verification status, when the profile carries one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verification: Option<Verification>,
    /// What it is measured from.
    pub measure: Measure,
    /// The threshold, as the reference gives it (shown, not interpreted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<toml::Value>,
    /// Its points, when set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<PointsSpec>,
    /// What the measure cannot tell, added to the formula.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Points of an indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PointsSpec {
    /// The indicator's points: the most deducted for it.
    pub value: f64,
    /// Deducted per counted instance (capped at `value`); without it, a fail deducts `value`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_instance: Option<f64>,
    /// True when the value is an estimate (a secondary source).
    #[serde(default)]
    pub estimate: bool,
    /// Where the value comes from.
    #[serde(default)]
    pub source: String,
}

/// Which pages a findings measure counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PageScope {
    /// Every page.
    #[default]
    Any,
    /// The homepage only.
    Homepage,
    /// Every page but the homepage.
    Other,
}

/// The state of a findings measure when it counts fewer than `fail_at` fails and no reviews.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Otherwise {
    /// Nothing found means met.
    #[default]
    Pass,
    /// Nothing found proves nothing (e.g. 严重问题): a person decides.
    NeedsPerson,
}

/// What an indicator is measured from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Measure {
    /// Findings of the run: rules by id, or by prefix when the pattern ends in `/` or `*`.
    Findings {
        rules: Vec<String>,
        /// The area that must have run for the count to mean anything (`a11y`, `links`, ...).
        area: String,
        #[serde(default)]
        page: PageScope,
        /// Only findings whose evidence has these values (e.g. `kind = "policy"`).
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        evidence: BTreeMap<String, String>,
        /// Fails at this many failing findings (default 1).
        #[serde(default = "one")]
        fail_at: usize,
        #[serde(default)]
        otherwise: Otherwise,
    },
    /// Disclosure items (the `items` section): any absent fails, any unsure needs a person.
    Items { items: Vec<String> },
    /// The site's availability over a monitoring window (the monitor's verdict), or a live
    /// run's start URL.
    Availability {
        /// The failure ratio at or above which the indicator fails.
        fail_ratio: f64,
    },
    /// The host of the site URL ends with this suffix.
    Domain { suffix: String },
    /// An area's score: 100 − the mean weighted failures per page (critical 10, high 5,
    /// medium 2, low 1), floored at 0.
    AreaScore { area: String },
    /// The Mozilla Observatory score of the start URL's headers (the `observatory` section),
    /// capped at 100; the area score of `headers` findings when there is none.
    Observatory,
    /// A person must decide: no machine measure exists.
    Person,
    /// Not measurable in one run (a monitor or a network probe would be needed).
    NotMeasured,
}

fn one() -> usize {
    1
}

/// A user's file that builds on a built-in profile.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Overlay {
    extends: String,
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    pass_mark: Option<f64>,
    #[serde(default)]
    points: BTreeMap<String, PointsSpec>,
}

impl ScoringProfile {
    /// A built-in profile by id.
    pub fn builtin(id: &str) -> Result<Self, ProfileError> {
        let (_, text) = BUILTIN_PROFILES
            .iter()
            .find(|(name, _)| *name == id)
            .ok_or_else(|| ProfileError::UnknownBuiltin(id.to_owned()))?;
        Self::from_toml(text, id)
    }

    /// Whether `text` is a scoring profile (has `[scoring]` or `extends`) rather than a
    /// disclosure profile; `false` for text that is not TOML.
    pub fn looks_like_scoring(text: &str) -> bool {
        text.parse::<toml::Table>()
            .map(|t| t.contains_key("scoring") || t.contains_key("extends"))
            .unwrap_or(false)
    }

    /// Parses a profile file: a full profile, or an `extends` overlay that sets points.
    /// `origin` names the file in errors.
    pub fn from_toml(text: &str, origin: &str) -> Result<Self, ProfileError> {
        let parse_error = |e: toml::de::Error| ProfileError::Parse {
            origin: origin.to_owned(),
            message: e.to_string().trim_end().to_owned(),
        };
        let table: toml::Table = text.parse().map_err(parse_error)?;
        let profile = if table.contains_key("extends") {
            let overlay: Overlay = toml::from_str(text).map_err(parse_error)?;
            let mut base =
                Self::builtin(&overlay.extends).map_err(|_| ProfileError::UnknownBase {
                    origin: origin.to_owned(),
                    name: overlay.extends.clone(),
                    known: builtin_names(),
                })?;
            if let Some(id) = overlay.id {
                base.scoring.id = id;
            }
            if let Some(name) = overlay.name {
                base.scoring.name = name;
            }
            if overlay.pass_mark.is_some() {
                base.scoring.pass_mark = overlay.pass_mark;
            }
            for (id, points) in overlay.points {
                let indicator =
                    base.indicators
                        .iter_mut()
                        .find(|i| i.id == id)
                        .ok_or_else(|| ProfileError::UnknownIndicator {
                            origin: origin.to_owned(),
                            id: id.clone(),
                        })?;
                indicator.points = Some(points);
            }
            base
        } else {
            toml::from_str::<Self>(text).map_err(parse_error)?
        };
        profile.validate(origin)?;
        Ok(profile)
    }

    fn validate(&self, origin: &str) -> Result<(), ProfileError> {
        let invalid = |message: String| ProfileError::Invalid {
            origin: origin.to_owned(),
            message,
        };
        let mut seen = std::collections::BTreeSet::new();
        for indicator in &self.indicators {
            if !seen.insert(indicator.id.as_str()) {
                return Err(ProfileError::DuplicateIndicator {
                    origin: origin.to_owned(),
                    id: indicator.id.clone(),
                });
            }
            if let Some(points) = &indicator.points {
                let per = points.per_instance.unwrap_or(0.0);
                if !(points.value.is_finite()
                    && points.value >= 0.0
                    && per.is_finite()
                    && per >= 0.0)
                {
                    return Err(invalid(format!(
                        "indicator {:?}: points must be finite and not negative",
                        indicator.id
                    )));
                }
            }
        }
        if let Some(max) = self.scoring.max
            && !(max.is_finite() && max > 0.0)
        {
            return Err(invalid(format!("max = {max}: must be a positive number")));
        }
        if let (Some(max), Some(mark)) = (self.scoring.max, self.scoring.pass_mark)
            && !(mark.is_finite() && (0.0..=max).contains(&mark))
        {
            return Err(invalid(format!(
                "pass_mark = {mark}: must lie in 0..={max}"
            )));
        }
        Ok(())
    }

    /// The profile as TOML (what `govaudit profile show --format toml` prints).
    pub fn to_toml(&self) -> String {
        toml::to_string(self).unwrap_or_default()
    }
}

fn builtin_names() -> String {
    BUILTIN_PROFILES
        .iter()
        .map(|(id, _)| *id)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The message-catalog id of an indicator's name: `indicator-` + the id with `.` and `_` as `-`.
pub fn name_id(indicator_id: &str) -> String {
    format!("indicator-{}", indicator_id.replace(['.', '_'], "-"))
}
