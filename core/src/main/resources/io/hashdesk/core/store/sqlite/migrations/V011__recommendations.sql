-- The recommendation engine's advice, the operator's feedback on it, measured outcomes and work orders.
-- A recommendation's id is stable for the same advice, so a pass updates its live row (OPEN, SNOOZED, ACCEPTED; at
-- most one per id) instead of adding one; advice that comes back after it was closed gets a new row and the old one
-- stays as history. The payload is the whole recommendation as JSON; the columns beside it are what lists filter and
-- sort on. Miners are referred to by their text id so history outlives a removed miner. Times are epoch milliseconds.
CREATE TABLE recommendation (
    row_id              INTEGER PRIMARY KEY,
    id                  TEXT    NOT NULL,
    type                TEXT    NOT NULL,
    room_id             TEXT,
    urgency             INTEGER NOT NULL,
    rank_score          REAL    NOT NULL,
    status              TEXT    NOT NULL CHECK (status IN ('OPEN', 'SNOOZED', 'ACCEPTED', 'APPLIED', 'DISMISSED',
                                                           'SUPERSEDED', 'EXPIRED')),
    first_advised_at_ms INTEGER NOT NULL,
    expires_at_ms       INTEGER NOT NULL,
    status_at_ms        INTEGER NOT NULL,
    status_by           TEXT,
    dismiss_reason      TEXT,
    snoozed_until_ms    INTEGER,
    action_id           TEXT,
    applied_at_ms       INTEGER,
    payload             TEXT    NOT NULL,
    CHECK ((status = 'SNOOZED') = (snoozed_until_ms IS NOT NULL)),
    CHECK ((status = 'APPLIED') = (applied_at_ms IS NOT NULL))
);
CREATE UNIQUE INDEX recommendation_live ON recommendation (id) WHERE status IN ('OPEN', 'SNOOZED', 'ACCEPTED');
CREATE INDEX recommendation_by_status ON recommendation (status, rank_score DESC);

-- Which miners each row targets: the cooldowns per miner and type read this.
CREATE TABLE recommendation_miner (
    row_id   INTEGER NOT NULL REFERENCES recommendation (row_id) ON DELETE CASCADE,
    miner_id TEXT    NOT NULL,
    PRIMARY KEY (row_id, miner_id)
) WITHOUT ROWID;
CREATE INDEX recommendation_miner_by_miner ON recommendation_miner (miner_id);

-- One measured outcome per action that applied a recommendation, beside the impact it predicted (JSON).
CREATE TABLE recommendation_outcome (
    action_id             TEXT    PRIMARY KEY,
    recommendation_id     TEXT    NOT NULL,
    type                  TEXT    NOT NULL,
    change_finished_at_ms INTEGER NOT NULL,
    measured_at_ms        INTEGER NOT NULL,
    treated_miners        INTEGER NOT NULL,
    control_miners        INTEGER NOT NULL,
    hashrate_ths          REAL,
    power_watts           REAL,
    efficiency_j_per_th   REAL,
    profit_usd_per_day    REAL,
    predicted             TEXT    NOT NULL,
    inside                INTEGER CHECK (inside IN (0, 1)),
    headline              TEXT,
    summary               TEXT    NOT NULL
);
CREATE INDEX recommendation_outcome_by_time ON recommendation_outcome (measured_at_ms);

-- A technician's job from an accepted MAINTENANCE recommendation. Lists are JSON arrays of text.
CREATE TABLE work_order (
    id                INTEGER PRIMARY KEY,
    recommendation_id TEXT    NOT NULL,
    title             TEXT    NOT NULL,
    miners            TEXT    NOT NULL,
    steps             TEXT    NOT NULL,
    parts             TEXT    NOT NULL,
    opened_by         TEXT    NOT NULL,
    opened_at_ms      INTEGER NOT NULL,
    closed_by         TEXT,
    closed_at_ms      INTEGER,
    work_done         TEXT,
    parts_used        TEXT    NOT NULL DEFAULT '[]',
    CHECK ((closed_at_ms IS NULL) = (closed_by IS NULL))
);
CREATE INDEX work_order_open ON work_order (opened_at_ms) WHERE closed_at_ms IS NULL;
