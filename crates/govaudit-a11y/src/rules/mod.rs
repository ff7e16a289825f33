//! The registry: one line per rule, written by hand.

use crate::Page;
use govaudit_core::{Collector, RuleMeta};

mod document_title;
mod html_has_lang;
mod html_lang_valid;
mod html_xml_lang_mismatch;
mod image_alt;
pub(crate) mod meta_refresh;
mod meta_refresh_no_exceptions;
mod meta_viewport;
mod valid_lang;

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
        meta: &html_lang_valid::HTML_LANG_VALID,
        check: html_lang_valid::check,
    },
    Rule {
        meta: &html_xml_lang_mismatch::HTML_XML_LANG_MISMATCH,
        check: html_xml_lang_mismatch::check,
    },
    Rule {
        meta: &image_alt::IMAGE_ALT,
        check: image_alt::check,
    },
    Rule {
        meta: &meta_refresh::META_REFRESH,
        check: meta_refresh::check,
    },
    Rule {
        meta: &meta_refresh_no_exceptions::META_REFRESH_NO_EXCEPTIONS,
        check: meta_refresh_no_exceptions::check,
    },
    Rule {
        meta: &meta_viewport::META_VIEWPORT,
        check: meta_viewport::check,
    },
    Rule {
        meta: &valid_lang::VALID_LANG,
        check: valid_lang::check,
    },
];

/// Every rule's metadata, for catalogues and `govaudit rules`.
pub fn rules() -> impl Iterator<Item = &'static RuleMeta> {
    RULES.iter().map(|r| r.meta)
}
