//! The whole disclosure audit over one hostile page with every built-in profile, and the same
//! page observed and concluded separately (the engine's path). Profiles are loaded once, as a
//! long-running caller does: their matchers are compiled at load, not per page.
#![no_main]

use govaudit_disclosure::{Options, Profile, Site, audit, conclude, local_url, observe};
use govaudit_html::Document;
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static PROFILES: LazyLock<Vec<Profile>> = LazyLock::new(|| {
    govaudit_disclosure::BUILTIN_PROFILES
        .iter()
        .map(|(id, _)| Profile::builtin(id).expect("built-in profiles load"))
        .collect()
});

fuzz_target!(|bytes: &[u8]| {
    let Ok(url) = local_url("index.html") else { return };
    let as_of = govaudit_disclosure::jiff::civil::date(2026, 11, 25);
    let options = Options::new(as_of);
    let document = Document::parse(bytes, None, Some(&url));
    for profile in PROFILES.iter() {
        let page = observe(profile, &url, &document, as_of);
        let _ = conclude(profile, &url, [page], &options);
    }
    let site = Site::from_pages(url.clone(), [(url.clone(), document)]);
    for profile in PROFILES.iter() {
        let _ = audit(profile, &site, &options);
    }
});
