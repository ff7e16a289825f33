//! What can go wrong in the monitor.

/// Why a monitor command could not do its work. A site that cannot be audited is not an error:
/// its run is stored as `failed` with the reason.
#[derive(Debug, thiserror::Error)]
pub enum MonitorError {
    #[error("cannot read {path}: {reason}")]
    Read { path: String, reason: String },
    #[error("{path}: {reason}")]
    Sites { path: String, reason: String },
    #[error("{0:?} is not a time: {1}")]
    Time(String, String),
    #[error("the store: {0}")]
    Store(#[from] sqlx::Error),
    #[error("the store's migrations: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("{0}")]
    Url(String),
    #[error(
        "another `monitor run` holds the store's lock ({holder}) until {until}; try again later"
    )]
    Locked { holder: String, until: String },
    #[error("{0} needs PostgreSQL (--db postgres://...)")]
    NeedsPostgres(&'static str),
    #[error("no site named {0:?} in the store")]
    UnknownSite(String),
    #[error("cannot write {path}: {reason}")]
    Write { path: String, reason: String },
    #[error("stored data is not valid JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("injected failure: {0}")]
    Injected(&'static str),
}
