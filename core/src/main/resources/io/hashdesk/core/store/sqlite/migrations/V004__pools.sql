-- The farm's pools and each miner's pool plan (up to three pools, priority 0 first). A plan refers to the miner by
-- its text id: plans are operator configuration, few and rarely written, and survive a miner being re-added.
CREATE TABLE pool (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    host          TEXT NOT NULL,
    port          INTEGER,
    coin          TEXT NOT NULL,
    fee_percent   REAL NOT NULL,
    payout_scheme TEXT NOT NULL
);

CREATE TABLE miner_pool (
    miner_id TEXT    NOT NULL,
    priority INTEGER NOT NULL CHECK (priority BETWEEN 0 AND 2),
    pool_id  TEXT    NOT NULL REFERENCES pool (id),
    worker   TEXT    NOT NULL,
    PRIMARY KEY (miner_id, priority)
);

CREATE INDEX miner_pool_by_pool ON miner_pool (pool_id);
