use crate::Config;
use crate::Page;
use crate::outbound::{LinkPlace, OutboundTarget, Takeover, takeover};
use govaudit_core::{Collector, Finding, Outcome, Severity, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every link to another site still leads to what the site meant: in a live run the
    /// link checks record where each external link ends after redirects and that page's title
    /// and first text, and this rule fails a link whose target has become
    ///
    /// - a **parked domain**: the final host is a parking service or a domain marketplace
    ///   (Sedo, Bodis, ParkingCrew, Afternic, Dan, HugeDomains, 聚名, 易名, ...), or the title or
    ///   first text offers the domain for sale ("This domain is for sale", 域名出售, 域名转让);
    /// - a **keyword page**: a spam word of `data/keywords.toml` (gambling, adult, loans,
    ///   private game servers, surrogacy, fake documents) in the title, or two different ones in
    ///   the first text. Government hosts and the site's own domains are never keyword pages.
    ///
    /// The signatures are data (`data/parking.toml`, with their sources). Every page that
    /// carries the link is reported, with line and selector; the evidence names the target, its
    /// final URL and host, its title, and the sign found. Only targets the run fetched are
    /// judged (`audit URL` and `links URL` with the link checks, or their WARC recording).
    ///
    /// ## Why it matters
    /// Government pages keep links to old project sites and other bodies for years. When such
    /// a domain lapses, whoever buys it decides what the government page points to: parked
    /// names are sold on and often become gambling or adult sites. A government page that
    /// sends readers to one is a content security incident the inspections count (安全防护),
    /// and it looks like an endorsement.
    ///
    /// ## How to fix
    /// Remove the link or point it at the body's current site. Review the site's other links
    /// to the same domain, and keep a list of the external domains the site links to.
    pub OUTBOUND_TARGET = {
        id: "content/outbound-target",
        severity: Severity::High,
        standards: ["CN-GOV-2019:cn19.web.ded.security"],
        sources: [],
    }
}

/// Nothing to do on one page: the rule judges the link targets a live run fetched
/// ([`check_outbound`]), after the crawl.
pub(crate) fn check(_page: &Page<'_>, _out: &mut Collector) {}

/// One finding per place that links to a target that became a parked domain or a spam page.
pub fn check_outbound(targets: &[OutboundTarget], config: &Config) -> Vec<Finding> {
    let mut findings = Vec::new();
    for target in targets {
        let Some(found) = takeover(target, config) else {
            continue;
        };
        for place in &target.places {
            findings.push(report(target, place, &found));
        }
    }
    findings
}

fn report(target: &OutboundTarget, place: &LinkPlace, found: &Takeover) -> Finding {
    let host = target.final_host();
    let (message, severity) = match found {
        Takeover::Parked { sign } => (
            format!(
                "The link to {} leads to a parked domain ({host}, {sign}): the name may have lapsed and can be bought by anyone.",
                target.url
            ),
            Severity::High,
        ),
        Takeover::Keyword { term, category } => (
            format!(
                "The link to {} leads to a {category} page ({host}, “{term}”): the domain no longer belongs to what the site meant to link to.",
                target.url
            ),
            Severity::Critical,
        ),
    };
    let mut finding = Finding::new(
        &OUTBOUND_TARGET,
        Outcome::Fail,
        place.page.as_str(),
        place.location.clone(),
        message,
    )
    .with_severity(severity)
    .with_evidence("target", &target.url)
    .with_evidence("final_url", &target.final_url)
    .with_evidence("final_host", &host)
    .with_evidence("kind", found.kind());
    if let Some(title) = &target.title {
        finding = finding.with_evidence("title", title);
    }
    finding = match found {
        Takeover::Parked { sign } => finding.with_evidence("sign", sign),
        Takeover::Keyword { term, category } => finding
            .with_evidence("keyword", term)
            .with_evidence("category", category),
    };
    finding
}

#[cfg(test)]
mod tests {
    use super::*;
    use govaudit_core::Location;

    fn target(final_url: &str, title: &str, text: &str) -> OutboundTarget {
        OutboundTarget {
            url: "http://old.example/".into(),
            final_url: final_url.into(),
            title: (!title.is_empty()).then(|| title.into()),
            lead_text: text.into(),
            places: vec![LinkPlace {
                page: "https://www.example.gov.cn/".into(),
                location: Location::at_line(3),
            }],
        }
    }

    fn kinds(t: &OutboundTarget) -> Option<&'static str> {
        takeover(t, &Config::default()).map(|t| t.kind())
    }

    #[test]
    fn parking_hosts_and_sale_phrases_are_parked() {
        assert_eq!(
            kinds(&target("https://ww12.sedoparking.com/x", "", "")),
            Some("parked")
        );
        assert_eq!(
            kinds(&target(
                "https://dan.com/buy-domain/old.example",
                "old.example",
                ""
            )),
            Some("parked")
        );
        assert_eq!(
            kinds(&target(
                "http://old.example/",
                "old.example - This Domain Is For Sale",
                ""
            )),
            Some("parked")
        );
        assert_eq!(
            kinds(&target(
                "http://old.example/",
                "old.example",
                "本域名出售，有意者请联系"
            )),
            Some("parked")
        );
        assert_eq!(kinds(&target("http://notsedo.com/", "Sedo", "")), None);
    }

    #[test]
    fn spam_words_in_the_title_or_two_in_the_text_make_a_keyword_page() {
        let found = takeover(
            &target("http://old.example/", "澳门葡京娱乐城 百家乐", ""),
            &Config::default(),
        );
        assert_eq!(
            found,
            Some(Takeover::Keyword {
                term: "葡京".into(),
                category: "gambling".into()
            })
        );
        assert_eq!(
            kinds(&target("http://old.example/", "首页", "真人娱乐 在线博彩")),
            Some("keyword")
        );
        // One word in the text is an article about it; the same word twice too.
        assert_eq!(
            kinds(&target(
                "http://news.example/",
                "新闻",
                "警方破获一起网络赌博案"
            )),
            None
        );
        assert_eq!(
            kinds(&target("http://news.example/", "新闻", "赌博 赌博 赌博")),
            None
        );
    }

    #[test]
    fn government_hosts_and_the_sites_own_domains_are_never_keyword_pages() {
        assert_eq!(
            kinds(&target(
                "https://www.sba.gov/funding-programs/loans",
                "Loans | SBA",
                ""
            )),
            None
        );
        let config = Config {
            site_domains: vec!["example.cn".into()],
            ..Config::default()
        };
        let own = target("https://www.example.cn/", "小额贷款政策解读", "");
        assert_eq!(takeover(&own, &config), None);
        assert_eq!(kinds(&own), Some("keyword"));
    }

    #[test]
    fn every_place_is_reported_with_the_evidence() {
        let mut t = target("https://www.sedoparking.com/old.example", "old.example", "");
        t.places.push(LinkPlace {
            page: "https://www.example.gov.cn/a.html".into(),
            location: Location::at_line(9),
        });
        let findings = check_outbound(&[t], &Config::default());
        assert_eq!(findings.len(), 2);
        assert_eq!(findings[1].url, "https://www.example.gov.cn/a.html");
        assert_eq!(findings[1].location.line, Some(9));
        let evidence = &findings[0].evidence;
        assert_eq!(evidence["final_host"], "www.sedoparking.com");
        assert_eq!(evidence["sign"], "sedoparking.com");
        assert_eq!(evidence["title"], "old.example");
        assert_eq!(evidence["target"], "http://old.example/");
    }
}
