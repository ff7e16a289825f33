//! Freshness: the newest date of each dated list (a column), per page and merged per column name
//! over the site, compared with the profile's thresholds.

use crate::dates::{self, DateMatch};
use crate::normalize::normalize;
use crate::page::{PageView, name_units};
use crate::profile::{ColumnClass, Profile};
use govaudit_html::Element;
use jiff::civil::Date;
use serde::Serialize;

/// A list whose entries carry dates, on one page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DatedList {
    pub page: String,
    /// The column it belongs to (nearest heading), when one was found.
    pub column: Option<String>,
    pub newest: Date,
    /// Entries with a date.
    pub dated_entries: usize,
    pub line: Option<u32>,
    pub selector: String,
    /// Line of the entry with the newest date.
    pub newest_line: Option<u32>,
}

/// A column over the site: its newest date and whether it is stale.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ColumnFreshness {
    pub name: String,
    /// The profile's column class (`news`, `notice`, `policy`), if the name matches one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    pub newest: Date,
    pub age_days: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_age_days: Option<i64>,
    pub stale: bool,
    pub page: String,
    pub line: Option<u32>,
    pub selector: String,
}

const ENTRY_TAGS: &[&str] = &["li", "tr", "dd", "dt"];

/// Dated lists of a page: `ul`, `ol`, `tbody`, `dl`, and containers of three or more
/// same-tag children that carry dates (div-based lists).
pub(crate) fn dated_lists(view: &PageView<'_>, as_of: Date) -> Vec<DatedList> {
    let mut lists = Vec::new();
    for element in view.doc.elements() {
        if view.is_hidden(&element) {
            continue;
        }
        let entries: Vec<Element<'_>> = match element.name() {
            "ul" | "ol" | "tbody" | "dl" => element
                .children()
                .filter(|c| ENTRY_TAGS.contains(&c.name()) && !view.is_hidden(c))
                .collect(),
            "div" | "section" => {
                let children: Vec<Element<'_>> =
                    element.children().filter(|c| !view.is_hidden(c)).collect();
                let same_tag = children.len() >= 3
                    && children.iter().all(|c| c.name() == children[0].name())
                    && !matches!(
                        children[0].name(),
                        "ul" | "ol" | "table" | "div" | "section"
                    );
                if same_tag { children } else { continue }
            }
            _ => continue,
        };
        if entries.is_empty() {
            continue;
        }
        let found: Vec<Option<DateMatch>> = entries
            .iter()
            .map(|e| dates::extract(&normalize(&e.text())).into_iter().next())
            .collect();
        let dated = found.iter().filter(|d| d.is_some()).count();
        // A lone date in a long list is a mention, not a dated list.
        if dated == 0 || dated * 2 < entries.len() {
            continue;
        }
        let resolved = dates::resolve_years(&found, as_of);
        let Some((at, newest)) = resolved
            .iter()
            .enumerate()
            .filter_map(|(i, d)| d.map(|d| (i, d)))
            .max_by_key(|&(_, d)| d)
        else {
            continue;
        };
        let line = element.line();
        lists.push(DatedList {
            page: view.label.clone(),
            column: column_name(view, &element),
            newest,
            dated_entries: dated,
            line: (line > 0).then_some(line),
            selector: element.css_path(),
            newest_line: Some(entries[at].line()).filter(|&l| l > 0),
        });
    }
    lists
}

fn is_heading(element: &Element<'_>) -> bool {
    matches!(element.name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
        || element.attr("role") == Some("heading")
}

/// The column a list belongs to: the `aria-labelledby` of a surrounding section, else the last
/// heading before it in the nearest ancestor that has one, else the page's `ColumnName` meta.
fn column_name(view: &PageView<'_>, list: &Element<'_>) -> Option<String> {
    let short = |text: String| {
        let text = govaudit_html::collapse_whitespace(&text);
        let (cjk, words) = name_units(&text);
        (!text.is_empty() && cjk + words <= 20).then_some(text)
    };
    for ancestor in list.ancestors().take(6) {
        if let Some(ids) = ancestor.attr("aria-labelledby")
            && let Some(label) = ids
                .split_whitespace()
                .find_map(|id| view.doc.element_by_id(id))
            && let Some(name) = short(label.text())
        {
            return Some(name);
        }
        let heading = ancestor
            .descendants()
            .take_while(|d| d.index() < list.index())
            .filter(|d| is_heading(d) && !view.is_hidden(d))
            .last();
        if let Some(heading) = heading
            && let Some(name) = short(heading.text())
        {
            return Some(name);
        }
    }
    view.doc
        .elements_named("meta")
        .find(|m| {
            m.attr("name")
                .is_some_and(|n| n.eq_ignore_ascii_case("ColumnName"))
        })
        .and_then(|m| m.attr("content"))
        .and_then(|c| short(c.to_owned()))
}

/// The class a column name belongs to, by the first class that has one of its words.
pub(crate) fn classify<'p>(profile: &'p Profile, name: &str) -> Option<&'p ColumnClass> {
    let name = normalize(name);
    profile
        .freshness
        .columns
        .iter()
        .find(|class| class.names.iter().any(|word| name.contains(word.as_str())))
}

/// Days from `date` to `as_of` (negative for future dates).
pub(crate) fn age_days(date: Date, as_of: Date) -> i32 {
    as_of.since(date).map(|span| span.get_days()).unwrap_or(0)
}

/// Merges the dated lists of all pages into columns by name; the newest date wins. The place
/// reported is the column's own page (where its name is the page's main heading) if seen.
pub(crate) fn columns(
    profile: &Profile,
    lists: &[DatedList],
    homepage: &str,
    as_of: Date,
) -> Vec<ColumnFreshness> {
    let mut merged: Vec<ColumnFreshness> = Vec::new();
    for list in lists {
        let Some(name) = &list.column else { continue };
        let key = normalize(name);
        let class = classify(profile, name);
        let age = age_days(list.newest, as_of);
        let max_age = class.map(|c| c.max_age_days);
        let entry = ColumnFreshness {
            name: name.clone(),
            kind: class.map(|c| c.kind.clone()),
            newest: list.newest,
            age_days: age,
            max_age_days: max_age,
            stale: max_age.is_some_and(|m| i64::from(age) > m),
            page: list.page.clone(),
            line: list.newest_line.or(list.line),
            selector: list.selector.clone(),
        };
        match merged.iter_mut().find(|c| normalize(&c.name) == key) {
            None => merged.push(entry),
            Some(existing) => {
                let newer = entry.newest > existing.newest;
                let better_place = entry.newest == existing.newest
                    && existing.page == homepage
                    && entry.page != homepage;
                if newer || better_place {
                    *existing = entry;
                }
            }
        }
    }
    merged
}
