use super::{Context, item_finding};
use crate::detect::ItemState;
use crate::profile::ItemKind;
use govaudit_core::{Collector, Location, Outcome, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every item of the profile (a 政府信息公开 entrance, a footer identity mark, a US
    /// mandatory link, an accessibility statement) must be found on the homepage or on the pages
    /// reached from it: an entrance as a visible link or button whose accessible name is one of
    /// the item's synonyms, a mark in its format. Hidden (`hidden`, `aria-hidden`,
    /// `display:none`), commented-out and `<template>` content does not count, nor does a
    /// headline or sentence that merely mentions the item. The finding lists what was ignored.
    ///
    /// ## Why it matters
    /// The items are required by law or by the assessment indicators (政府信息公开条例,
    /// 国办发〔2017〕47号 and the 2019 检查指标; OMB M-23-22; Directive (EU) 2016/2102): a
    /// missing one costs points or, for some, fails the site.
    ///
    /// ## How to fix
    /// Add a visible link with the standard name (e.g. 政府信息公开年报 in the 政府信息公开 column,
    /// "Accessibility statement" in the footer), or the mark in its official format.
    pub MISSING_ITEM = {
        id: "disclosure/missing-item",
        severity: Severity::High,
        standards: [],
        sources: [Source::inspired("gsa-site-scanning:required-links")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    for (item, result) in cx.profile.items.iter().zip(&cx.audit.items) {
        out.applies(&MISSING_ITEM, Location::resource);
        // An identity mark with a label but no valid value is reported as invalid instead.
        let labelled = item.kind == ItemKind::IdentityMark
            && result
                .ignored
                .iter()
                .any(|e| e.signal == crate::detect::Signal::Label);
        if result.state != ItemState::Absent || labelled {
            continue;
        }
        let message = format!(
            "{} not found on the {} page(s) checked: {}.",
            item.id,
            cx.audit.pages.len(),
            item.description
        );
        let mut finding = item_finding(
            &MISSING_ITEM,
            Outcome::Fail,
            item,
            result,
            &cx.audit.homepage,
            Location::resource(),
            message,
        )
        .with_severity(item.severity);
        if !result.ignored.is_empty() {
            finding = finding.with_evidence("ignored", &result.ignored);
        }
        out.push(finding);
    }
}
