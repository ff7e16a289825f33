use super::{PageContext, describe, link_finding};
use crate::mailto::mailto_problem;
use govaudit_core::{Collector, Outcome, Severity, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A `mailto:` link whose address cannot work: no `@`, a full-width `＠`, white space, an
    /// empty part, or a domain that is not a host name. No mail server is contacted.
    ///
    /// ## Why it matters
    /// Contact addresses (市长信箱, 依申请公开 mailboxes) are required disclosure items; a citizen
    /// whose mail program opens with a broken address cannot write.
    ///
    /// ## How to fix
    /// Write the address as `mailto:name@example.gov.cn` with an ASCII `@`; put an obfuscated
    /// form in the visible text only.
    pub MALFORMED_MAILTO = {
        id: "links/malformed-mailto",
        severity: Severity::Medium,
        standards: [],
        sources: [],
    }
}

pub(super) fn check(cx: &PageContext<'_>, out: &mut Collector) {
    for link in cx.links {
        let Some(url) = link.url() else { continue };
        if url.scheme() != "mailto" {
            continue;
        }
        if let Some(problem) = mailto_problem(url) {
            let mut finding = link_finding(
                &MALFORMED_MAILTO,
                Outcome::Fail,
                cx.report_url,
                link,
                format!("{} has a malformed address: {problem}.", describe(link)),
            );
            finding.evidence("reason", &problem);
            out.push(finding);
        }
    }
}
