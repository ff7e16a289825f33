//! Arbitrary bytes as a WARC file (plain, or gzip when they start like gzip): every record is
//! read to the end of input, with a small body cap so truncation paths run too.

#![no_main]

use govaudit_site::warc::{WarcReadOptions, WarcReader};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = WarcReadOptions { max_body_bytes: 64 };
    let reader = WarcReader::new(std::io::Cursor::new(data.to_vec()), options);
    for item in reader {
        if let Ok(archived) = item {
            assert!(archived.resource.body.len() <= 64);
        }
    }
});
