-- Version 1: sites, runs (one per site and slot), findings, probes, and named locks.
-- Times are Unix seconds (UTC). JSON columns hold text.
CREATE TABLE sites (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    url TEXT NOT NULL,
    host TEXT NOT NULL,
    config TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    slot INTEGER NOT NULL,
    as_of INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
    worker TEXT,
    lease_until INTEGER,
    attempts INTEGER NOT NULL DEFAULT 0,
    queued_at INTEGER NOT NULL,
    started_at INTEGER,
    finished_at INTEGER,
    pages INTEGER,
    error TEXT,
    scores TEXT,
    availability TEXT,
    sections TEXT,
    warc_path TEXT,
    UNIQUE (site_id, slot)
);
CREATE INDEX runs_due ON runs (state, slot, id);
CREATE INDEX runs_site_as_of ON runs (site_id, as_of);

CREATE TABLE findings (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    fingerprint TEXT NOT NULL,
    rule TEXT NOT NULL,
    severity TEXT NOT NULL,
    url TEXT NOT NULL,
    finding TEXT NOT NULL
);
CREATE INDEX findings_run ON findings (run_id, fingerprint);
CREATE INDEX findings_fingerprint ON findings (fingerprint);

CREATE TABLE probes (
    id INTEGER PRIMARY KEY,
    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    url TEXT NOT NULL,
    status INTEGER,
    ttfb_ms INTEGER,
    total_ms INTEGER,
    ok INTEGER NOT NULL,
    error TEXT
);
CREATE INDEX probes_site_at ON probes (site_id, at);

CREATE TABLE locks (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);
