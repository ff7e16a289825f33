//! The registry: one line per rule, written by hand.

use crate::Page;
use govaudit_core::{Collector, RuleMeta};

mod document_title;
mod html_has_lang;
mod image_alt;

/// A rule: its metadata and the function that checks a page.
pub struct Rule {
    pub meta: &'static RuleMeta,
    pub check: fn(&Page<'_>, &mut Collector),
}

pub static RULES: &[Rule] = &[
    Rule {
        meta: &document_title::DOCUMENT_TITLE,
        check: document_title::check,
    },
    Rule {
        meta: &html_has_lang::HTML_HAS_LANG,
        check: html_has_lang::check,
    },
    Rule {
        meta: &image_alt::IMAGE_ALT,
        check: image_alt::check,
    },
];

/// Every rule's metadata, for catalogues and `govaudit rules`.
pub fn rules() -> impl Iterator<Item = &'static RuleMeta> {
    RULES.iter().map(|r| r.meta)
}
