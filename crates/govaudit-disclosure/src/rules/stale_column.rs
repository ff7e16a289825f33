use super::Context;
use crate::freshness::classify;
use govaudit_core::{Collector, Finding, Location, Outcome, Severity, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Each column (a dated list, named by its heading) whose name belongs to one of the
    /// profile's column classes: its newest date against the class threshold, counted back from
    /// `--as-of`. cn-gov: 动态/要闻/新闻 columns 2 weeks; 通知公告 and 政策文件 columns 6 months.
    /// A column shown on the homepage and on its own page is one column; its newest date counts.
    ///
    /// ## Why it matters
    /// 栏目不更新 is a 单项否决 item of the 2019 政府网站检查指标 (five or more such columns fail
    /// the site), and each stale column is a deduction.
    ///
    /// ## How to fix
    /// Publish in the column within its window, or merge or close columns that have nothing
    /// to publish.
    pub STALE_COLUMN = {
        id: "disclosure/stale-column",
        severity: Severity::High,
        standards: [],
        sources: [],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    let stale_total = cx.audit.columns.iter().filter(|c| c.stale).count();
    // Only columns of a class have a limit to be judged by; the collector names the homepage,
    // so a column elsewhere is located as the whole site.
    for column in cx.audit.columns.iter().filter(|c| c.kind.is_some()) {
        out.applies(&STALE_COLUMN, || {
            if column.page == cx.audit.homepage {
                Location {
                    line: column.line,
                    selector: Some(column.selector.clone()),
                    ..Location::default()
                }
            } else {
                Location::resource()
            }
        });
    }
    for column in cx.audit.columns.iter().filter(|c| c.stale) {
        let Some(class) = classify(cx.profile, &column.name) else {
            continue;
        };
        let message = format!(
            "Column \"{}\" ({}) was last updated {}, {} days before {}; the limit is {} days.",
            column.name,
            class.kind,
            column.newest,
            column.age_days,
            cx.audit.as_of,
            class.max_age_days
        );
        let location = Location {
            line: column.line,
            selector: Some(column.selector.clone()),
            ..Location::default()
        };
        let mut finding = Finding::new(
            &STALE_COLUMN,
            Outcome::Fail,
            &column.page,
            location,
            message,
        )
        .with_severity(class.severity.unwrap_or(STALE_COLUMN.severity))
        .with_evidence("column", &column.name)
        .with_evidence("kind", &class.kind)
        .with_evidence("newest", column.newest.to_string())
        .with_evidence("age_days", column.age_days)
        .with_evidence("max_age_days", class.max_age_days)
        .with_evidence("stale_columns_total", stale_total);
        finding.set_standards(class.legal_basis.iter().cloned());
        out.push(finding);
    }
}
