-- Electricity tariffs, market price series and each miner's daily profit.

-- A tariff is operator configuration kept as a JSON document (io.hashdesk.core.energy.TariffJson), so a new kind
-- of tariff needs no migration. At most one tariff is active: the partial unique index allows one row with
-- active = 1 and any number with 0.
CREATE TABLE tariff (
    name     TEXT    PRIMARY KEY,
    document TEXT    NOT NULL,
    active   INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1))
);
CREATE UNIQUE INDEX tariff_one_active ON tariff (active) WHERE active = 1;

-- A market price series (day-ahead prices): its currency and how long each point lasts.
CREATE TABLE price_series (
    name       TEXT    PRIMARY KEY,
    currency   TEXT    NOT NULL,
    interval_s INTEGER NOT NULL
);

-- One price per interval start (epoch milliseconds, UTC), read by time range.
CREATE TABLE price_point (
    series        TEXT    NOT NULL REFERENCES price_series (name) ON DELETE CASCADE,
    start_ms      INTEGER NOT NULL,
    price_per_kwh REAL    NOT NULL,
    PRIMARY KEY (series, start_ms)
) WITHOUT ROWID;

-- A miner's figures for one local day at its site, by the miner's compact num like telemetry (a fleet of 10,000
-- writes 3.65 M rows a year). day is the epoch day of the local date. Money is in currency, the tariff's, except
-- revenue_usd.
CREATE TABLE miner_profit_day (
    miner_num    INTEGER NOT NULL REFERENCES miner (num),
    day          INTEGER NOT NULL,
    currency     TEXT    NOT NULL,
    hashrate_ths REAL    NOT NULL,
    power_watts  REAL    NOT NULL,
    energy_kwh   REAL    NOT NULL,
    revenue_usd  REAL    NOT NULL,
    revenue      REAL    NOT NULL,
    energy_cost  REAL    NOT NULL,
    PRIMARY KEY (miner_num, day)
) WITHOUT ROWID;
