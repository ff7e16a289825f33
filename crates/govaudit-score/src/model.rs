//! The scoring result: what an assessor hands over (a verdict, a score per indicator with the
//! evidence behind it), serialisable as the `scores` section of a report.
//!
//! Names and rule texts are not stored here: each indicator carries its message-catalog id
//! (`name_id`; the rule text is that message's `.rule` attribute), so the same scorecard renders
//! in any language of `govaudit-i18n`.

use govaudit_core::Phrase;
use serde::{Deserialize, Serialize};

/// The result of scoring one run against one profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scorecard {
    /// The profile's id (`cn-gov`, `us-federal`, `eu-public-sector`, `generic`, or a user's own).
    pub profile: String,
    /// The profile's display name, as its file gives it.
    pub profile_name: String,
    /// The overall verdict: 合格 (`pass`), 不合格 (`fail`), or `needs-person` when a veto or
    /// a required element cannot be decided by a machine and nothing else fails.
    pub verdict: Verdict,
    /// The total score (`max` − set deductions, floored at 0); `None` for profiles without a
    /// total (e.g. required-element profiles).
    pub total: Option<f64>,
    /// The most the total can be (100 for `cn-gov`).
    pub max: f64,
    /// The pass mark: a total below it is a `fail` (60 for `cn-gov`).
    pub pass_mark: Option<f64>,
    /// True when some deductions have no points set, so the real total may be lower.
    pub total_is_upper_bound: bool,
    /// How the total and the verdict were computed, in words with the numbers (English; the
    /// rendering of `explanation`).
    pub formula: String,
    /// The same as sentences of the message catalogs, for other languages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub explanation: Vec<Phrase>,
    /// The rules of the profile's 指标说明 that were applied, as message-catalog ids.
    pub rules_applied: Vec<String>,
    /// The site the scorecard is about, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site_url: Option<String>,
    /// The date the freshness rules were measured against (`YYYY-MM-DD`), when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// One entry per indicator of the profile, in profile order.
    pub indicators: Vec<IndicatorScore>,
}

/// The overall verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// 合格: no veto, required elements present, total at or above the pass mark.
    Pass,
    /// 不合格: a veto or a required element failed, or the total is below the pass mark.
    Fail,
    /// Nothing failed, but at least one veto or required element needs a person to decide.
    NeedsPerson,
}

/// The kind of indicator, which decides how it counts towards the verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Group {
    /// 单项否决: a fail makes the whole site `fail`, whatever the points.
    Veto,
    /// 扣分指标: points deducted from the total, never more than the indicator's points.
    Deduction,
    /// 加分指标: points added (never measured by a machine here; reported only).
    Bonus,
    /// A score per area (the `generic` profile).
    Area,
    /// A required element (M-23-22, the EU statement): a fail makes the verdict `fail`.
    RequiredElement,
    /// A recorded field (GSA Site Scanning): reported, not scored.
    Field,
}

/// What the run showed for one indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum IndicatorState {
    /// Measured and met.
    Pass,
    /// Measured and not met.
    Fail,
    /// A machine cannot decide it from this run; a person must.
    NeedsPerson,
    /// Not measured in this run (e.g. the area was not run, or an offline run).
    NotMeasured,
}

/// The points an indicator is worth.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Points {
    /// Points are set (by the profile or the user's own profile file).
    Set {
        /// The indicator's points (the most that can be deducted for it).
        value: f64,
        /// True when the value is an estimate from a secondary source, not the official table.
        estimate: bool,
        /// Where the value comes from.
        source: String,
    },
    /// No points are set: the indicator is reported as counts with evidence, and the user sets
    /// its points in their own profile file.
    NotSet,
}

/// How sure the reference is of an indicator's wording and thresholds (cn-indicators.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verification {
    /// Verified against a primary or an official copy.
    V,
    /// Reported by a secondary source only.
    R,
}

/// The score of one indicator, with how it was computed and the evidence behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorScore {
    /// The indicator id (`cn19.web.veto.site_unreachable`, `us.m2322.contact`, `area.a11y`).
    pub id: String,
    /// Its kind.
    pub group: Group,
    /// The message-catalog id of its name (`indicator-cn19-web-veto-site-unreachable`); the
    /// rule text (评分细则) is that message's `rule` attribute.
    pub name_id: String,
    /// The reference's verification status of the wording and thresholds, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verification: Option<Verification>,
    /// What the run showed.
    pub state: IndicatorState,
    /// What was measured (a count, a ratio, a date, a header value), when something was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measured: Option<serde_json::Value>,
    /// The threshold it was compared with, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<serde_json::Value>,
    /// The points it is worth.
    pub points: Points,
    /// The points deducted (deductions with points set only), at most `points.value`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deducted: Option<f64>,
    /// The score of an area (the `generic` profile), 0–100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// How many findings (or instances) counted towards it.
    pub count: usize,
    /// How the state and the points were computed, in words with the numbers (English; the
    /// rendering of `explanation`).
    pub formula: String,
    /// The same as sentences of the message catalogs, for other languages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub explanation: Vec<Phrase>,
    /// The evidence: the first findings that counted (at most [`EVIDENCE_CAP`]).
    pub evidence: Vec<EvidenceRef>,
    /// How many pieces of evidence there were in all (`evidence` may hold fewer).
    pub evidence_total: usize,
}

/// The most pieces of evidence kept per indicator (and per rule while tallying).
pub const EVIDENCE_CAP: usize = 20;

/// One piece of evidence: where a finding was, and what it said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceRef {
    /// The page or resource.
    pub url: String,
    /// The source line, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// A CSS selector of the element, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selector: Option<String>,
    /// The rule id of the finding (`disclosure/stale-column`).
    pub rule: String,
    /// The finding's message.
    pub message: String,
}

/// The result of an availability monitor over its window (the `site_unreachable` veto needs a
/// week of probes, which one audit run cannot make).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AvailabilityVerdict {
    /// Days the probes cover.
    pub window_days: u32,
    /// Probes made.
    pub probes: u32,
    /// Probes that failed (no page within the timeout).
    pub failed: u32,
}

impl IndicatorScore {
    /// Adds a sentence to how the score was computed.
    pub(crate) fn say(&mut self, phrase: Phrase) {
        self.explanation.push(phrase);
    }

    /// How the score was computed, in `lang`.
    pub fn explain(&self, lang: govaudit_i18n::Lang) -> String {
        explain_or(&self.explanation, &self.formula, lang)
    }
}

impl Scorecard {
    /// How the total and the verdict were computed, in `lang`.
    pub fn explain(&self, lang: govaudit_i18n::Lang) -> String {
        explain_or(&self.explanation, &self.formula, lang)
    }
}

/// The phrases in `lang`, or the English formula of a scorecard written without them.
fn explain_or(phrases: &[Phrase], formula: &str, lang: govaudit_i18n::Lang) -> String {
    if phrases.is_empty() {
        formula.to_owned()
    } else {
        govaudit_i18n::Catalog::get(lang).paragraph(phrases)
    }
}
