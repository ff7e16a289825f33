//! WARC files: a live run recorded and read back gives the same resources; hand-made archives
//! (gzip per record, chunked and compressed bodies, broken records, revisits) read as the
//! module documents.

mod support;
use support::loopback::{Reply, Request, start};

use govaudit_core::{HeaderField, Resource};
use govaudit_site::fetch::{FetchOptions, Fetcher, Method};
use govaudit_site::warc::{Archived, WarcError, WarcReadOptions, WarcReader, WarcWriter};
use std::io::{Cursor, Write};
use std::sync::Arc;
use url::Url;

fn routes(request: &Request) -> Reply {
    match request.path.as_str() {
        "/robots.txt" => Reply::html(200, "User-agent: *\nDisallow: /private/\n"),
        "/" => Reply::html(200, "<a href=/old>old</a>"),
        "/old" => Reply::redirect(301, "/mid").header("Set-Cookie", "a=1"),
        "/mid" => Reply::redirect(302, "/a.html"),
        "/a.html" => Reply::html(200, "<title>页面</title>")
            .header("Set-Cookie", "x=1")
            .header("X-Frame-Options", "DENY")
            .header("Set-Cookie", "y=2"),
        _ => Reply::html(404, "not here"),
    }
}

/// What a WARC can hold of a fetched resource (not how long the fetch took).
fn comparable(resource: &Resource) -> Resource {
    Resource {
        elapsed_ms: None,
        ..resource.clone()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_recorded_run_reads_back_as_the_same_resources() {
    let server = start(Arc::new(routes)).await;
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("run.warc.gz");
    let writer = Arc::new(WarcWriter::create(&target).unwrap());
    let fetcher = Fetcher::new(FetchOptions {
        allow_private: true,
        per_host_interval: std::time::Duration::ZERO,
        ..FetchOptions::default()
    })
    .unwrap()
    .with_recorder(writer.clone());
    let url = |path: &str| Url::parse(&format!("{}{path}", server.base)).unwrap();
    assert!(fetcher.robots_allows(&url("/")).await);
    let mut fetched = Vec::new();
    for path in ["/", "/old", "/missing"] {
        fetched.push(
            fetcher
                .fetch(&url(path), Method::Get)
                .await
                .unwrap()
                .resource,
        );
    }
    assert_eq!(fetched[1].redirects.len(), 2);
    // Nothing under the final name until the run is finished.
    assert!(!target.exists());
    assert_eq!(writer.finish().unwrap(), target);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, [std::ffi::OsString::from("run.warc.gz")]);

    let archived: Vec<Archived> = WarcReader::open(&target, WarcReadOptions::default())
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    // robots.txt was an exchange too.
    assert_eq!(archived.len(), 4);
    assert_eq!(
        archived[0].resource.requested_url,
        url("/robots.txt").as_str()
    );
    for (read, live) in archived[1..].iter().zip(&fetched) {
        assert!(!read.truncated);
        assert_eq!(comparable(&read.resource), comparable(live));
    }
    let chain = &archived[2].resource;
    assert_eq!(chain.requested_url, url("/old").as_str());
    assert_eq!(chain.final_url.as_deref(), Some(url("/a.html").as_str()));
    let cookies: Vec<String> = chain
        .header_fields("set-cookie")
        .map(HeaderField::value_text)
        .collect();
    assert_eq!(cookies, ["x=1", "y=2"]);
    assert_eq!(chain.body, "<title>页面</title>".as_bytes());
    assert_eq!(archived[3].resource.status, Some(404));
}

/// One record, as a WARC writer other than ours would write it.
fn record(kind: &str, uri: &str, extra: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2026-12-01T08:00:00Z\r\n\
         WARC-Record-ID: <urn:uuid:{}>\r\nContent-Type: application/http; msgtype={kind}\r\n{extra}Content-Length: {}\r\n\r\n",
        uri.len() + block.len(),
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn read_all(bytes: Vec<u8>, options: WarcReadOptions) -> Vec<Result<Archived, WarcError>> {
    WarcReader::new(Cursor::new(bytes), options).collect()
}

#[test]
fn foreign_archive_with_encodings_broken_records_and_revisits() {
    let compressed = gzip(b"<p>compressed</p>");
    let mut gzipped_page = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
    let (first, second) = compressed.split_at(5);
    for chunk in [first, second] {
        gzipped_page.extend_from_slice(format!("{:X}\r\n", chunk.len()).as_bytes());
        gzipped_page.extend_from_slice(chunk);
        gzipped_page.extend_from_slice(b"\r\n");
    }
    gzipped_page.extend_from_slice(b"0\r\n\r\n");
    let records = [
        record("warcinfo", "", "", b"software: test\r\n"),
        record(
            "request",
            "https://a.gov.cn/",
            "",
            b"GET / HTTP/1.1\r\nHost: a.gov.cn\r\n\r\n",
        ),
        record("response", "https://a.gov.cn/", "", &gzipped_page),
        // Garbage where a record should start: one error, then the next record.
        b"this is not a record\r\nnor this\r\n".to_vec(),
        record(
            "response",
            "<https://a.gov.cn/big.html>",
            "",
            b"HTTP/1.1 200 OK\r\ncontent-type: text/html\r\n\r\n0123456789",
        ),
        record(
            "revisit",
            "https://a.gov.cn/",
            "WARC-Profile: http://netpreserve.org/warc/1.1/revisit/identical-payload-digest\r\n",
            b"HTTP/1.1 200 OK\r\n\r\n",
        ),
        // A response whose HTTP head is garbage: an error naming it, reading goes on.
        record("response", "https://a.gov.cn/bad", "", b"\x00\x01 not http"),
        record(
            "response",
            "https://a.gov.cn/last",
            "",
            b"HTTP/1.0 404 Not Found\r\n\r\n",
        ),
    ];
    let plain: Vec<u8> = records.concat();
    let per_record: Vec<u8> = records.iter().flat_map(|r| gzip(r)).collect();
    for bytes in [plain, per_record] {
        let options = WarcReadOptions { max_body_bytes: 8 };
        let items = read_all(bytes, options);
        assert_eq!(items.len(), 5, "{items:#?}");
        let page = items[0].as_ref().unwrap();
        assert_eq!(
            page.resource.body, b"<p>compr",
            "decoded, then cut at 8 bytes"
        );
        assert!(page.truncated);
        assert_eq!(page.resource.fetched_at_ms, Some(1_796_112_000_000));
        assert_eq!(
            page.resource.header("content-encoding").as_deref(),
            Some("gzip")
        );
        let Err(WarcError::Record { offset, .. }) = &items[1] else {
            panic!("{:?}", items[1]);
        };
        assert!(*offset > 0);
        let big = items[2].as_ref().unwrap();
        assert_eq!(big.resource.url(), "https://a.gov.cn/big.html");
        assert_eq!(big.resource.body, b"01234567");
        assert!(big.truncated);
        assert!(big.offset > page.offset);
        let Err(WarcError::Record { reason, .. }) = &items[3] else {
            panic!("{:?}", items[3]);
        };
        assert!(reason.contains("https://a.gov.cn/bad"), "{reason}");
        assert_eq!(items[4].as_ref().unwrap().resource.status, Some(404));
    }
}

#[test]
fn a_file_cut_in_a_record_ends_with_an_error() {
    let mut bytes = record(
        "response",
        "https://a.gov.cn/",
        "",
        b"HTTP/1.1 200 OK\r\n\r\nbody",
    );
    bytes.truncate(bytes.len() - 8);
    let items = read_all(bytes, WarcReadOptions::default());
    assert_eq!(items.len(), 1);
    assert!(matches!(items[0], Err(WarcError::Read { .. })), "{items:?}");
}

#[test]
fn a_redirect_never_followed_is_yielded_at_the_end() {
    let bytes = [
        record(
            "response",
            "https://a.gov.cn/old",
            "",
            b"HTTP/1.1 301 Moved\r\nLocation: /gone\r\n\r\n",
        ),
        record(
            "response",
            "https://a.gov.cn/",
            "",
            b"HTTP/1.1 200 OK\r\n\r\nhome",
        ),
    ]
    .concat();
    let items: Vec<Archived> = read_all(bytes, WarcReadOptions::default())
        .into_iter()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].resource.url(), "https://a.gov.cn/");
    assert_eq!(items[1].resource.status, Some(301));
    assert_eq!(items[1].resource.url(), "https://a.gov.cn/old");
    assert!(items[1].resource.redirects.is_empty());
}

/// The `warc` crate's `Record::header` panics on such a value; the reader does not call it.
#[test]
fn header_values_that_are_not_utf8_do_not_panic() {
    let mut bytes = record(
        "response",
        "https://a.gov.cn/XX",
        "",
        b"HTTP/1.1 200 OK\r\n\r\nok",
    );
    let at = bytes.windows(2).position(|w| w == b"XX").unwrap();
    bytes[at] = 0xff;
    bytes[at + 1] = 0xfe;
    // A block type that is not `application/http` after all: skipped.
    let mut typed = record(
        "response",
        "https://a.gov.cn/",
        "",
        b"HTTP/1.1 200 OK\r\n\r\nok",
    );
    let at = typed
        .windows(16)
        .position(|w| w == b"application/http")
        .unwrap();
    typed[at] = 0xff;
    let items = read_all([bytes, typed].concat(), WarcReadOptions::default());
    assert_eq!(items.len(), 1, "{items:?}");
    assert_eq!(items[0].as_ref().unwrap().resource.body, b"ok");
}

proptest::proptest! {
    /// Any bytes, and any cut of a valid archive: no panic, and the reading ends.
    #[test]
    fn arbitrary_input_never_panics(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..2048), cut in 0usize..400) {
        let _ = read_all(bytes, WarcReadOptions::default());
        let mut valid = record("response", "https://a.gov.cn/", "", b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nbody\r\n0\r\n\r\n");
        valid.extend(gzip(&valid.clone()));
        valid.truncate(cut.min(valid.len()));
        let _ = read_all(valid, WarcReadOptions::default());
    }
}
