//! The `<meta>` charset prescan reads raw, hostile bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = govaudit_html::prescan::prescan(bytes);
    let _ = govaudit_html::prescan::charset_from_content(bytes);
});
