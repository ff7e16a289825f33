use crate::Page;
use crate::data::Renamed;
use govaudit_core::{Collector, Severity, declare_rule};
use govaudit_html::Element;
use govaudit_html::dates::{self, DateMatch};
use jiff::civil::Date;
use regex::Regex;
use std::cell::OnceCell;
use std::sync::LazyLock;

declare_rule! {
    /// ## What it checks
    /// The page does not call a government body by a name it no longer has
    /// (`data/renamed_bodies.toml`: the bodies renamed or merged by the 2018 and 2023 reforms of
    /// the State Council, such as 国家工商行政管理总局 → 国家市场监督管理总局 or 中国银行保险监督
    /// 管理委员会 → 国家金融监督管理总局, each with the decision and its date).
    ///
    /// History keeps its words, so these are not findings: a page whose visible publication
    /// date (发布时间, 发布日期, `<meta name="PubDate">`, ...) is before the change, or that
    /// shows no publication date and no date at all on or after the change; a list item
    /// or table row dated before it; the name after 原 or 前 ("former"); the name inside 《》
    /// (the title of a document, cited as published) or followed by 令 (a numbered order); a
    /// name ending in 部 followed by 门 (国土资源部门 is "land departments", not the ministry);
    /// terms the site allows (`allowed_terms` under `[content]`).
    ///
    /// ## Why it matters
    /// An outdated name tells readers the page is not maintained and may send them to a body
    /// that no longer exists; wrong official names are expression errors (表述错误), which the
    /// State Council's checks count among the serious problems of a government site.
    ///
    /// ## How to fix
    /// Replace the old name with the current one (write 原… when the text means the body as it
    /// was), or, on an archived page, show its publication date.
    pub OUTDATED_EXPRESSION = {
        id: "content/outdated-expression",
        severity: Severity::Medium,
        standards: ["CN-GOV-2019:cn19.web.veto.serious_incident"],
        sources: [],
    }
}

static PUBLISHED_LABEL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?:发布时间|发布日期|发表时间|发文日期|成文日期|印发日期|发稿时间|时间|日期)\s*[:：]\s*",
    )
    .ok()
});

const DATE_META: &[&str] = &[
    "pubdate",
    "publishdate",
    "firstpublishedtime",
    "article:published_time",
    "dc.date",
    "dc.date.created",
    "dcterms.created",
    "date",
];

/// Applies to the text of the page outside scripts and styles.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let Some(data) = page.data else { return };
    let published: OnceCell<Option<Date>> = OnceCell::new();
    let latest_shown: OnceCell<Option<Date>> = OnceCell::new();
    for element in page.doc.elements() {
        if matches!(
            element.name(),
            "script" | "style" | "noscript" | "template" | "textarea" | "code" | "pre"
        ) || element.is_in_template()
        {
            continue;
        }
        for node in element.raw().children() {
            let Some(text) = node.value().as_text() else {
                continue;
            };
            let text: &str = text;
            for (range, entry) in data.renamed_in(text) {
                if is_historical_wording(text, range.clone(), entry)
                    || page.config.allowed_terms.iter().any(|t| t == &entry.term)
                {
                    continue;
                }
                let page_date = *published.get_or_init(|| publication_date(page));
                let undated_and_older = page_date.is_none()
                    && latest_shown
                        .get_or_init(|| latest_date(page))
                        .is_none_or(|d| d < entry.date);
                if page_date.is_some_and(|d| d < entry.date)
                    || undated_and_older
                    || dated_before(&element, entry.date)
                {
                    continue;
                }
                let f = out.fail(
                    &OUTDATED_EXPRESSION,
                    element.location(),
                    format!(
                        "\"{}\" no longer exists (since {}): write \"{}\".",
                        entry.term, entry.date, entry.replacement
                    ),
                );
                f.evidence("term", &entry.term)
                    .evidence("replacement", &entry.replacement)
                    .evidence("sentence", sentence(text, range))
                    .evidence("changed", entry.date.to_string())
                    .evidence("source", &entry.source);
                if let Some(date) = page_date {
                    f.evidence("published", date.to_string());
                }
            }
        }
    }
}

/// The name cited or qualified as it was: after 原/前 or a word the entry lists, inside 《》,
/// followed by 令, or a name ending in 部 followed by 门.
fn is_historical_wording(text: &str, range: std::ops::Range<usize>, entry: &Renamed) -> bool {
    let before = &text[..range.start];
    let after = &text[range.end..];
    if before.ends_with('原') || before.ends_with('前') {
        return true;
    }
    if entry.not_after.iter().any(|w| before.ends_with(w.as_str())) {
        return true;
    }
    if after.starts_with('令') || (entry.term.ends_with('部') && after.starts_with('门')) {
        return true;
    }
    match (before.rfind('《'), before.rfind('》')) {
        (Some(open), Some(close)) => open > close,
        (Some(_), None) => true,
        _ => false,
    }
}

/// The page's publication date: a date `<meta>`, else the first date after a label such as
/// 发布时间：.
fn publication_date(page: &Page<'_>) -> Option<Date> {
    for meta in page.doc.elements_named("meta") {
        let name = meta
            .attr("name")
            .or_else(|| meta.attr("property"))
            .map(str::to_ascii_lowercase);
        if name.is_some_and(|n| DATE_META.contains(&n.as_str()))
            && let Some(date) = meta.attr("content").and_then(first_full_date)
        {
            return Some(date);
        }
    }
    let label = PUBLISHED_LABEL.as_ref()?;
    let body = page.doc.elements_named("body").next()?;
    let text = body.normalized_text();
    label.find_iter(&text).find_map(|m| {
        let rest = &text[m.end()..];
        let window: String = rest.chars().take(24).collect();
        first_full_date(&window)
    })
}

/// The first full date in `text`. Word by word first: a time right after the date
/// (`2017-06-05 09:00`) would otherwise glue it to other digits, which is how
/// [`dates::extract`] rejects phone numbers.
/// The latest full date the page shows (a page updated after a change shows some date after
/// it: its news list, its own date).
fn latest_date(page: &Page<'_>) -> Option<Date> {
    let body = page.doc.elements_named("body").next()?;
    body.normalized_text()
        .split_whitespace()
        .filter_map(first_full_date)
        .max()
}

fn first_full_date(text: &str) -> Option<Date> {
    let full = |text: &str| {
        dates::extract(text).into_iter().find_map(|d| match d {
            DateMatch::Full(date) => Some(date),
            DateMatch::MonthDay { .. } => None,
        })
    };
    text.split(|c: char| c.is_whitespace() || c == 'T')
        .find_map(full)
        .or_else(|| full(text))
}

/// The list item, table row or definition around `element` shows a date before `change`
/// (a dated entry of a news list keeps its wording).
fn dated_before(element: &Element<'_>, change: Date) -> bool {
    std::iter::once(*element)
        .chain(element.ancestors())
        .take(4)
        .find(|e| matches!(e.name(), "li" | "tr" | "dd" | "dt"))
        .is_some_and(|item| {
            let text = item.normalized_text();
            text.chars().count() <= 400
                && text
                    .split_whitespace()
                    .filter_map(first_full_date)
                    .any(|date| date < change)
        })
}

/// The sentence around `range`: from the last sentence end before it to the next after it, at
/// most 60 characters either side.
fn sentence(text: &str, range: std::ops::Range<usize>) -> String {
    const ENDS: &[char] = &['。', '！', '？', '；', '\n', '!', '?'];
    let before = &text[..range.start];
    let start = before.rfind(ENDS).map_or(0, |i| {
        i + before[i..].chars().next().map_or(0, char::len_utf8)
    });
    let head: String = before[start..]
        .chars()
        .rev()
        .take(60)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after = &text[range.end..];
    let end = after.find(ENDS).map_or(after.len(), |i| {
        i + after[i..].chars().next().map_or(0, char::len_utf8)
    });
    let tail: String = after[..end].chars().take(60).collect();
    let sentence = format!("{head}{}{tail}", &text[range]);
    sentence.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Data;

    fn historical(text: &str) -> bool {
        let data = Data::builtin().unwrap();
        let (range, entry) = data.renamed_in(text).next().unwrap();
        is_historical_wording(text, range, entry)
    }

    #[test]
    fn former_names_citations_and_departments_are_historical() {
        assert!(historical("原国土资源部的职责"));
        assert!(historical("依据《国家工商行政管理总局关于……的通知》"));
        assert!(historical("国家工商行政管理总局令第58号"));
        assert!(historical("各级国土资源部门"));
        assert!(historical("集团纪检监察部"));
        assert!(!historical("请与国土资源部联系"));
        assert!(!historical("《通知》发布后，国土资源部将"));
    }

    #[test]
    fn the_sentence_stops_at_sentence_ends() {
        let text = "第一句。请向国土资源部咨询。第三句";
        let data = Data::builtin().unwrap();
        let (range, _) = data.renamed_in(text).next().unwrap();
        assert_eq!(sentence(text, range), "请向国土资源部咨询。");
    }
}
