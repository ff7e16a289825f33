//! Any bytes, with any Content-Type, must parse into a Document, and every element must yield a
//! line, a CSS path and a snippet without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (Option<String>, Vec<u8>)| {
    let (content_type, bytes) = input;
    let doc = govaudit_html::Document::parse(&bytes, content_type.as_deref(), None);
    for element in doc.elements().take(2000) {
        let _ = (element.line(), element.css_path(), element.snippet());
    }
    let _ = (doc.title(), doc.base_url());
});
