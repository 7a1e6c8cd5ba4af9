-- Market figures per coin as each source reported them: a provider (coingecko, whattomine), 'manual' entry or
-- 'csv:<file>' import. Any figure may be NULL (a price-only source); "latest per coin" takes each field from the
-- newest row that has it, so the index leads with the coin and then the time. One row per coin, time and source:
-- importing a file again, or correcting a manual entry, replaces the row instead of adding a duplicate.
CREATE TABLE market_snapshot (
    id                   INTEGER PRIMARY KEY,
    coin                 TEXT    NOT NULL,
    fetched_at_ms        INTEGER NOT NULL,
    source               TEXT    NOT NULL,
    price_usd            REAL,
    network_difficulty   REAL,
    network_hashrate_hps REAL,
    block_reward_coins   REAL,
    fees_per_block_coins REAL
);
CREATE UNIQUE INDEX market_snapshot_coin_time ON market_snapshot (coin, fetched_at_ms, source);

-- The last good raw reply per provider request, so a restart without network still has the last reply to show.
-- The request key never contains a secret such as an API key.
CREATE TABLE provider_reply_cache (
    provider      TEXT    NOT NULL,
    request_key   TEXT    NOT NULL,
    fetched_at_ms INTEGER NOT NULL,
    body          TEXT    NOT NULL,
    PRIMARY KEY (provider, request_key)
) WITHOUT ROWID;
