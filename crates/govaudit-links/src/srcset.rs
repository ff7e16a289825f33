//! `srcset` parsing as the HTML standard's "parse a srcset attribute" splits candidates: a URL
//! runs to white space, a trailing comma ends a candidate, descriptors run to a comma outside
//! parentheses. Only the URLs matter here.

/// The candidate URLs of a `srcset` value, in order, with their byte offset in the value.
pub fn candidate_urls(srcset: &str) -> Vec<(usize, &str)> {
    let bytes = srcset.as_bytes();
    let mut urls = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        // Skip white space and commas before a candidate.
        while at < bytes.len() && (bytes[at].is_ascii_whitespace() || bytes[at] == b',') {
            at += 1;
        }
        if at >= bytes.len() {
            break;
        }
        let start = at;
        while at < bytes.len() && !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let mut url = &srcset[start..at];
        let mut ended_by_comma = false;
        let trimmed = url.trim_end_matches(',');
        if trimmed.len() != url.len() {
            ended_by_comma = true;
            url = trimmed;
        }
        if !url.is_empty() {
            urls.push((start, url));
        }
        if ended_by_comma {
            continue;
        }
        // Descriptors: up to a comma that is not inside parentheses.
        let mut depth = 0usize;
        while at < bytes.len() {
            match bytes[at] {
                b'(' => depth += 1,
                b')' => depth = depth.saturating_sub(1),
                b',' if depth == 0 => {
                    at += 1;
                    break;
                }
                _ => {}
            }
            at += 1;
        }
    }
    urls
}

#[cfg(test)]
mod tests {
    use super::candidate_urls;

    fn urls(s: &str) -> Vec<&str> {
        candidate_urls(s).into_iter().map(|(_, u)| u).collect()
    }

    #[test]
    fn splits_candidates_and_descriptors() {
        assert_eq!(urls("a.png 1x, b.png 2x"), ["a.png", "b.png"]);
        // A comma inside a URL belongs to it (the standard splits only on white space).
        assert_eq!(urls("  a.png,b.png 480w ,c.png"), ["a.png,b.png", "c.png"]);
        assert_eq!(urls("a,b.png 1x"), ["a,b.png"]);
        assert_eq!(urls("a.png, b@2x.png 2x"), ["a.png", "b@2x.png"]);
        assert_eq!(
            urls("data:image/png;base64,AAA= 1x, x.png 2x"),
            ["data:image/png;base64,AAA=", "x.png"]
        );
        assert_eq!(
            urls("a.png (max-width: 3px, 4px) 1x, b.png"),
            ["a.png", "b.png"]
        );
        assert!(urls(" , ,").is_empty());
    }
}
