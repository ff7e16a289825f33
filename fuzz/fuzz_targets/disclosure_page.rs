//! The whole disclosure audit over one hostile page with every built-in profile.
#![no_main]

use govaudit_disclosure::{Options, Profile, Site, audit, local_url};
use govaudit_html::Document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(url) = local_url("index.html") else { return };
    let as_of = govaudit_disclosure::jiff::civil::date(2026, 11, 25);
    for (id, _) in govaudit_disclosure::BUILTIN_PROFILES {
        let Ok(profile) = Profile::builtin(id) else { return };
        let document = Document::parse(bytes, None, Some(&url));
        let site = Site::from_pages(url.clone(), [(url.clone(), document)]);
        let _ = audit(&profile, &site, &Options::new(as_of));
    }
});
