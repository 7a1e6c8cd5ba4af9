-- The action executor's write-ahead journal and the audit trail of every write to a miner. Miners are referred to by
-- their text id so the history outlives a removed miner. Settings are JSON without pool passwords; the firmware
-- backup and the settings read before the first write (which hold them) are AES-GCM sealed with the vault key, which
-- lives outside this file. Times are epoch milliseconds.
CREATE TABLE action (
    id                   TEXT    PRIMARY KEY,
    title                TEXT    NOT NULL,
    requested_by         TEXT    NOT NULL,
    recommendation_id    TEXT,
    rolls_back_action_id TEXT,
    created_at_ms        INTEGER NOT NULL,
    state                TEXT    NOT NULL,
    finished_at_ms       INTEGER,
    message              TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX action_created ON action (created_at_ms);
CREATE INDEX action_unfinished ON action (created_at_ms) WHERE finished_at_ms IS NULL;

CREATE TABLE action_miner (
    action_id             TEXT    NOT NULL REFERENCES action (id),
    miner_id              TEXT    NOT NULL,
    position              INTEGER NOT NULL,
    model_id              TEXT    NOT NULL,
    room_id               TEXT    NOT NULL,
    wave                  INTEGER,
    from_json             TEXT    NOT NULL,
    to_json               TEXT    NOT NULL,
    steps_json            TEXT    NOT NULL,
    refusals_json         TEXT    NOT NULL,
    state                 TEXT    NOT NULL,
    step_reached          INTEGER NOT NULL DEFAULT 0,
    message               TEXT    NOT NULL DEFAULT '',
    before_json           TEXT,
    baseline_json         TEXT,
    sealed_key_id         TEXT,
    backup_nonce          BLOB,
    backup_ciphertext     BLOB,
    before_nonce          BLOB,
    before_ciphertext     BLOB,
    last_step_at_ms       INTEGER,
    watch_ended_at_ms     INTEGER,
    updated_at_ms         INTEGER NOT NULL,
    PRIMARY KEY (action_id, miner_id)
);

CREATE TABLE action_write (
    id              INTEGER PRIMARY KEY,
    action_id       TEXT    NOT NULL REFERENCES action (id),
    miner_id        TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    step            INTEGER NOT NULL,
    step_count      INTEGER NOT NULL,
    actor           TEXT    NOT NULL,
    before_json     TEXT,
    asked_json      TEXT,
    read_back_json  TEXT,
    outcome         TEXT    NOT NULL,
    started_at_ms   INTEGER NOT NULL,
    ended_at_ms     INTEGER,
    message         TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX action_write_miner ON action_write (miner_id, started_at_ms);
CREATE INDEX action_write_started ON action_write (started_at_ms);
CREATE INDEX action_write_action ON action_write (action_id, id);
