//! WARC files (feature `warc`): a web archive read as [`Resource`]s, and a live run written as
//! one.
//!
//! **Reading** ([`WarcReader`]) streams a WARC 1.0 or 1.1 file, plain or gzip-compressed (one
//! gzip member per record, as `.warc.gz` files are, or one member for the whole file), one
//! record at a time; no record is held whole beyond the body cap. Each `response` record with
//! an HTTP message becomes a [`Resource`]: `WARC-Target-URI` as the URL, the status, the header
//! lines in order with their original case, the body (`Transfer-Encoding: chunked` decoded;
//! `Content-Encoding` `gzip`, `x-gzip`, `deflate` and `br` decoded, others such as `zstd` left
//! as they are; the header lines stay as the server sent them) and `WARC-Date` as the fetch
//! time. Redirect responses (3xx with a `Location`) are folded into the resource of the
//! response at their target when it comes later in the file, as the [`Fetcher`] reports a
//! chain; a redirect whose target never comes is yielded on its own (without its body) at the
//! end. `request`, `metadata`, `warcinfo`, `resource`, `conversion` and `continuation` records
//! are skipped, and so are `revisit` records: a revisit says an earlier capture's payload was
//! seen again, and that capture is already read (their number is in
//! [`WarcReader::revisits_skipped`]).
//!
//! Hostile input: the WARC and HTTP heads are capped, the body is cut at
//! [`WarcReadOptions::max_body_bytes`] (decompressed size too) and marked truncated; a malformed
//! record is an error item naming its offset (in the decompressed stream) and reading goes on
//! at the next `WARC/` line; an I/O error or a corrupt gzip stream ends the reading after an
//! error item. Nothing panics.
//!
//! The container is the `warc` crate's: its parser reads each record's header block and its
//! record type validates it (`WARC-Record-ID`, `WARC-Date`, `WARC-Type`), and its writer
//! serialises records. The framing around it is ours, because the crate's readers buffer
//! without bound (a header line or a body is read whole) and decode gzip only as one stream
//! from a path. HTTP heads are parsed by `httparse`.
//!
//! **Writing** ([`WarcWriter`]) records every exchange of a live run as a `request` and a
//! `response` record (`application/http`), each record its own gzip member, after a
//! `warcinfo` record. It writes to a temporary file beside the target and renames it into
//! place in [`WarcWriter::finish`], so an interrupted run never leaves a partial file under
//! the final name.
//!
//! [`Fetcher`]: crate::fetch::Fetcher

use crate::exchange::{DEFAULT_MAX_BODY_BYTES, Exchange, ExchangeRecorder};
use ::warc::{EmptyBody, RawRecordHeader, Record, RecordType, WarcHeader};
use govaudit_core::{HeaderField, Redirect, Resource};
use std::collections::{HashMap, VecDeque};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};
use url::Url;

/// Longest WARC record header block read.
pub const MAX_WARC_HEAD_BYTES: usize = 64 * 1024;
/// Longest HTTP message head read from a response record.
pub const MAX_HTTP_HEAD_BYTES: usize = 64 * 1024;
/// Most header lines in one HTTP head.
pub const MAX_HTTP_HEADERS: usize = 256;
/// Most redirects held while waiting for the response at their target; more are yielded on
/// their own at once.
pub const MAX_PENDING_REDIRECTS: usize = 1024;

/// What went wrong reading or writing a WARC file.
#[derive(Debug, thiserror::Error)]
pub enum WarcError {
    #[error("cannot open {path}: {source}")]
    Open { path: PathBuf, source: io::Error },
    /// One record is unusable; reading goes on with the next.
    #[error("WARC record at byte {offset}: {reason}")]
    Record { offset: u64, reason: String },
    /// The input cannot be read further (I/O error, corrupt gzip stream, cut off).
    #[error("WARC input unreadable at byte {offset}: {source}")]
    Read { offset: u64, source: io::Error },
    #[error("cannot write {path}: {source}")]
    Write { path: PathBuf, source: io::Error },
}

/// Limits of the reader.
#[derive(Debug, Clone)]
pub struct WarcReadOptions {
    /// Body bytes kept of one response (after decoding); the rest is skipped and the resource
    /// marked truncated. Default: the fetcher's default cap.
    pub max_body_bytes: usize,
}

impl Default for WarcReadOptions {
    fn default() -> Self {
        WarcReadOptions {
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
        }
    }
}

/// A response read from a WARC file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Archived {
    pub resource: Resource,
    /// The body is incomplete: over the cap, or the archive holds only part of it
    /// (`WARC-Truncated`, or a record shorter than its HTTP message).
    pub truncated: bool,
    /// Where the record starts, in bytes from the start of the (decompressed) input; for a
    /// folded redirect chain, the record of the final response.
    pub offset: u64,
}

/// A [`BufRead`] that counts the bytes consumed.
struct Counted<R> {
    inner: R,
    position: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.position += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counted<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amount: usize) {
        self.inner.consume(amount);
        self.position += amount as u64;
    }
}

/// Appends one line (through `\n`) to `line`, reading at most `limit` bytes; returns the bytes
/// read (0 at the end of input).
fn read_line_capped<R: BufRead>(
    input: &mut R,
    line: &mut Vec<u8>,
    limit: usize,
) -> io::Result<usize> {
    let mut total = 0;
    while total < limit {
        let available = input.fill_buf()?;
        if available.is_empty() {
            break;
        }
        let room = limit - total;
        let window = &available[..available.len().min(room)];
        let (taken, done) = match window.iter().position(|&b| b == b'\n') {
            Some(end) => (end + 1, true),
            None => (window.len(), false),
        };
        line.extend_from_slice(&window[..taken]);
        input.consume(taken);
        total += taken;
        if done {
            break;
        }
    }
    Ok(total)
}

fn is_blank(line: &[u8]) -> bool {
    line == b"\r\n" || line == b"\n"
}

/// A redirect chain waiting for the response at its target.
struct PendingChain {
    requested_url: String,
    redirects: Vec<Redirect>,
    fetched_at_ms: Option<u64>,
    /// The last redirect response, body dropped: yielded on its own if the target never comes.
    last: Resource,
    offset: u64,
}

/// Reads a WARC file record by record: an iterator of responses and per-record errors.
pub struct WarcReader {
    input: Counted<Box<dyn BufRead + Send>>,
    options: WarcReadOptions,
    /// A `WARC/` line found while skipping a broken record: the next record's first line.
    carried_line: Option<Vec<u8>>,
    /// Redirect chains by the URL they lead to.
    pending: HashMap<String, PendingChain>,
    /// Order the chains arrived in, for the end of input.
    pending_order: Vec<String>,
    ready: VecDeque<Result<Archived, WarcError>>,
    finished: bool,
    revisits_skipped: usize,
}

/// What one record turned out to be.
enum Step {
    Response(Archived),
    Skipped,
}

impl WarcReader {
    /// Reads WARC records from `input`, gzip-compressed or not (told by its first bytes).
    pub fn new<R: BufRead + Send + 'static>(input: R, options: WarcReadOptions) -> WarcReader {
        let mut input = input;
        let gzipped = matches!(input.fill_buf(), Ok([0x1f, 0x8b, ..]));
        let input: Box<dyn BufRead + Send> = if gzipped {
            // Member after member: a `.warc.gz` is one gzip member per record.
            Box::new(BufReader::new(flate2::bufread::MultiGzDecoder::new(input)))
        } else {
            Box::new(input)
        };
        WarcReader {
            input: Counted {
                inner: input,
                position: 0,
            },
            options,
            carried_line: None,
            pending: HashMap::new(),
            pending_order: Vec::new(),
            ready: VecDeque::new(),
            finished: false,
            revisits_skipped: 0,
        }
    }

    /// Opens a `.warc` or `.warc.gz` file.
    pub fn open(path: &Path, options: WarcReadOptions) -> Result<WarcReader, WarcError> {
        let file = std::fs::File::open(path).map_err(|source| WarcError::Open {
            path: path.to_owned(),
            source,
        })?;
        Ok(WarcReader::new(BufReader::new(file), options))
    }

    /// `revisit` records skipped so far.
    pub fn revisits_skipped(&self) -> usize {
        self.revisits_skipped
    }

    fn read_failed(&mut self, source: io::Error) -> WarcError {
        self.finished = true;
        WarcError::Read {
            offset: self.input.position,
            source,
        }
    }

    /// The next record's header block and its offset; `None` at the end of input.
    fn read_head(&mut self) -> Result<Option<(u64, Vec<u8>)>, WarcError> {
        let mut head = Vec::new();
        let mut offset = self.input.position;
        loop {
            let mut line = Vec::new();
            if let Some(carried) = self.carried_line.take() {
                offset = self.input.position - carried.len() as u64;
                line = carried;
            } else {
                let read = read_line_capped(&mut self.input, &mut line, MAX_WARC_HEAD_BYTES + 1)
                    .map_err(|e| self.read_failed(e))?;
                if read == 0 {
                    if head.is_empty() {
                        return Ok(None);
                    }
                    self.finished = true;
                    return Err(WarcError::Record {
                        offset,
                        reason: "the input ends inside the record header".into(),
                    });
                }
            }
            if head.is_empty() && is_blank(&line) {
                // The blank lines that end the previous record.
                offset = self.input.position;
                continue;
            }
            if head.is_empty() && !line.starts_with(b"WARC/") {
                self.resync();
                return Err(WarcError::Record {
                    offset,
                    reason: "no `WARC/` version line where a record should start".into(),
                });
            }
            let blank = is_blank(&line);
            head.extend_from_slice(&line);
            if head.len() > MAX_WARC_HEAD_BYTES {
                self.resync();
                return Err(WarcError::Record {
                    offset,
                    reason: format!("record header longer than {MAX_WARC_HEAD_BYTES} bytes"),
                });
            }
            if blank {
                return Ok(Some((offset, head)));
            }
        }
    }

    /// Skips to the next line that starts a record (`WARC/1.`), keeping it for `read_head`.
    fn resync(&mut self) {
        loop {
            let mut line = Vec::new();
            match read_line_capped(&mut self.input, &mut line, MAX_WARC_HEAD_BYTES) {
                Ok(0) => return,
                Ok(_) if line.starts_with(b"WARC/1.") => {
                    self.carried_line = Some(line);
                    return;
                }
                Ok(_) => {}
                Err(_) => {
                    self.finished = true;
                    return;
                }
            }
        }
    }

    /// Reads one record: its header, then its block (kept for responses, skipped otherwise).
    fn read_record(&mut self) -> Result<Option<Step>, WarcError> {
        let Some((offset, head)) = self.read_head()? else {
            return Ok(None);
        };
        let record_error = |reason: String| WarcError::Record { offset, reason };
        let (version, fields, length) = match ::warc::parser::headers(&head) {
            Ok((_, parsed)) => parsed,
            Err(_) => {
                self.resync();
                return Err(record_error("malformed record header".into()));
            }
        };
        // Read from the parsed fields, not `Record::header`, which panics on a value that is
        // not UTF-8.
        let field = |name: &str| {
            fields
                .iter()
                .find(|(field_name, _)| field_name.eq_ignore_ascii_case(name))
                .map(|(_, value)| String::from_utf8_lossy(value).into_owned())
        };
        let target_uri = field("WARC-Target-URI");
        let block_type = field("Content-Type");
        let raw = RawRecordHeader {
            version: version.to_owned(),
            headers: fields
                .into_iter()
                .map(|(name, value)| (WarcHeader::from(name), value.to_owned()))
                .collect(),
        };
        let length = length as u64;
        let record = Record::<EmptyBody>::try_from(raw);
        let is_http_response = record.as_ref().is_ok_and(|record| {
            *record.warc_type() == RecordType::Response
                && block_type.as_deref().is_none_or(|ct| {
                    ct.trim_start()
                        .to_ascii_lowercase()
                        .starts_with("application/http")
                })
        });
        if record
            .as_ref()
            .is_ok_and(|record| *record.warc_type() == RecordType::Revisit)
        {
            self.revisits_skipped += 1;
        }
        // The block: the start of a response kept, everything else skipped unread.
        let mut kept = Vec::new();
        let keep = MAX_HTTP_HEAD_BYTES.saturating_add(self.options.max_body_bytes) as u64;
        let skipped = {
            let input = &mut self.input;
            let mut read_block = || -> io::Result<u64> {
                let mut block = input.take(length);
                if is_http_response {
                    (&mut block).take(keep).read_to_end(&mut kept)?;
                }
                io::copy(&mut block, &mut io::sink())
            };
            read_block()
        };
        let skipped = skipped.map_err(|e| self.read_failed(e))?;
        let read = kept.len() as u64 + skipped;
        if read < length {
            self.finished = true;
            return Err(WarcError::Read {
                offset: self.input.position,
                source: io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    format!("the record at byte {offset} is cut off ({read} of {length} bytes)"),
                ),
            });
        }
        let record =
            record.map_err(|error| record_error(format!("invalid record header: {error}")))?;
        if !is_http_response {
            return Ok(Some(Step::Skipped));
        }
        let block_cut = (kept.len() as u64) < length || record.truncated_type().is_some();
        let uri = target_uri
            .map(|u| {
                u.trim()
                    .trim_start_matches('<')
                    .trim_end_matches('>')
                    .to_owned()
            })
            .ok_or_else(|| record_error("response record without WARC-Target-URI".into()))?;
        let fetched_at_ms = u64::try_from(record.date().timestamp_millis()).ok();
        let (resource, truncated) = http_response(&kept, block_cut, &uri, &self.options)
            .map_err(|reason| record_error(format!("{uri}: {reason}")))?;
        Ok(Some(Step::Response(Archived {
            resource: Resource {
                fetched_at_ms,
                ..resource
            },
            truncated,
            offset,
        })))
    }

    /// Folds a response into the redirect chain that leads to it, or holds it as a redirect.
    /// Returns what is ready to yield.
    fn chain(&mut self, archived: Archived) -> Option<Archived> {
        let url = archived.resource.requested_url.clone();
        let earlier = self.pending.remove(&url);
        if earlier.is_some() {
            self.pending_order.retain(|u| *u != url);
        }
        let Archived {
            mut resource,
            truncated,
            offset,
        } = archived;
        if let Some(chain) = earlier {
            resource.requested_url = chain.requested_url;
            resource.final_url = Some(url.clone());
            resource.redirects = chain.redirects;
            resource.fetched_at_ms = chain.fetched_at_ms;
        }
        if let Some(target) = redirect_target(&resource)
            && self.pending.len() < MAX_PENDING_REDIRECTS
            && !self.pending.contains_key(&target)
            && target != url
            && !resource.redirects.iter().any(|r| r.url == target)
        {
            let mut redirects = std::mem::take(&mut resource.redirects);
            redirects.push(Redirect {
                url: url.clone(),
                status: resource.status.unwrap_or(0),
            });
            let requested_url = resource.requested_url.clone();
            let fetched_at_ms = resource.fetched_at_ms;
            // The hop alone, as it would be yielded if nothing follows it.
            let mut last = resource;
            last.requested_url = url.clone();
            last.final_url = Some(url);
            last.body = Vec::new();
            self.pending_order.push(target.clone());
            self.pending.insert(
                target,
                PendingChain {
                    requested_url,
                    redirects,
                    fetched_at_ms,
                    last,
                    offset,
                },
            );
            return None;
        }
        Some(Archived {
            resource,
            truncated,
            offset,
        })
    }

    /// At the end of input: the redirects never followed, each on its own.
    fn flush_pending(&mut self) {
        for target in std::mem::take(&mut self.pending_order) {
            if let Some(chain) = self.pending.remove(&target) {
                let mut resource = chain.last;
                let mut redirects = chain.redirects;
                redirects.pop();
                if !redirects.is_empty() {
                    resource.requested_url = chain.requested_url;
                    resource.redirects = redirects;
                    resource.fetched_at_ms = chain.fetched_at_ms;
                }
                self.ready.push_back(Ok(Archived {
                    resource,
                    truncated: false,
                    offset: chain.offset,
                }));
            }
        }
    }
}

impl Iterator for WarcReader {
    type Item = Result<Archived, WarcError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.ready.pop_front() {
                return Some(item);
            }
            if self.finished {
                self.flush_pending();
                return self.ready.pop_front();
            }
            match self.read_record() {
                Ok(None) => self.finished = true,
                Ok(Some(Step::Skipped)) => {}
                Ok(Some(Step::Response(archived))) => {
                    if let Some(ready) = self.chain(archived) {
                        return Some(Ok(ready));
                    }
                }
                Err(error) => return Some(Err(error)),
            }
        }
    }
}

/// Where a redirect response leads (fragment dropped), if it is one.
fn redirect_target(resource: &Resource) -> Option<String> {
    if !resource.status.is_some_and(|s| (300..400).contains(&s)) {
        return None;
    }
    let location = resource.header_fields("location").next()?.value_text();
    let base = Url::parse(&resource.requested_url).ok()?;
    let mut target = base.join(location.trim()).ok()?;
    target.set_fragment(None);
    Some(target.to_string())
}

/// The URL as the reader keys it: parsed and serialised when it parses.
fn normal_url(uri: &str) -> String {
    Url::parse(uri).map_or_else(|_| uri.to_owned(), String::from)
}

/// A response record's HTTP message as a resource (no fetch time yet) and whether its body
/// is incomplete. `block_cut`: the record holds less than the whole message.
fn http_response(
    block: &[u8],
    block_cut: bool,
    uri: &str,
    options: &WarcReadOptions,
) -> Result<(Resource, bool), String> {
    let mut fields = [httparse::EMPTY_HEADER; MAX_HTTP_HEADERS];
    let mut response = httparse::Response::new(&mut fields);
    let head_length = match response.parse(block) {
        Ok(httparse::Status::Complete(length)) => length,
        Ok(httparse::Status::Partial) => return Err("the HTTP head is incomplete".into()),
        Err(error) => return Err(format!("malformed HTTP head: {error}")),
    };
    let status = response.code.ok_or("no HTTP status")?;
    let headers: Vec<HeaderField> = response
        .headers
        .iter()
        .map(|h| HeaderField::new(h.name, h.value))
        .collect();
    let payload = &block[head_length..];
    let cap = options.max_body_bytes;
    let mut truncated = block_cut;
    let chunked = headers
        .iter()
        .filter(|h| h.is_named("transfer-encoding"))
        .any(|h| h.value_text().to_ascii_lowercase().contains("chunked"));
    let mut body = if chunked {
        // No cap of its own: the payload is already bounded, and the cap is on the decoded
        // body (a compressed body is decoded below).
        let (body, complete) = dechunk(payload, usize::MAX)?;
        truncated |= !complete;
        body
    } else {
        payload.to_vec()
    };
    let codings: Vec<String> = headers
        .iter()
        .filter(|h| h.is_named("content-encoding"))
        .flat_map(|h| {
            h.value_text()
                .split(',')
                .map(|c| c.trim().to_ascii_lowercase())
                .collect::<Vec<_>>()
        })
        .filter(|c| !c.is_empty() && c != "identity")
        .collect();
    // Applied in order, so undone last first; an unknown coding stops the decoding there.
    for coding in codings.iter().rev() {
        let decoded = match decode(coding, &body, cap.saturating_add(1), truncated) {
            Some(decoded) => decoded?,
            None => break,
        };
        body = decoded;
    }
    if body.len() > cap {
        body.truncate(cap);
        truncated = true;
    }
    let url = normal_url(uri);
    let resource = Resource {
        final_url: Some(url.clone()),
        requested_url: url,
        status: Some(status),
        headers,
        body,
        ..Resource::default()
    };
    Ok((resource, truncated))
}

/// Undoes `Transfer-Encoding: chunked` (chunk sizes read by `httparse`), keeping at most
/// `limit` bytes. Returns the data and whether the last chunk was reached.
fn dechunk(mut payload: &[u8], limit: usize) -> Result<(Vec<u8>, bool), String> {
    let mut body = Vec::new();
    loop {
        let (size_line, size) = match httparse::parse_chunk_size(payload) {
            Ok(httparse::Status::Complete(parsed)) => parsed,
            // Cut off in a chunk-size line: the archive holds part of the body.
            Ok(httparse::Status::Partial) => return Ok((body, false)),
            Err(_) => return Err("malformed chunked body".into()),
        };
        if size == 0 {
            return Ok((body, true));
        }
        payload = &payload[size_line..];
        let size = usize::try_from(size).unwrap_or(usize::MAX);
        let available = size.min(payload.len());
        let room = limit.saturating_sub(body.len());
        body.extend_from_slice(&payload[..available.min(room)]);
        if available < size || body.len() >= limit {
            return Ok((body, false));
        }
        payload = &payload[available..];
        // The CRLF after the chunk data.
        payload = payload
            .strip_prefix(b"\r\n")
            .or_else(|| payload.strip_prefix(b"\n"))
            .unwrap_or(payload);
    }
}

/// Undoes one content coding, keeping at most `limit` bytes: `None` for a coding not known
/// here. A body cut short (`cut`) keeps what decodes before the cut.
fn decode(coding: &str, body: &[u8], limit: usize, cut: bool) -> Option<Result<Vec<u8>, String>> {
    let limit = limit as u64;
    let mut out = Vec::new();
    let result = match coding {
        "gzip" | "x-gzip" => flate2::read::MultiGzDecoder::new(body)
            .take(limit)
            .read_to_end(&mut out),
        "deflate" => {
            // The standard says zlib-wrapped; some servers send raw deflate.
            let zlib = flate2::read::ZlibDecoder::new(body)
                .take(limit)
                .read_to_end(&mut out);
            if zlib.is_err() && out.is_empty() {
                flate2::read::DeflateDecoder::new(body)
                    .take(limit)
                    .read_to_end(&mut out)
            } else {
                zlib
            }
        }
        "br" => brotli_decompressor::Decompressor::new(body, 4096)
            .take(limit)
            .read_to_end(&mut out),
        _ => return None,
    };
    Some(match result {
        Ok(_) => Ok(out),
        Err(_) if cut || out.len() as u64 >= limit => Ok(out),
        Err(error) => Err(format!("cannot decode the {coding} body: {error}")),
    })
}

/// Writes every exchange of a run as WARC 1.1 records, one gzip member each.
pub struct WarcWriter {
    path: PathBuf,
    state: Mutex<WriterState>,
}

struct WriterState {
    /// `None` once finished.
    file: Option<io::BufWriter<tempfile::NamedTempFile>>,
    /// The first write error: reported by `finish` (the recorder hook cannot fail a fetch).
    error: Option<io::Error>,
}

/// `2026-12-07T23:11:09.123Z`: WARC 1.1 allows fractions of a second.
fn warc_date(time: SystemTime) -> String {
    let since = time.duration_since(UNIX_EPOCH).unwrap_or_default();
    let millis = i64::try_from(since.as_millis()).unwrap_or(0);
    let seconds = millis.div_euclid(1000);
    let days = seconds.div_euclid(86_400);
    let of_day = seconds.rem_euclid(86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        of_day / 3600,
        of_day % 3600 / 60,
        of_day % 60,
        millis.rem_euclid(1000)
    )
}

impl WarcWriter {
    /// Starts a WARC file to become `path` on [`WarcWriter::finish`]; until then the records
    /// go to a temporary file in the same directory. Writes a `warcinfo` record first.
    pub fn create(path: &Path) -> Result<WarcWriter, WarcError> {
        let write_error = |source| WarcError::Write {
            path: path.to_owned(),
            source,
        };
        let directory = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        let file = tempfile::Builder::new()
            .prefix(".govaudit-warc-")
            .suffix(".part")
            .tempfile_in(directory)
            .map_err(write_error)?;
        let writer = WarcWriter {
            path: path.to_owned(),
            state: Mutex::new(WriterState {
                file: Some(io::BufWriter::new(file)),
                error: None,
            }),
        };
        let info = format!(
            "software: govaudit/{}\r\nformat: WARC File Format 1.1\r\nconformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n",
            env!("CARGO_PKG_VERSION")
        );
        let record = raw_record(
            RecordType::WarcInfo,
            SystemTime::now(),
            &[(WarcHeader::ContentType, "application/warc-fields".into())],
        );
        writer.append(&[(record, info.into_bytes())]);
        writer.take_error().map_err(write_error)?;
        Ok(writer)
    }

    /// Appends one exchange: its `request` record and its `response` record.
    pub fn write_exchange(&self, exchange: &Exchange<'_>) -> Result<(), WarcError> {
        let (request, response) = exchange_records(exchange);
        self.append(&[request, response]);
        self.take_error().map_err(|source| WarcError::Write {
            path: self.path.clone(),
            source,
        })
    }

    fn take_error(&self) -> Result<(), io::Error> {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.error.take().map_or(Ok(()), Err)
    }

    /// Writes records, each its own gzip member; the first error is kept.
    fn append(&self, records: &[(RawRecordHeader, Vec<u8>)]) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if state.error.is_some() {
            return;
        }
        let result = match state.file.as_mut() {
            None => Err(io::Error::other("the WARC file is already finished")),
            Some(file) => records.iter().try_for_each(|(header, body)| {
                let mut header = header.clone();
                header.headers.insert(
                    WarcHeader::ContentLength,
                    body.len().to_string().into_bytes(),
                );
                let mut serialised = Vec::with_capacity(body.len() + 512);
                ::warc::WarcWriter::new(&mut serialised).write_raw(header, body)?;
                let mut member =
                    flate2::write::GzEncoder::new(&mut *file, flate2::Compression::default());
                member.write_all(&serialised)?;
                member.finish().map(|_| ())
            }),
        };
        if let Err(error) = result {
            state.error = Some(error);
        }
    }

    /// Completes the file and renames it into place; returns the first error met while
    /// recording, if any (then the final name is not created).
    pub fn finish(&self) -> Result<PathBuf, WarcError> {
        let write_error = |source| WarcError::Write {
            path: self.path.clone(),
            source,
        };
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(error) = state.error.take() {
            state.file = None;
            return Err(write_error(error));
        }
        let file = state
            .file
            .take()
            .ok_or_else(|| write_error(io::Error::other("the WARC file is already finished")))?;
        let file = file.into_inner().map_err(|e| write_error(e.into_error()))?;
        file.as_file().sync_all().map_err(write_error)?;
        file.persist(&self.path).map_err(|e| write_error(e.error))?;
        Ok(self.path.clone())
    }
}

impl ExchangeRecorder for WarcWriter {
    fn record(&self, exchange: &Exchange<'_>) {
        let (request, response) = exchange_records(exchange);
        self.append(&[request, response]);
    }
}

/// A record header with a fresh id and the given fields (`Content-Length` is the writer's).
fn raw_record(
    kind: RecordType,
    date: SystemTime,
    fields: &[(WarcHeader, String)],
) -> RawRecordHeader {
    let mut headers = HashMap::new();
    headers.insert(WarcHeader::WarcType, kind.to_string().into_bytes());
    headers.insert(
        WarcHeader::RecordID,
        Record::<EmptyBody>::generate_record_id().into_bytes(),
    );
    headers.insert(WarcHeader::Date, warc_date(date).into_bytes());
    for (name, value) in fields {
        headers.insert(name.clone(), value.clone().into_bytes());
    }
    RawRecordHeader {
        version: "1.1".into(),
        headers,
    }
}

/// The `request` and `response` records of one exchange (each with its block).
fn exchange_records(
    exchange: &Exchange<'_>,
) -> ((RawRecordHeader, Vec<u8>), (RawRecordHeader, Vec<u8>)) {
    let target = Url::parse(exchange.url).ok();
    let request_target = target.as_ref().map_or_else(
        || exchange.url.to_owned(),
        |u| match u.query() {
            Some(query) => format!("{}?{query}", u.path()),
            None => u.path().to_owned(),
        },
    );
    let mut request_block =
        format!("{} {request_target} HTTP/1.1\r\n", exchange.method).into_bytes();
    push_header_lines(&mut request_block, exchange.request_headers);
    let mut response_block =
        format!("HTTP/1.1 {} {}\r\n", exchange.status, exchange.reason).into_bytes();
    push_header_lines(&mut response_block, exchange.response_headers);
    let chunked = exchange
        .response_headers
        .iter()
        .filter(|h| h.is_named("transfer-encoding"))
        .any(|h| h.value_text().to_ascii_lowercase().contains("chunked"));
    if chunked && !exchange.body.is_empty() {
        // The body was read de-chunked; one chunk keeps the message true to its headers.
        response_block.extend_from_slice(format!("{:x}\r\n", exchange.body.len()).as_bytes());
        response_block.extend_from_slice(exchange.body);
        response_block.extend_from_slice(b"\r\n0\r\n\r\n");
    } else if chunked {
        response_block.extend_from_slice(b"0\r\n\r\n");
    } else {
        response_block.extend_from_slice(exchange.body);
    }
    let mut response_fields = vec![
        (WarcHeader::TargetURI, exchange.url.to_owned()),
        (
            WarcHeader::ContentType,
            "application/http; msgtype=response".to_owned(),
        ),
    ];
    if exchange.truncated {
        response_fields.push((WarcHeader::Truncated, "length".to_owned()));
    }
    let response = raw_record(RecordType::Response, exchange.started, &response_fields);
    let response_id = response
        .headers
        .get(&WarcHeader::RecordID)
        .map(|id| String::from_utf8_lossy(id).into_owned())
        .unwrap_or_default();
    let request = raw_record(
        RecordType::Request,
        exchange.started,
        &[
            (WarcHeader::TargetURI, exchange.url.to_owned()),
            (
                WarcHeader::ContentType,
                "application/http; msgtype=request".to_owned(),
            ),
            (WarcHeader::ConcurrentTo, response_id),
        ],
    );
    ((request, request_block), (response, response_block))
}

fn push_header_lines(block: &mut Vec<u8>, lines: &[HeaderField]) {
    for line in lines {
        block.extend_from_slice(line.name.as_bytes());
        block.extend_from_slice(b": ");
        block.extend_from_slice(&line.value);
        block.extend_from_slice(b"\r\n");
    }
    block.extend_from_slice(b"\r\n");
}
