//! Horizontal bar charts as inline SVG: a label, a bar of one or more coloured segments, and the
//! total. Small enough to own; no script, no external resources, prints as vectors.

use maud::{Markup, html};

/// One bar: its label and its segments (colour class, value), drawn left to right.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Bar {
    pub label: String,
    pub segments: Vec<(&'static str, usize)>,
}

impl Bar {
    fn total(&self) -> usize {
        self.segments.iter().map(|(_, value)| value).sum()
    }
}

/// Geometry of the chart, in SVG user units. The SVG scales to the width of its box; at about
/// 440 pixels (a third of a desktop report, a whole phone screen) 12-unit text reads as 12px.
const WIDTH: f64 = 440.0;
const ROW: f64 = 24.0;
const BAR: f64 = 16.0;
const LABEL_WIDTH: f64 = 190.0;
const VALUE_WIDTH: f64 = 40.0;

/// Width of a label in SVG units at 12px: CJK characters count double.
fn label_units(label: &str) -> f64 {
    label
        .chars()
        .map(|c| if c.len_utf8() >= 3 { 12.0 } else { 6.6 })
        .sum()
}

/// The segments of `bar` as (class, x, width), starting at `x`, and where the bar ends. A
/// segment too small to see is drawn 1.5 units wide so a count of one still shows.
fn layout(bar: &Bar, mut x: f64, scale: f64) -> (Vec<(&'static str, f64, f64)>, f64) {
    let mut rects = Vec::with_capacity(bar.segments.len());
    for &(class, value) in &bar.segments {
        if value > 0 {
            let width = (value as f64 * scale).max(1.5);
            rects.push((class, round(x), round(width)));
            x += width;
        }
    }
    (rects, round(x))
}

/// One decimal place is plenty for a bar and keeps the file small.
fn round(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// The chart, titled `title` (for assistive technology and the caption) with a legend of
/// `legend` entries (colour class, text) when given.
pub(crate) fn bar_chart(title: &str, bars: &[Bar], legend: &[(&'static str, String)]) -> Markup {
    let max = bars.iter().map(Bar::total).max().unwrap_or(0).max(1) as f64;
    let longest = bars
        .iter()
        .map(|bar| label_units(&bar.label))
        .fold(0.0, f64::max);
    let label_width = longest.clamp(40.0, LABEL_WIDTH) + 8.0;
    let scale = (WIDTH - label_width - VALUE_WIDTH) / max;
    let height = ROW * bars.len().max(1) as f64 + 4.0;
    html! {
        figure.chart {
            figcaption { (title) }
            @if !legend.is_empty() {
                ul.legend {
                    @for (class, text) in legend {
                        li { span class={ "swatch " (class) } {} (text) }
                    }
                }
            }
            svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label=(title)
                viewBox={ "0 0 " (WIDTH) " " (height) } preserveAspectRatio="xMinYMin meet" {
                @for (row, bar) in bars.iter().enumerate() {
                    @let y = ROW * row as f64 + 2.0;
                    g {
                        title { (bar.label) ": " (bar.total()) }
                        text.label x=(label_width - 6.0) y=(y + BAR - 3.0) text-anchor="end" { (bar.label) }
                        @let (rects, end) = layout(bar, label_width, scale);
                        @for (class, x, width) in rects {
                            rect class=(class) x=(x) y=(y) width=(width) height=(BAR) {}
                        }
                        text.value x=(end + 4.0) y=(y + BAR - 3.0) { (bar.total()) }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_scaled_to_the_longest() {
        let bars = [
            Bar {
                label: "a".into(),
                segments: vec![("s-high", 10), ("s-low", 10)],
            },
            Bar {
                label: "b".into(),
                segments: vec![("s-high", 5)],
            },
        ];
        let svg = bar_chart("t", &bars, &[]).into_string();
        assert_eq!(svg.matches("<rect").count(), 3);
        assert!(
            svg.contains(">20</text>") && svg.contains(">5</text>"),
            "{svg}"
        );
    }

    #[test]
    fn labels_are_escaped() {
        let bars = [Bar {
            label: "<script>alert(1)</script>".into(),
            segments: vec![("s-high", 1)],
        }];
        let svg = bar_chart("<t>", &bars, &[]).into_string();
        assert!(!svg.contains("<script"), "{svg}");
        assert!(svg.contains("&lt;script&gt;"));
    }

    #[test]
    fn an_empty_chart_renders() {
        let svg = bar_chart("empty", &[], &[]).into_string();
        assert!(svg.contains("<svg"));
    }
}
