//! Publication dates as Chinese, US and European list items show them: `2024-05-01`,
//! `2024/5/1`, `2024.05.01`, `2024年5月1日`, and a bare `05-01` / `[05-01]` / `5月1日` whose
//! year comes from its neighbours.

use jiff::civil::Date;
use regex::Regex;
use std::sync::LazyLock;

/// A date found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateMatch {
    /// Year, month and day.
    Full(Date),
    /// Month and day only; the year must be inferred.
    MonthDay { month: i8, day: i8 },
}

static FULL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?")
        .expect("static regex")
});
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{1,2})\s*(?:[-/]|月)\s*(\d{1,2})\s*日?").expect("static regex")
});

/// Every date in `text` (NFKC-normalised text is best: full-width digits are not digits here),
/// in order. Numbers glued to other digits (phone numbers, file numbers) are not dates.
pub fn extract(text: &str) -> Vec<DateMatch> {
    let mut found: Vec<(usize, DateMatch)> = Vec::new();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for caps in FULL.captures_iter(text) {
        let (Some(all), Some(y), Some(m), Some(d)) =
            (caps.get(0), caps.get(1), caps.get(2), caps.get(3))
        else {
            continue;
        };
        if glued(text, all.start(), all.end()) {
            continue;
        }
        let (Ok(y), Ok(m), Ok(d)) = (
            y.as_str().parse::<i16>(),
            m.as_str().parse::<i8>(),
            d.as_str().parse::<i8>(),
        ) else {
            continue;
        };
        if let Ok(date) = Date::new(y, m, d) {
            found.push((all.start(), DateMatch::Full(date)));
            taken.push((all.start(), all.end()));
        }
    }
    for caps in MONTH_DAY.captures_iter(text) {
        let (Some(all), Some(m), Some(d)) = (caps.get(0), caps.get(1), caps.get(2)) else {
            continue;
        };
        if taken.iter().any(|&(s, e)| all.start() < e && all.end() > s)
            || glued(text, all.start(), all.end())
        {
            continue;
        }
        let (Ok(month), Ok(day)) = (m.as_str().parse::<i8>(), d.as_str().parse::<i8>()) else {
            continue;
        };
        // 2024 is a leap year: accepts 02-29, rejects 02-30 and 13-01.
        if Date::new(2024, month, day).is_ok() {
            found.push((all.start(), DateMatch::MonthDay { month, day }));
        }
    }
    found.sort_by_key(|&(at, _)| at);
    found.into_iter().map(|(_, m)| m).collect()
}

/// Whether the match touches another digit or a decimal point on either side (`0399-12345678`,
/// `1.5`, version numbers).
fn glued(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let digitish = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    digitish(before)
        || digitish(after)
        || (before == Some('.')
            && text[..start]
                .chars()
                .rev()
                .nth(1)
                .is_some_and(|c| c.is_ascii_digit()))
        || (after == Some('.')
            && text[end..]
                .chars()
                .nth(1)
                .is_some_and(|c| c.is_ascii_digit()))
        || (before == Some('-')
            && text[..start]
                .chars()
                .rev()
                .nth(1)
                .is_some_and(|c| c.is_ascii_digit()))
}

/// Gives each entry of a list a full date: full dates as they are; a month-day takes the year
/// nearest the nearest entry with a full date (earlier entries first), else of `as_of`, one year
/// back if that would put it after `as_of`. `None` entries (no date) stay `None`.
pub fn resolve_years(entries: &[Option<DateMatch>], as_of: Date) -> Vec<Option<Date>> {
    let full_at: Vec<(usize, Date)> = entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| match e {
            Some(DateMatch::Full(d)) => Some((i, *d)),
            _ => None,
        })
        .collect();
    entries
        .iter()
        .enumerate()
        .map(|(i, entry)| match entry {
            None => None,
            Some(DateMatch::Full(d)) => Some(*d),
            Some(DateMatch::MonthDay { month, day }) => {
                let neighbour = full_at
                    .iter()
                    .min_by_key(|(j, _)| (i.abs_diff(*j), *j > i))
                    .map(|(_, d)| *d);
                match neighbour {
                    // The year that puts it closest to its neighbour (lists cross new year),
                    // never after `as_of`.
                    Some(n) => [n.year() - 1, n.year(), n.year() + 1]
                        .into_iter()
                        .filter_map(|y| Date::new(y, *month, *day).ok())
                        .filter(|d| *d <= as_of.max(n))
                        .min_by_key(|d| {
                            (
                                d.since(n).map(|s| s.get_days().abs()).unwrap_or(i32::MAX),
                                *d,
                            )
                        }),
                    None => {
                        let this_year = Date::new(as_of.year(), *month, *day).ok()?;
                        if this_year > as_of {
                            Date::new(as_of.year() - 1, *month, *day).ok()
                        } else {
                            Some(this_year)
                        }
                    }
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn recognises_the_common_forms() {
        assert_eq!(extract("2024-05-01"), [DateMatch::Full(date(2024, 5, 1))]);
        assert_eq!(
            extract("发布：2024/5/1 来源"),
            [DateMatch::Full(date(2024, 5, 1))]
        );
        assert_eq!(extract("2024年5月1日"), [DateMatch::Full(date(2024, 5, 1))]);
        assert_eq!(extract("2024.05.01"), [DateMatch::Full(date(2024, 5, 1))]);
        assert_eq!(
            extract("[05-01]"),
            [DateMatch::MonthDay { month: 5, day: 1 }]
        );
        assert_eq!(
            extract("5月1日"),
            [DateMatch::MonthDay { month: 5, day: 1 }]
        );
    }

    #[test]
    fn rejects_phone_numbers_file_numbers_and_impossible_dates() {
        assert!(extract("电话：0399-12345678").is_empty());
        assert!(extract("2024-02-30").is_empty());
        assert!(extract("13-45").is_empty());
        assert!(extract("示政发〔2026〕12号").is_empty());
        assert!(extract("version 1.2.3").is_empty());
    }

    #[test]
    fn month_days_take_the_year_of_their_neighbours() {
        let as_of = date(2026, 11, 25);
        let entries = [
            Some(DateMatch::MonthDay { month: 1, day: 3 }),
            Some(DateMatch::Full(date(2025, 12, 30))),
            None,
        ];
        assert_eq!(
            resolve_years(&entries, as_of),
            [Some(date(2026, 1, 3)), Some(date(2025, 12, 30)), None]
        );
        let alone = [Some(DateMatch::MonthDay { month: 12, day: 1 })];
        assert_eq!(resolve_years(&alone, as_of), [Some(date(2025, 12, 1))]);
    }
}
