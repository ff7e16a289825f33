//! Link extraction over arbitrary bytes: HTML (with <base>, srcset, meta refresh, CSS in style
//! attributes and elements) and the same bytes as a stylesheet. Must never panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(page) = url::Url::parse("https://www.example.gov.cn/a/b/index.html") else {
        return;
    };
    let document = govaudit_html::Document::parse(data, None, Some(&page));
    for link in govaudit_links::extract(&document, Some(&page)) {
        let _ = link.location();
    }
    let text = String::from_utf8_lossy(data);
    let _ = govaudit_links::extract_stylesheet(&text, Some(&page));
    let _ = govaudit_links::srcset::candidate_urls(&text);
    let _ = govaudit_links::extract::refresh_url(&text);
});
