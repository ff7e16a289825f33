//! A tiny HTTP/1.1 server on 127.0.0.1 for tests: one request per connection, routes given as
//! a function. Only loopback traffic; every read and write is bounded. `loopback_tls.rs` serves
//! the same over TLS. Also included by govaudit-links' and the workspace's end-to-end tests.

#![allow(dead_code)]

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// A request as the routes see it.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    pub path: String,
    pub user_agent: String,
    /// Every request header line after the request line, as sent.
    pub headers: Vec<(String, String)>,
    /// How many times this path was requested before, this one excluded.
    pub earlier_hits: usize,
}

/// What a route answers.
#[derive(Debug, Clone, Default)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Wait before answering.
    pub delay: Duration,
    /// Stream this many bytes of body instead of `body` (a huge response).
    pub stream_bytes: usize,
    /// Wait between the head (sent at once) and the body: a slow body.
    pub body_delay: Duration,
}

impl Reply {
    pub fn status(status: u16) -> Reply {
        Reply {
            status,
            ..Reply::default()
        }
    }
    pub fn html(status: u16, body: &str) -> Reply {
        Reply {
            status,
            headers: vec![("Content-Type".into(), "text/html; charset=utf-8".into())],
            body: body.as_bytes().to_vec(),
            ..Reply::default()
        }
    }
    pub fn redirect(status: u16, location: &str) -> Reply {
        Reply {
            status,
            headers: vec![("Location".into(), location.into())],
            ..Reply::default()
        }
    }
    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.into(), value.into()));
        self
    }
}

pub type Routes = Arc<dyn Fn(&Request) -> Reply + Send + Sync>;

pub struct Server {
    /// `http://127.0.0.1:PORT` (`https://` from `start_tls`)
    pub base: String,
    pub log: Arc<Mutex<Vec<Request>>>,
}

impl Server {
    /// Requests seen for `path`.
    pub fn hits(&self, path: &str) -> Vec<Request> {
        self.log
            .lock()
            .unwrap()
            .iter()
            .filter(|r| r.path == path)
            .cloned()
            .collect()
    }
}

pub async fn start(routes: Routes) -> Server {
    start_with(routes, "http", |socket| async move { Some(socket) }).await
}

/// As [`start`], with each accepted connection turned into the stream to talk over by `wrap`
/// (`None`: drop the connection): how `loopback_tls.rs` adds TLS. `scheme` names it in `base`.
pub async fn start_with<W, F, S>(routes: Routes, scheme: &str, wrap: W) -> Server
where
    W: Fn(TcpStream) -> F + Send + Sync + 'static,
    F: Future<Output = Option<S>> + Send + 'static,
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("{scheme}://{}", listener.local_addr().unwrap());
    let log: Arc<Mutex<Vec<Request>>> = Arc::default();
    let counts: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
    let server_log = log.clone();
    tokio::spawn(async move {
        loop {
            let Ok((socket, _)) = listener.accept().await else {
                return;
            };
            let routes = routes.clone();
            let log = server_log.clone();
            let counts = counts.clone();
            let stream = wrap(socket);
            tokio::spawn(async move {
                if let Some(stream) = stream.await {
                    answer(stream, routes, log, counts).await;
                }
            });
        }
    });
    Server { base, log }
}

/// Reads one request from `socket` and answers it.
async fn answer<S: AsyncRead + AsyncWrite + Unpin>(
    mut socket: S,
    routes: Routes,
    log: Arc<Mutex<Vec<Request>>>,
    counts: Arc<Mutex<HashMap<String, usize>>>,
) {
    let mut buffer = Vec::new();
    let mut chunk = [0u8; 4096];
    while !buffer.windows(4).any(|w| w == b"\r\n\r\n")
        && buffer.len() < 65536
        && buffer.first() != Some(&0x16)
    {
        match tokio::time::timeout(Duration::from_secs(5), socket.read(&mut chunk)).await {
            Ok(Ok(n)) if n > 0 => buffer.extend_from_slice(&chunk[..n]),
            _ => return,
        }
    }
    // A TLS ClientHello (record type 22) to a plain server: answer 400 at once, as real
    // servers do, instead of waiting for a request head that never comes.
    if buffer.first() == Some(&0x16) {
        let _ = socket
            .write_all(b"HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n")
            .await;
        return;
    }
    let head = String::from_utf8_lossy(&buffer).into_owned();
    let mut lines = head.split("\r\n\r\n").next().unwrap_or("").lines();
    let mut first = lines.next().unwrap_or("").split(' ');
    let method = first.next().unwrap_or("").to_owned();
    let path = first.next().unwrap_or("").to_owned();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let user_agent = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("user-agent"))
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let earlier_hits = {
        let mut counts = counts.lock().unwrap();
        let n = counts.entry(path.clone()).or_insert(0);
        *n += 1;
        *n - 1
    };
    let request = Request {
        method,
        path,
        user_agent,
        headers,
        earlier_hits,
    };
    log.lock().unwrap().push(request.clone());
    let reply = routes(&request);
    if !reply.delay.is_zero() {
        tokio::time::sleep(reply.delay).await;
    }
    let length = if reply.stream_bytes > 0 {
        reply.stream_bytes
    } else {
        reply.body.len()
    };
    let mut out = format!(
        "HTTP/1.1 {} X\r\nContent-Length: {length}\r\nConnection: close\r\n",
        reply.status
    );
    for (name, value) in &reply.headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str("\r\n");
    if socket.write_all(out.as_bytes()).await.is_err() || request.method == "HEAD" {
        return;
    }
    if !reply.body_delay.is_zero() {
        let _ = socket.flush().await;
        tokio::time::sleep(reply.body_delay).await;
    }
    if reply.stream_bytes > 0 {
        let block = vec![b'x'; 65536];
        let mut left = reply.stream_bytes;
        while left > 0 {
            let n = left.min(block.len());
            if socket.write_all(&block[..n]).await.is_err() {
                return;
            }
            left -= n;
        }
    } else {
        let _ = socket.write_all(&reply.body).await;
    }
    let _ = socket.shutdown().await;
}
