//! Content security checks for government websites, one rule per file under `rules/`:
//!
//! - `content/hidden-link`: links readers cannot see that point to another site (暗链);
//! - `content/injected-script`: scripts and iframes that do not belong (unknown hosts, hidden
//!   iframes, obfuscation, search-engine referrer redirects, coin miners, code after `</html>`);
//! - `content/outdated-expression`: names of government bodies that no longer exist, on pages
//!   published after the change;
//! - `content/outbound-target` and `content/outbound-drift`: external links whose target
//!   became a parked domain or a spam page, or moved to another domain since the previous
//!   run ([`outbound`], from what a live run's link checks saw).
//!
//! Hidden means hidden by the shared cascade and visibility of [`govaudit_html`] (inline
//! styles, `<style>` and linked sheets), plus the tricks that live outside CSS: `<marquee>`,
//! `document.write`, `<noscript>`, markup after `</html>` and scripts that hide an element.
//! The word lists, the script-host allowlist, the dictionary of renamed bodies and the parking
//! signatures are data (`data/*.toml`).
//!
//! ```
//! use govaudit_core::{Collector, Outcome};
//! use govaudit_html::Document;
//! use url::Url;
//!
//! let url = Url::parse("https://www.example.gov.cn/").unwrap();
//! let html = r#"<!doctype html><html lang="zh-CN"><title>首页</title><body>
//! <div style="display:none"><a href="https://www.xpj-casino.example/">澳门葡京 百家乐</a></div>"#;
//! let doc = Document::parse(html.as_bytes(), None, Some(&url));
//! let mut found = Collector::new(url.as_str());
//! govaudit_content::check(&doc, &govaudit_content::Input::default(), &mut found);
//! let rules: Vec<_> = found.findings().iter().map(|f| (f.rule.as_str(), f.outcome)).collect();
//! assert_eq!(rules, [("content/hidden-link", Outcome::Fail)]);
//! ```

pub mod data;
pub mod outbound;
mod page;
mod rules;
pub mod script;

pub use data::{Data, DataError};
pub use page::Page;
pub use rules::{RULES, Rule, rules};

use govaudit_core::Collector;
use govaudit_html::Document;
use govaudit_html::style::{Styles, StylesheetSource};
use govaudit_html::visibility::Visibility;

/// What a site adds to the built-in data (`[content]` in `govaudit.toml`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// Old names the site may use (e.g. in a history column): never an outdated expression.
    pub allowed_terms: Vec<String>,
    /// Hosts whose scripts and iframes the site embeds on purpose (the host or its subdomains).
    pub allowed_script_hosts: Vec<String>,
    /// Other registrable domains of the same site (`example.gov.cn` beside `example.cn`).
    pub site_domains: Vec<String>,
}

/// What the checks read beside the parsed page.
#[derive(Clone, Copy, Default)]
pub struct Input<'a> {
    /// The page's bytes as served: the parser moves content after `</html>` into `<body>`,
    /// so only the source shows it. `None`: that test is skipped.
    pub source: Option<&'a [u8]>,
    /// Linked and imported style sheets; `None`: pages with such sheets are judged without
    /// them.
    pub sheets: Option<&'a dyn StylesheetSource>,
    /// The site's additions; `None`: the built-in data only.
    pub config: Option<&'a Config>,
    /// Styles and visibility another check already computed for this page (with the same
    /// sheets): the cascade is then not run again.
    pub computed: Option<(&'a Styles, &'a Visibility)>,
}

/// Runs every rule over one page.
pub fn check(doc: &Document, input: &Input<'_>, out: &mut Collector) {
    run(&Page::new(doc, input), |_| true, out);
}

/// Runs the rules whose ids are in `ids`.
pub fn check_rules(doc: &Document, input: &Input<'_>, ids: &[&str], out: &mut Collector) {
    run(&Page::new(doc, input), |id| ids.contains(&id), out);
}

fn run(page: &Page<'_>, wanted: impl Fn(&str) -> bool, out: &mut Collector) {
    for rule in RULES.iter().filter(|r| wanted(r.meta.id)) {
        (rule.check)(page, out);
    }
}
