use govaudit_core::Finding;

/// FNV-1a, 64 bits: tiny, with a published constant, so a fingerprint is the same on every
/// platform, Rust version and run (std's `DefaultHasher` promises none of that).
fn fnv1a_64(parts: &[&str]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            // A separator that cannot occur in text keeps ("ab","c") apart from ("a","bc").
            hash ^= 0xff;
            hash = hash.wrapping_mul(PRIME);
        }
        for &byte in part.as_bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    hash
}

/// A stable identity for a finding across runs (SARIF `partialFingerprints["govaudit/v1"]`): the
/// rule, the resource, and the element's selector or the header name. Line numbers are left out
/// on purpose, so editing the page above a problem does not make it look new. When there is
/// neither selector nor header, the message stands in (it usually names the link or item).
pub fn finding_fingerprint(finding: &Finding) -> String {
    let location = &finding.location;
    let (kind, place) = match (&location.selector, &location.header) {
        (Some(selector), _) => ("selector", selector.as_str()),
        (None, Some(header)) => ("header", header.as_str()),
        (None, None) => ("message", finding.message.as_str()),
    };
    let header_lower;
    let place = if kind == "header" {
        // Header names are case-insensitive; `HSTS` findings must not split by spelling.
        header_lower = place.to_ascii_lowercase();
        header_lower.as_str()
    } else {
        place
    };
    format!(
        "{:016x}",
        fnv1a_64(&[&finding.rule, &finding.url, kind, place])
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_published_vectors() {
        // From the FNV reference test suite.
        assert_eq!(fnv1a_64(&[""]), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a_64(&["a"]), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a_64(&["foobar"]), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn parts_are_kept_apart() {
        assert_ne!(fnv1a_64(&["ab", "c"]), fnv1a_64(&["a", "bc"]));
    }
}
