//! What report.html shows of a scorecard: the verdict, the total and one row per indicator.

/// The overall verdict of a scored audit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScoreVerdict {
    /// 合格.
    Pass,
    /// 不合格.
    Fail,
    /// A person must decide items before the verdict is final.
    NeedsPerson,
}

/// Whether an indicator fails the site on its own or takes points off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndicatorKind {
    /// 单项否决: failing it fails the site whatever the total.
    Veto,
    /// 扣分: points off the total.
    Deduction,
}

/// How one indicator came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndicatorState {
    Pass,
    Fail,
    /// A person must decide.
    Review,
    /// Nothing on the site to measure.
    NotApplicable,
}

/// One indicator's row.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorView {
    /// Stable id of the indicator in its profile.
    pub id: String,
    /// Its name as the profile publishes it.
    pub name: String,
    pub kind: IndicatorKind,
    pub state: IndicatorState,
    /// What the indicator requires, in words.
    pub requirement: String,
    /// What was measured (`3 broken links`, `98.2 %`).
    pub measured: Option<String>,
    /// The threshold the measure is held to.
    pub threshold: Option<String>,
    /// Points taken off (deductions) or scored; `None` for veto indicators.
    pub points: Option<f64>,
    /// How the points are computed, for the reader who checks them.
    pub formula: Option<String>,
    /// Rule ids whose findings are the evidence: linked to their groups below.
    pub evidence_rules: Vec<String>,
}

/// A scorecard as report.html shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreView {
    /// The scoring profile's name.
    pub profile: String,
    pub verdict: ScoreVerdict,
    pub total: f64,
    /// The best possible total.
    pub max: f64,
    /// The total needed to pass, when the profile has one.
    pub pass_mark: Option<f64>,
    pub indicators: Vec<IndicatorView>,
}

/// A number as the report shows it: no trailing `.0`, at most two decimals.
pub(crate) fn number(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let text = format!("{rounded:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_drop_needless_decimals() {
        assert_eq!(super::number(100.0), "100");
        assert_eq!(super::number(92.5), "92.5");
        assert_eq!(super::number(1.0 / 3.0), "0.33");
        assert_eq!(super::number(-2.0), "-2");
    }
}
