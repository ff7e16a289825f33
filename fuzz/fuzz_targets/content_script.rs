//! The script scanner reads hostile script text (`document.write` arguments, escapes, char-code
//! chains), and the content rules parse what it decodes: neither may panic or hang.
#![no_main]

use govaudit_core::Collector;
use govaudit_html::Document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let _ = govaudit_content::script::scan(&text);
    // The same text as an inline script of a page, through every content rule.
    let page = format!(
        "<!doctype html><body><div style=display:none><script>{text}</script></div><noscript>{text}</noscript>"
    );
    let doc = Document::from_html(&page);
    let mut out = Collector::new("fuzz.html");
    govaudit_content::check(
        &doc,
        &govaudit_content::Input {
            source: Some(page.as_bytes()),
            ..Default::default()
        },
        &mut out,
    );
});
