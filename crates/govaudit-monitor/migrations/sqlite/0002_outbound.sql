-- Version 2: the external link targets of each finished run (issue 13, item 4): the URL as
-- linked, where it ended after redirects, its page's title, and the first page that links to
-- it. The next run of the site compares its targets with these (content/outbound-drift).
-- known_*: when this run reported a change, the target as it was before; the next run
-- compares with that instead, so the change is reported until the link is fixed or the
-- target is what it was.
CREATE TABLE outbound_targets (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    final_url TEXT NOT NULL,
    final_host TEXT NOT NULL,
    title TEXT,
    page TEXT NOT NULL,
    line INTEGER,
    selector TEXT,
    known_final_url TEXT,
    known_final_host TEXT,
    known_title TEXT
);
CREATE INDEX outbound_targets_run ON outbound_targets (run_id, url);
