//! Readers for the three inputs: a recorded exchange (JSON), a raw response head (`curl -sI` or
//! `curl -sIL` output, several heads for a redirect chain) and a HAR file (browser devtools
//! export). Hostile input gives an [`InputError`], never a panic.

use crate::exchange::{Exchange, Hop, RedirectCookie};
use govaudit_core::HeaderField;
use serde_json::Value;

/// Inputs larger than this are refused (a recorded exchange is a few hundred KiB at most).
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("input is {0} bytes, over the {MAX_INPUT_BYTES}-byte limit")]
    TooLarge(usize),
    #[error(
        "not a recorded exchange, a HAR file or a response head (expected JSON or a line starting with `HTTP/`)"
    )]
    NotRecognised,
    #[error("recorded exchange JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("response head line {line}: {reason}")]
    Head { line: usize, reason: &'static str },
    #[error("HAR file: {0}")]
    Har(&'static str),
}

/// What kind of input a byte string is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Recorded,
    Har,
    Head,
}

/// Recognises the input kind from its first bytes and content.
pub fn sniff(bytes: &[u8]) -> Option<InputKind> {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace() && *b != 0xEF && *b != 0xBB && *b != 0xBF)?;
    let rest = &bytes[start..];
    if rest.starts_with(b"{") {
        let head = &rest[..rest.len().min(4096)];
        let looks_har = head.windows(5).any(|w| w == b"\"log\"");
        Some(if looks_har {
            InputKind::Har
        } else {
            InputKind::Recorded
        })
    } else if rest.len() >= 5 && rest[..5].eq_ignore_ascii_case(b"HTTP/") {
        Some(InputKind::Head)
    } else {
        None
    }
}

/// Reads any of the three inputs. `url` names the first request of a response head (curl does
/// not print it); it is ignored for JSON inputs.
pub fn parse_input(bytes: &[u8], url: Option<&str>) -> Result<Exchange, InputError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(InputError::TooLarge(bytes.len()));
    }
    match sniff(bytes).ok_or(InputError::NotRecognised)? {
        InputKind::Recorded => parse_recorded(bytes),
        InputKind::Har => parse_har(bytes),
        InputKind::Head => parse_head(bytes, url),
    }
}

/// Reads a recorded exchange.
pub fn parse_recorded(bytes: &[u8]) -> Result<Exchange, InputError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    Ok(serde_json::from_slice(bytes)?)
}

/// The URL used when a head is given without one.
pub const UNKNOWN_URL: &str = "https://unknown.invalid/";

/// Reads one or more response heads. Each head starts with a status line; a `Location` header
/// names the next hop. The last head is the graded response.
pub fn parse_head(bytes: &[u8], url: Option<&str>) -> Result<Exchange, InputError> {
    let mut heads: Vec<(u16, Vec<HeaderField>)> = Vec::new();
    for (index, raw_line) in bytes.split(|&b| b == b'\n').enumerate() {
        let line_no = index + 1;
        let line = raw_line.strip_suffix(b"\r").unwrap_or(raw_line);
        if line.len() >= 5 && line[..5].eq_ignore_ascii_case(b"HTTP/") {
            let text = String::from_utf8_lossy(line);
            let status = text
                .split_whitespace()
                .nth(1)
                .and_then(|s| s.parse::<u16>().ok())
                .filter(|s| (100..=999).contains(s))
                .ok_or(InputError::Head {
                    line: line_no,
                    reason: "status line without a three-digit status code",
                })?;
            heads.push((status, Vec::new()));
            continue;
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let Some((_, fields)) = heads.last_mut() else {
            return Err(InputError::Head {
                line: line_no,
                reason: "header line before any status line",
            });
        };
        if line[0] == b' ' || line[0] == b'\t' {
            // Obsolete line folding (RFC 9112 §5.2): append to the previous value.
            let last = fields.last_mut().ok_or(InputError::Head {
                line: line_no,
                reason: "continuation line without a header before it",
            })?;
            last.value.push(b' ');
            last.value.extend_from_slice(trim_bytes(line));
            continue;
        }
        let colon = line
            .iter()
            .position(|&b| b == b':')
            .ok_or(InputError::Head {
                line: line_no,
                reason: "header line without a colon",
            })?;
        let name = &line[..colon];
        if name.is_empty() || !name.iter().all(|&b| is_tchar(b)) {
            return Err(InputError::Head {
                line: line_no,
                reason: "header name is empty or has characters a field name cannot have",
            });
        }
        fields.push(HeaderField::new(
            String::from_utf8_lossy(name).into_owned(),
            trim_bytes(&line[colon + 1..]).to_vec(),
        ));
    }
    if heads.is_empty() {
        return Err(InputError::Head {
            line: 1,
            reason: "no status line",
        });
    }
    // 1xx interim heads (100 Continue, 103 Early Hints) are not hops.
    let heads: Vec<_> = heads.into_iter().filter(|(s, _)| *s >= 200).collect();
    let Some(last) = heads.last() else {
        return Err(InputError::Head {
            line: 1,
            reason: "only interim (1xx) responses",
        });
    };
    let mut current = url.unwrap_or(UNKNOWN_URL).to_owned();
    let mut hops = Vec::new();
    let mut redirect_cookies = Vec::new();
    for (index, (status, fields)) in heads.iter().enumerate() {
        hops.push(Hop {
            url: current.clone(),
            status: *status,
        });
        if index + 1 < heads.len() {
            redirect_cookies.extend(fields.iter().filter(|h| h.is_named("set-cookie")).map(|h| {
                RedirectCookie {
                    url: current.clone(),
                    value: h.value_text(),
                }
            }));
        }
        if let Some(location) = fields.iter().find(|h| h.is_named("location")) {
            let location = location.value_text();
            current = url::Url::parse(&current)
                .and_then(|base| base.join(location.trim()))
                .map_or(location, |u| u.to_string());
        }
    }
    let final_url = hops
        .last()
        .map_or_else(|| current.clone(), |h| h.url.clone());
    let from_http = hops
        .first()
        .is_some_and(|h| h.url.to_ascii_lowercase().starts_with("http://"));
    Ok(Exchange {
        url: final_url,
        status: Some(last.0),
        headers: last.1.clone(),
        http_redirects: if from_http { hops } else { Vec::new() },
        http_available: Some(from_http),
        redirect_cookies,
        ..Exchange::default()
    })
}

fn trim_bytes(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| *b != b' ' && *b != b'\t')
        .unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|b| *b != b' ' && *b != b'\t')
        .map_or(start, |e| e + 1);
    &bytes[start..end.max(start)]
}

/// RFC 9110 `tchar`.
fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// Reads a HAR 1.2 file: the first entry is the main document; its redirect chain is followed
/// through `response.redirectURL`, and the last response of the chain is graded.
pub fn parse_har(bytes: &[u8]) -> Result<Exchange, InputError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let har: Value = serde_json::from_slice(bytes)?;
    let entries = har
        .pointer("/log/entries")
        .and_then(Value::as_array)
        .ok_or(InputError::Har("no log.entries array"))?;
    let first = entries
        .first()
        .ok_or(InputError::Har("log.entries is empty"))?;
    let mut chain = vec![first];
    let mut used = vec![0usize];
    while let Some(current) = chain.last() {
        let status = entry_status(current);
        let redirect = current
            .pointer("/response/redirectURL")
            .and_then(Value::as_str)
            .unwrap_or("");
        if !(300..400).contains(&status) || redirect.is_empty() || chain.len() > 50 {
            break;
        }
        let base = entry_url(current);
        let target = url::Url::parse(base)
            .and_then(|b| b.join(redirect))
            .map_or_else(|_| redirect.to_owned(), |u| u.to_string());
        let next = entries.iter().enumerate().find(|(i, e)| {
            !used.contains(i) && (entry_url(e) == target || entry_url(e) == redirect)
        });
        match next {
            Some((i, e)) => {
                used.push(i);
                chain.push(e);
            }
            None => break,
        }
    }
    let last = chain.last().ok_or(InputError::Har("empty chain"))?;
    let url = entry_url(last);
    if url.is_empty() {
        return Err(InputError::Har("the main entry has no request.url"));
    }
    let headers = last
        .pointer("/response/headers")
        .and_then(Value::as_array)
        .ok_or(InputError::Har("the main entry has no response.headers"))?
        .iter()
        .filter_map(|h| {
            let name = h.get("name")?.as_str()?;
            let value = h.get("value")?.as_str()?;
            // HTTP/2 pseudo-headers are not header fields.
            (!name.starts_with(':')).then(|| HeaderField::new(name, value.as_bytes().to_vec()))
        })
        .collect();
    let content = last.pointer("/response/content");
    let body = content
        .filter(|c| c.get("encoding").and_then(Value::as_str) != Some("base64"))
        .and_then(|c| c.get("text"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    let from_http = entry_url(first).to_ascii_lowercase().starts_with("http://");
    let hops: Vec<Hop> = chain
        .iter()
        .map(|e| Hop {
            url: entry_url(e).to_owned(),
            status: entry_status(e),
        })
        .collect();
    let redirect_cookies = chain[..chain.len() - 1]
        .iter()
        .flat_map(|e| {
            let url = entry_url(e);
            e.pointer("/response/headers")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter(|h| {
                    h.get("name")
                        .and_then(Value::as_str)
                        .is_some_and(|n| n.eq_ignore_ascii_case("set-cookie"))
                })
                .filter_map(move |h| {
                    Some(RedirectCookie {
                        url: url.to_owned(),
                        value: h.get("value")?.as_str()?.to_owned(),
                    })
                })
        })
        .collect();
    Ok(Exchange {
        url: url.to_owned(),
        status: Some(entry_status(last)),
        headers,
        body,
        http_redirects: if from_http { hops } else { Vec::new() },
        http_available: Some(from_http),
        redirect_cookies,
        ..Exchange::default()
    })
}

fn entry_url(entry: &Value) -> &str {
    entry
        .pointer("/request/url")
        .and_then(Value::as_str)
        .unwrap_or("")
}

fn entry_status(entry: &Value) -> u16 {
    entry
        .pointer("/response/status")
        .and_then(Value::as_u64)
        .and_then(|s| u16::try_from(s).ok())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curl_chain_is_followed() {
        let head = b"HTTP/1.1 301 Moved Permanently\r\nLocation: https://a.example/\r\n\r\n\
HTTP/2 200\r\nstrict-transport-security: max-age=63072000\r\nx-test: a\r\n  b\r\n\r\n";
        let ex = parse_input(head, Some("http://a.example/")).unwrap();
        assert_eq!(ex.url, "https://a.example/");
        assert_eq!(ex.status, Some(200));
        assert_eq!(ex.http_redirects.len(), 2);
        assert_eq!(ex.combined("x-test").unwrap(), "a b");
    }

    #[test]
    fn bad_heads_are_errors() {
        assert!(parse_input(b"HTTP/1.1 abc\r\n", None).is_err());
        assert!(parse_input(b"HTTP/1.1 200 OK\r\nno colon here\r\n", None).is_err());
        assert!(parse_input(b"garbage", None).is_err());
    }

    #[test]
    fn har_main_document_and_chain() {
        let har = r#"{"log":{"entries":[
          {"request":{"url":"http://a.example/"},"response":{"status":301,"redirectURL":"https://a.example/","headers":[]}},
          {"request":{"url":"https://a.example/"},"response":{"status":200,"redirectURL":"",
            "headers":[{"name":":status","value":"200"},{"name":"X-Frame-Options","value":"DENY"}],
            "content":{"mimeType":"text/html","text":"<p>hi</p>"}}}]}}"#;
        let ex = parse_input(har.as_bytes(), None).unwrap();
        assert_eq!(ex.url, "https://a.example/");
        assert_eq!(ex.headers.len(), 1);
        assert_eq!(ex.http_redirects.len(), 2);
        assert_eq!(ex.body.as_deref(), Some("<p>hi</p>"));
    }
}
