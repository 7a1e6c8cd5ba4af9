-- The farm's alerts. At most one alert per miner and kind is open (cleared_at_ms IS NULL) at a time: raising it again
-- while open only moves last_seen_at_ms. The miner is referred to by its text id so that an alert's history outlives
-- the miner being removed. Times are epoch milliseconds.
CREATE TABLE alert (
    id                 INTEGER PRIMARY KEY,
    miner_id           TEXT    NOT NULL,
    kind               INTEGER NOT NULL,
    severity           TEXT    NOT NULL,
    raised_at_ms       INTEGER NOT NULL,
    last_seen_at_ms    INTEGER NOT NULL,
    cleared_at_ms      INTEGER,
    message            TEXT    NOT NULL,
    acknowledged_by    TEXT,
    acknowledged_at_ms INTEGER,
    CHECK ((acknowledged_by IS NULL) = (acknowledged_at_ms IS NULL))
);
CREATE UNIQUE INDEX alert_open_per_miner_kind ON alert (miner_id, kind) WHERE cleared_at_ms IS NULL;
CREATE INDEX alert_cleared ON alert (cleared_at_ms) WHERE cleared_at_ms IS NOT NULL;
