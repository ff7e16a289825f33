//! How report.html shows a [`Scorecard`]: numbers, measured values and points as text.

use govaudit_score::{Group, IndicatorScore, Points};
use serde_json::Value;

/// The order of the indicator tables, and each table's heading id.
pub(crate) const GROUPS: [(Group, &str); 6] = [
    (Group::Veto, "html-group-veto"),
    (Group::RequiredElement, "html-group-required"),
    (Group::Deduction, "html-group-deduction"),
    (Group::Bonus, "html-group-bonus"),
    (Group::Area, "html-group-area"),
    (Group::Field, "html-group-field"),
];

/// A number as the report shows it: no trailing `.0`, at most two decimals.
pub(crate) fn number(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let text = format!("{rounded:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// A measured value or threshold (any JSON) as short text: strings as they are, numbers as
/// [`number`], lists joined by commas, and tables as `key: value` pairs, so a cell wraps
/// between them instead of holding one long line of JSON.
pub(crate) fn value_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Number(n) => n.as_f64().map_or_else(|| n.to_string(), number),
        Value::Bool(b) => b.to_string(),
        Value::Null => "—".to_owned(),
        Value::Array(items) => items.iter().map(value_text).collect::<Vec<_>>().join(", "),
        Value::Object(fields) => fields
            .iter()
            .map(|(key, field)| format!("{key}: {}", value_text(field)))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

#[cfg(test)]
mod value_text_tests {
    use super::value_text;
    use serde_json::json;

    #[test]
    fn tables_and_lists_read_as_text_not_json() {
        assert_eq!(
            value_text(&json!({"window_days": 7, "fail_ratio_gte": 0.05})),
            "window_days: 7; fail_ratio_gte: 0.05"
        );
        assert_eq!(value_text(&json!(["a", 2, null])), "a, 2, —");
        assert_eq!(
            value_text(&json!({"limits": {"days": 14}})),
            "limits: days: 14"
        );
        assert_eq!(value_text(&json!("5 columns")), "5 columns");
    }
}

/// The points cell: `−2 / 5` (deducted of the indicator's points), `87 / 100` (an area's
/// score), `5` (points of an indicator not scored here), `—` (no points set). `estimate` is
/// whether the points are an estimate from a secondary source.
pub(crate) fn points_text(indicator: &IndicatorScore) -> (String, bool) {
    if let Some(score) = indicator.score {
        return (format!("{} / 100", number(score)), false);
    }
    match &indicator.points {
        Points::Set {
            value, estimate, ..
        } => {
            let text = match (indicator.group, indicator.deducted) {
                (Group::Deduction, deducted) => {
                    let deducted = deducted.unwrap_or(0.0);
                    if deducted > 0.0 {
                        format!("−{} / {}", number(deducted), number(*value))
                    } else {
                        format!("0 / {}", number(*value))
                    }
                }
                _ => number(*value),
            };
            (text, *estimate)
        }
        Points::NotSet => ("—".to_owned(), false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_drop_needless_decimals() {
        assert_eq!(number(100.0), "100");
        assert_eq!(number(92.5), "92.5");
        assert_eq!(number(1.0 / 3.0), "0.33");
        assert_eq!(number(-2.0), "-2");
        assert_eq!(number(-0.001), "0");
    }

    #[test]
    fn values_read_as_text() {
        assert_eq!(value_text(&serde_json::json!("2026-11-01")), "2026-11-01");
        assert_eq!(value_text(&serde_json::json!(0.25)), "0.25");
        assert_eq!(value_text(&serde_json::json!(3)), "3");
        assert_eq!(value_text(&serde_json::json!({"a": 1})), "a: 1");
    }
}
