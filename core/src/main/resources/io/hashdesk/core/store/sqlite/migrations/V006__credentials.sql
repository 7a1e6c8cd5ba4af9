-- The credential vault: secrets sealed with AES-GCM under a key kept in keys/vault.key beside the database, never in
-- it. id is what miner.credentials_ref points at; the entry's id is bound into the ciphertext, so a ciphertext copied
-- to another row does not open. key_id names the key that sealed the row (a fingerprint, not the key). Times are
-- epoch milliseconds.
CREATE TABLE credential (
    id            TEXT    PRIMARY KEY,
    label         TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    username      TEXT,
    key_id        TEXT    NOT NULL,
    nonce         BLOB    NOT NULL,
    ciphertext    BLOB    NOT NULL,
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL
);
CREATE INDEX miner_credentials_ref ON miner (credentials_ref) WHERE credentials_ref IS NOT NULL;
