//! One HTTP exchange as it happened (a request sent and the response read), and the hook that
//! sees every exchange of a live run: [`Fetcher::with_recorder`](crate::fetch::Fetcher::with_recorder)
//! calls it for every hop, redirects included, and
//! [`WarcWriter`](crate::warc::WarcWriter) implements it to archive a run.

use govaudit_core::HeaderField;
use std::time::SystemTime;

/// Body bytes read of one response unless configured otherwise: the fetcher's
/// [`max_body_bytes`](crate::fetch::FetchOptions::max_body_bytes) and the WARC reader's cap.
pub const DEFAULT_MAX_BODY_BYTES: usize = 4 * 1024 * 1024;

/// One request and its response (one hop of a redirect chain).
#[derive(Debug, Clone, Copy)]
pub struct Exchange<'a> {
    /// `GET`, `HEAD`, `OPTIONS`.
    pub method: &'a str,
    /// The URL requested (no fragment).
    pub url: &'a str,
    /// The request header lines sent, `Host` first.
    pub request_headers: &'a [HeaderField],
    /// When the request started.
    pub started: SystemTime,
    pub status: u16,
    /// The status line's reason phrase (`OK`; empty when unknown).
    pub reason: &'a str,
    /// The response header lines as the client handed them over.
    pub response_headers: &'a [HeaderField],
    /// The body as read: empty for `HEAD`, `OPTIONS` and redirect responses (their bodies are
    /// not read), de-chunked, never decompressed (no `Accept-Encoding` is sent).
    pub body: &'a [u8],
    /// The body was cut at the byte cap.
    pub truncated: bool,
}

/// Sees every exchange of a live run. Called from the fetcher's tasks: it must be cheap or
/// buffered, and it cannot fail the fetch (a recorder keeps its own errors to report later).
pub trait ExchangeRecorder: Send + Sync {
    fn record(&self, exchange: &Exchange<'_>);
}
