//! The loopback server over TLS, with a self-signed certificate for `127.0.0.1` and `localhost`
//! generated at start: clients that verify certificates refuse it. Include next to
//! `loopback.rs` (it uses `super::loopback`).

#![allow(dead_code)]

use super::loopback::{Routes, Server, start_with};
use std::sync::Arc;
use std::time::Duration;

pub async fn start_tls(routes: Routes) -> Server {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let certified =
        rcgen::generate_simple_self_signed(vec!["127.0.0.1".to_owned(), "localhost".to_owned()])
            .unwrap();
    let key = rustls::pki_types::PrivateKeyDer::Pkcs8(certified.signing_key.serialize_der().into());
    let config = rustls::ServerConfig::builder()
        .with_no_client_auth()
        .with_single_cert(vec![certified.cert.der().clone()], key)
        .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    start_with(routes, "https", move |socket| {
        let acceptor = acceptor.clone();
        async move {
            // A client refusing the certificate ends the handshake: nothing to answer.
            tokio::time::timeout(Duration::from_secs(5), acceptor.accept(socket))
                .await
                .ok()?
                .ok()
        }
    })
    .await
}
