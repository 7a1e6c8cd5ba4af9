-- Room sensors and power meters read over serial (Modbus RTU). A sensor is referred to by its compact num in the
-- series tables; its placement is the latest the operator configured.
CREATE TABLE sensor (
    num      INTEGER PRIMARY KEY,
    id       TEXT NOT NULL UNIQUE,
    room_id  TEXT NOT NULL,
    rack     TEXT,
    position TEXT NOT NULL
);

-- Every measured value, one row per sensor, quantity and read; kept for the raw retention. Keyed by sensor first:
-- sensors are few and every query asks for one sensor's (or a room's) range.
CREATE TABLE sensor_sample (
    sensor_num INTEGER NOT NULL,
    quantity   TEXT    NOT NULL,
    ts_ms      INTEGER NOT NULL,
    value      REAL    NOT NULL,
    PRIMARY KEY (sensor_num, quantity, ts_ms)
) WITHOUT ROWID;

-- Rollups of closed hours: tier 1 five-minute buckets, tier 2 one-hour buckets (as telemetry's tiers).
CREATE TABLE sensor_rollup (
    sensor_num INTEGER NOT NULL,
    quantity   TEXT    NOT NULL,
    tier       INTEGER NOT NULL,
    start_ms   INTEGER NOT NULL,
    samples    INTEGER NOT NULL,
    min_value  REAL    NOT NULL,
    mean_value REAL    NOT NULL,
    max_value  REAL    NOT NULL,
    PRIMARY KEY (sensor_num, quantity, tier, start_ms)
) WITHOUT ROWID;

-- Every hour before rolled_until_ms is in sensor_rollup; samples older than that are refused at ingestion,
-- because the hour they belong to is closed. One row.
CREATE TABLE sensor_progress (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    rolled_until_ms INTEGER NOT NULL
);
INSERT INTO sensor_progress (id, rolled_until_ms) VALUES (1, 0);

-- How each sensor's last read went (also failures, which have no samples), for the settings and overview screens.
CREATE TABLE sensor_latest (
    sensor_num INTEGER PRIMARY KEY,
    ts_ms      INTEGER NOT NULL,
    status     TEXT    NOT NULL,
    detail     TEXT    NOT NULL,
    sample_values TEXT NOT NULL
);
