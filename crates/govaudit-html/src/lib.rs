//! govaudit's HTML document layer: a page is decoded once (byte order mark, HTTP charset,
//! `<meta>` prescan, then chardetng detection, so GBK, GB18030 and Big5 pages read right), parsed
//! once by html5ever, and indexed once; every check borrows the same [`Document`]. The page
//! semantics several checkers share live here too: the static CSS cascade ([`style`], with
//! linked and imported sheets from a [`style::StylesheetSource`]) and which elements are
//! rendered, hidden or visible ([`visibility`]).
//!
//! ```
//! use govaudit_html::{Document, Selector};
//!
//! let page = "<!doctype html><html lang=zh-CN><title>首页</title>\n<img src=logo.png>";
//! let doc = Document::parse(page.as_bytes(), Some("text/html; charset=utf-8"), None);
//! let images = Selector::parse("img:not([alt])").unwrap();
//! let img = doc.select(&images).next().unwrap();
//! assert_eq!(img.line(), 2);
//! assert_eq!(img.css_path(), ":root > body > img");
//! assert_eq!(img.snippet(), "<img src=\"logo.png\">");
//! assert_eq!(doc.title().as_deref(), Some("首页"));
//! ```

pub mod dates;
mod decode;
mod document;
mod fragment;
mod path;
pub mod prescan;
mod sink;
pub mod style;
pub mod visibility;

pub use decode::{Decoding, EncodingSource, charset_of_content_type, decode, sniff};
pub use document::{Document, Element, Selector, SelectorError, collapse_whitespace};
pub use encoding_rs::Encoding;
pub use scraper;

// Keeps the README's example compiling.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
