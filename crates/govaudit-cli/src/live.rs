//! What every command that goes to a live site shares: the request options people set on the
//! command line (one definition, flattened into each command's arguments) and the async runtime
//! the fetches run on.

use anyhow::{Context as _, bail};
use govaudit_site::fetch::FetchOptions;
use std::time::Duration;

/// `--timeout`, `--user-agent`, `--allow-private`.
#[derive(Debug, Clone, clap::Args)]
pub struct LiveArgs {
    /// Seconds allowed for one request.
    #[arg(long, default_value_t = 20.0, value_name = "S")]
    pub timeout: f64,
    /// The User-Agent sent with every request.
    #[arg(long, value_name = "TEXT")]
    pub user_agent: Option<String>,
    /// Allow requests to loopback, private and other non-public addresses.
    #[arg(long)]
    pub allow_private: bool,
}

impl LiveArgs {
    /// Sets these options on `fetch` (the connect timeout is the timeout, at most 10 s).
    pub fn apply(&self, fetch: &mut FetchOptions) -> anyhow::Result<()> {
        if !(self.timeout > 0.0 && self.timeout.is_finite()) {
            bail!("--timeout must be a positive number of seconds");
        }
        if let Some(agent) = &self.user_agent {
            fetch.user_agent = agent.clone();
        }
        fetch.allow_private = self.allow_private;
        fetch.timeout = Duration::from_secs_f64(self.timeout);
        fetch.connect_timeout = fetch.timeout.min(Duration::from_secs(10));
        Ok(())
    }
}

/// A multi-threaded runtime with I/O and timers.
pub fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")
}
