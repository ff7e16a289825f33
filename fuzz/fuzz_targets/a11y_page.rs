//! Every accessibility rule over a hostile page: styles, visibility, focus, roles and accessible
//! names of every element must be computed without a panic, a hang or a stack overflow.
#![no_main]

use govaudit_core::Collector;
use govaudit_html::Document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let doc = Document::parse(bytes, None, None);
    let page = govaudit_a11y::Page::new(&doc);
    for element in doc.elements() {
        let _ = page.name(&element);
        let _ = page.description(&element);
    }
    let mut out = Collector::new("fuzz.html");
    govaudit_a11y::check(&doc, &mut out);
});
