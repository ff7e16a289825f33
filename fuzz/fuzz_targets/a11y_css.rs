//! The static cascade reads hostile CSS from `<style>` sheets and `style` attributes: parsing
//! must never panic or hang, whatever the bytes.
#![no_main]

use govaudit_a11y::style::{parse_declarations, parse_stylesheet};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let css = String::from_utf8_lossy(bytes);
    let _ = parse_stylesheet(&css);
    let _ = parse_declarations(&css);
});
