-- Inventory: sites, rooms, miners. Telemetry refers to a miner by its compact integer num, not its text id,
-- because the id would be repeated in millions of rows.
CREATE TABLE site (
    id        TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    time_zone TEXT NOT NULL
);

CREATE TABLE room (
    id      TEXT PRIMARY KEY,
    site_id TEXT NOT NULL REFERENCES site (id),
    name    TEXT NOT NULL
);

CREATE TABLE miner (
    num             INTEGER PRIMARY KEY,
    id              TEXT    NOT NULL UNIQUE,
    site_id         TEXT    NOT NULL REFERENCES site (id),
    room_id         TEXT    NOT NULL REFERENCES room (id),
    rack            TEXT    NOT NULL,
    shelf           INTEGER NOT NULL,
    slot            INTEGER NOT NULL,
    host            TEXT    NOT NULL,
    http_port       INTEGER NOT NULL,
    rpc_port        INTEGER NOT NULL,
    model_id        TEXT    NOT NULL,
    firmware        TEXT    NOT NULL,
    credentials_ref TEXT,
    -- removed miners keep their num so their history stays attributable until retention deletes it
    removed         INTEGER NOT NULL DEFAULT 0
);

-- Snapshots not yet rolled up (normally the current hour), one row each, encoded by SnapshotCodec. Keyed by
-- time first: a poll cycle then appends to a few pages instead of touching one page per miner, which is what
-- makes ingestion fast; per-miner reads scan the short recent window.
CREATE TABLE telemetry_recent (
    ts_ms     INTEGER NOT NULL,
    miner_num INTEGER NOT NULL,
    snapshot  BLOB    NOT NULL,
    PRIMARY KEY (ts_ms, miner_num)
) WITHOUT ROWID;

-- The newest rolled-up snapshot of each miner, written by maintenance as it empties telemetry_recent, so the
-- latest state survives a restart whatever the retention; the newer ones are in telemetry_recent.
CREATE TABLE telemetry_latest (
    miner_num INTEGER PRIMARY KEY,
    ts_ms     INTEGER NOT NULL,
    snapshot  BLOB    NOT NULL
);

-- History in compressed column chunks (ChunkCodec): tier 0 raw snapshots per hour, tier 1 five-minute
-- buckets per 6 hours, tier 2 one-hour buckets per 3 days. A rowid table keeps blobs up to ~4 KB inside
-- the leaf pages instead of overflow pages.
CREATE TABLE telemetry_chunk (
    miner_num INTEGER NOT NULL,
    tier      INTEGER NOT NULL,
    start_ms  INTEGER NOT NULL,
    entries   INTEGER NOT NULL,
    payload   BLOB    NOT NULL
);
CREATE UNIQUE INDEX telemetry_chunk_key ON telemetry_chunk (miner_num, tier, start_ms);

-- Preset names and pool URLs, stored once and referred to by id from the chunks.
CREATE TABLE label (
    id   INTEGER PRIMARY KEY,
    text TEXT NOT NULL UNIQUE
);

-- How far each miner's history is rolled up: every hour before hourly_until_ms is in chunks (tiers 0 and 1),
-- every day before daily_until_ms also in tier 2. Snapshots older than either are refused at ingestion,
-- because the hour they belong to is closed.
CREATE TABLE telemetry_progress (
    miner_num      INTEGER PRIMARY KEY,
    hourly_until_ms INTEGER NOT NULL DEFAULT 0,
    daily_until_ms  INTEGER NOT NULL DEFAULT 0
);
