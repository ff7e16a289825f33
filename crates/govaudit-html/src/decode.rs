//! Bytes to text in the order of the HTML Standard's encoding sniffing algorithm: byte order
//! mark, the HTTP `Content-Type` charset, the `<meta>` prescan, then detection (chardetng, the
//! detector Firefox uses, hinted with the site's top-level domain), and UTF-8 last.

use crate::prescan::prescan;
use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::Encoding;
use std::fmt;
use url::Url;

/// Which step of the sniffing algorithm decided the encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EncodingSource {
    ByteOrderMark,
    HttpHeader,
    MetaDeclaration,
    Detected,
}

impl fmt::Display for EncodingSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            EncodingSource::ByteOrderMark => "byte order mark",
            EncodingSource::HttpHeader => "HTTP Content-Type",
            EncodingSource::MetaDeclaration => "<meta> declaration",
            EncodingSource::Detected => "detection",
        })
    }
}

/// How a page was decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decoding {
    pub encoding: &'static Encoding,
    pub source: EncodingSource,
    /// Some bytes were not valid in the chosen encoding (replaced by U+FFFD): a declaration
    /// that disagrees with the bytes shows up here.
    pub had_errors: bool,
}

/// Decodes a page. Never fails: undecodable bytes become U+FFFD, as in a browser.
pub fn decode(bytes: &[u8], content_type: Option<&str>, url: Option<&Url>) -> (String, Decoding) {
    let (encoding, source) = sniff(bytes, content_type, url);
    // `decode` strips a BOM that matches and ignores a BOM that does not (the spec lets the BOM
    // win, which `sniff` has already done).
    let (text, _, had_errors) = encoding.decode(bytes);
    (
        text.into_owned(),
        Decoding {
            encoding,
            source,
            had_errors,
        },
    )
}

/// The encoding a browser would use for these bytes, and why.
pub fn sniff(
    bytes: &[u8],
    content_type: Option<&str>,
    url: Option<&Url>,
) -> (&'static Encoding, EncodingSource) {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return (encoding, EncodingSource::ByteOrderMark);
    }
    if let Some(encoding) = content_type.and_then(charset_of_content_type) {
        return (encoding, EncodingSource::HttpHeader);
    }
    if let Some(encoding) = prescan(bytes) {
        return (encoding, EncodingSource::MetaDeclaration);
    }
    (detect(bytes, url), EncodingSource::Detected)
}

/// The encoding named by the `charset` parameter of a `Content-Type` value.
pub fn charset_of_content_type(content_type: &str) -> Option<&'static Encoding> {
    let mime: mime::Mime = content_type.trim().parse().ok()?;
    let label = mime.get_param(mime::CHARSET)?;
    Encoding::for_label(label.as_str().as_bytes())
}

fn detect(bytes: &[u8], url: Option<&Url>) -> &'static Encoding {
    // Bytes that are valid UTF-8 are what chardetng (allowed to guess UTF-8) would say anyway, and
    // checking that is a hundred times cheaper than running the detector over the page. Pure ASCII
    // decodes the same in UTF-8 and in every legacy guess.
    if std::str::from_utf8(bytes).is_ok() {
        return encoding_rs::UTF_8;
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let tld = url.and_then(top_level_domain);
    // An auditor wants the right text, so unlabeled UTF-8 is allowed (browsers deny it).
    detector.guess(tld.as_deref().map(str::as_bytes), Utf8Detection::Allow)
}

/// The last label of the host, lowercase ASCII, as chardetng requires (it panics otherwise).
fn top_level_domain(url: &Url) -> Option<String> {
    let host = url.host_str()?;
    let label = host.trim_end_matches('.').rsplit('.').next()?;
    let valid = !label.is_empty()
        && label
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    valid.then(|| label.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{BIG5, GB18030, GBK, UTF_8, UTF_16LE};

    fn gbk(text: &str) -> Vec<u8> {
        GBK.encode(text).0.into_owned()
    }

    #[test]
    fn bom_wins_over_everything() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("<meta charset=gbk>政府".as_bytes());
        let (text, how) = decode(&bytes, Some("text/html; charset=big5"), None);
        assert_eq!(how.encoding, UTF_8);
        assert_eq!(how.source, EncodingSource::ByteOrderMark);
        assert!(text.starts_with("<meta") && text.ends_with("政府"));
        let (_, how) = decode(&[0xFF, 0xFE, b'a', 0], None, None);
        assert_eq!(how.encoding, UTF_16LE);
    }

    #[test]
    fn http_charset_wins_over_meta() {
        let bytes = gbk("<meta charset=big5><title>示例市人民政府</title>");
        let (text, how) = decode(&bytes, Some("text/html; charset=GB2312"), None);
        assert_eq!(
            (how.encoding, how.source),
            (GBK, EncodingSource::HttpHeader)
        );
        assert!(text.contains("示例市人民政府"));
        assert!(!how.had_errors);
    }

    #[test]
    fn meta_declaration_decodes_gbk_and_big5() {
        let bytes = gbk("<meta charset=\"gb2312\"><p>政府信息公开指南</p>");
        let (text, how) = decode(&bytes, Some("text/html"), None);
        assert_eq!(
            (how.encoding, how.source),
            (GBK, EncodingSource::MetaDeclaration)
        );
        assert!(text.contains("政府信息公开指南"));

        let big5 = BIG5.encode("<meta charset=big5><p>政府資訊公開</p>").0;
        let (text, how) = decode(&big5, None, None);
        assert_eq!(how.encoding, BIG5);
        assert!(text.contains("政府資訊公開"));

        let gb18030 = GB18030.encode("<meta charset=gb18030><p>𠀀政府</p>").0;
        let (text, _) = decode(&gb18030, None, None);
        assert!(text.contains("𠀀政府"));
    }

    #[test]
    fn undeclared_gbk_is_detected_with_the_cn_hint() {
        let body = "<html><head><title>示例市人民政府门户网站</title></head><body>\
            <p>政府信息公开 政策文件 政策解读 互动交流 办事服务 联系我们 网站地图</p></body></html>";
        let bytes = gbk(body);
        let url = Url::parse("https://www.shili.gov.cn/").unwrap();
        let (text, how) = decode(&bytes, None, Some(&url));
        assert_eq!((how.encoding, how.source), (GBK, EncodingSource::Detected));
        assert_eq!(text, body);
    }

    #[test]
    fn undeclared_utf8_is_detected() {
        let (text, how) = decode("<p>政府信息公开</p>".as_bytes(), None, None);
        assert_eq!(how.encoding, UTF_8);
        assert_eq!(text, "<p>政府信息公开</p>");
    }

    #[test]
    fn wrong_declaration_shows_as_decoding_errors() {
        let (_, how) = decode(
            &gbk("<p>政府信息公开</p>"),
            Some("text/html; charset=utf-8"),
            None,
        );
        assert!(how.had_errors);
    }

    #[test]
    fn odd_hosts_do_not_upset_the_detector() {
        for host in [
            "http://192.168.0.1/",
            "http://[::1]/",
            "http://xn--fiqs8s/",
            "file:///x",
        ] {
            let url = Url::parse(host).unwrap();
            let _ = decode(b"\xb2\xe2\xca\xd4", None, Some(&url));
        }
        assert_eq!(
            charset_of_content_type("text/html; charset=\"x-gbk\""),
            Some(GBK)
        );
        assert_eq!(charset_of_content_type("garbage;;;="), None);
    }
}
