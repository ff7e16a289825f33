pub mod loopback;
pub mod loopback_tls;
