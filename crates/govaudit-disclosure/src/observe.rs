//! What disclosure needs from one page, taken while its DOM is alive: the evidence per item, the
//! dated lists, and the links the site walk may follow. An engine that parses pages in parallel
//! and drops each DOM after its checks keeps only these and hands them to [`conclude`].
//!
//! [`conclude`]: crate::conclude

use crate::detect::{self, Evidence};
use crate::freshness::{self, DatedList};
use crate::normalize::normalize;
use crate::page::PageView;
use crate::profile::Profile;
use crate::site::page_label;
use govaudit_html::Document;
use jiff::civil::Date;
use std::collections::HashMap;
use url::Url;

/// A link of a page that the site walk may follow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObservedLink {
    /// The target, resolved against the page's base URL, fragment removed.
    pub target: Url,
    /// Whether a link to this target is named like the profile's disclosure entrance
    /// (`政府信息公开`); the walk follows such a link from the homepage one level deeper.
    pub names_entrance: bool,
}

/// What disclosure needs from one page, computed while its DOM is alive (`Send + Sync`, no
/// borrowed DOM). Made by [`observe`]; [`conclude`](crate::conclude) folds a site's
/// observations into an [`Audit`](crate::Audit).
#[derive(Debug, Clone, PartialEq)]
pub struct PageObservation {
    pub(crate) url: Url,
    pub(crate) label: String,
    pub(crate) profile_id: String,
    pub(crate) as_of: Date,
    /// `evidence[i]` belongs to the profile's `items[i]`.
    pub(crate) evidence: Vec<Vec<Evidence>>,
    pub(crate) dated_lists: Vec<DatedList>,
    pub(crate) links: Vec<ObservedLink>,
}

impl PageObservation {
    /// The page's URL, fragment removed: the key the site walk finds it by.
    pub fn url(&self) -> &Url {
        &self.url
    }

    /// The page as evidence names it (a path for a local site, else the URL).
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The id of the profile the page was observed with.
    pub fn profile_id(&self) -> &str {
        &self.profile_id
    }

    /// The day the dated lists were read against (years of `MM-DD` dates are inferred from it).
    pub fn as_of(&self) -> Date {
        self.as_of
    }

    /// Everything found for `item_id` on this page (counted and ignored signals alike).
    pub fn evidence_for<'a>(&'a self, profile: &Profile, item_id: &str) -> &'a [Evidence] {
        profile
            .items
            .iter()
            .position(|item| item.id == item_id)
            .and_then(|i| self.evidence.get(i))
            .map_or(&[], Vec::as_slice)
    }

    /// The page's dated lists (the columns freshness is measured on).
    pub fn dated_lists(&self) -> &[DatedList] {
        &self.dated_lists
    }

    /// The page's visible links and buttons with a usable target, each target once, in
    /// document order of its first link.
    pub fn links(&self) -> &[ObservedLink] {
        &self.links
    }
}

/// Observes one page: every item's evidence, the dated lists (read against `as_of`) and the
/// links the walk may follow. `url` is the page's own URL; a `<base href>` in `document` wins
/// for resolving links.
pub fn observe(profile: &Profile, url: &Url, document: &Document, as_of: Date) -> PageObservation {
    let mut url = url.clone();
    url.set_fragment(None);
    let label = page_label(&url);
    let view = PageView::new(document, label.clone());
    let mut evidence = vec![Vec::new(); profile.items.len()];
    detect::detect_page(profile, &view, &mut evidence);
    let dated_lists = freshness::dated_lists(&view, as_of);
    let entrance = profile.entrance_index();
    let base = document.base_url().unwrap_or_else(|| url.clone());
    let mut links: Vec<ObservedLink> = Vec::new();
    // A hostile page may repeat one link thousands of times: each target is kept once, at its
    // first position, marked as the entrance if any of its links is named so. The walk treats
    // the repeats exactly so.
    let mut position: HashMap<Url, usize> = HashMap::new();
    for link in view.candidates() {
        let Some(href) = link.attr("href") else {
            continue;
        };
        let Ok(mut target) = base.join(href.trim()) else {
            continue;
        };
        target.set_fragment(None);
        let names_entrance = entrance.is_some_and(|e| {
            detect::best_item(profile, &normalize(&view.accessible_name(&link)), false)
                .is_some_and(|(i, _)| i == e)
        });
        match position.get(&target) {
            Some(&at) => links[at].names_entrance |= names_entrance,
            None => {
                position.insert(target.clone(), links.len());
                links.push(ObservedLink {
                    target,
                    names_entrance,
                });
            }
        }
    }
    PageObservation {
        url,
        label,
        profile_id: profile.id.clone(),
        as_of,
        evidence,
        dated_lists,
        links,
    }
}
