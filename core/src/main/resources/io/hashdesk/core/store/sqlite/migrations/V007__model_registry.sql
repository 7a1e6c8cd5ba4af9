-- The model registry: one row per trained model version. model_type and scope are the registry's text forms
-- (THERMAL, unit:s19-01). features is a JSON array in the model's input order, hyper_parameters a JSON object, metrics
-- a JSON object of held-out figures. artifact_path is relative to the models folder beside this file; a row is only
-- written after its artifact is complete in place, so no row points at a half-written file. champion_since_ms is when
-- the version last became champion (NULL if it never was); rollback returns to the retired version with the latest
-- one. Times are epoch milliseconds.
CREATE TABLE model_version (
    id                   INTEGER PRIMARY KEY,
    model_type           TEXT    NOT NULL,
    scope                TEXT    NOT NULL,
    trained_from_ms      INTEGER NOT NULL,
    trained_to_ms        INTEGER NOT NULL,
    features             TEXT    NOT NULL,
    algorithm            TEXT    NOT NULL,
    smile_version        TEXT    NOT NULL,
    hyper_parameters     TEXT    NOT NULL,
    metrics              TEXT    NOT NULL,
    artifact_path        TEXT    NOT NULL UNIQUE,
    artifact_sha256      TEXT    NOT NULL,
    artifact_bytes       INTEGER NOT NULL,
    created_at_ms        INTEGER NOT NULL,
    status               TEXT    NOT NULL CHECK (status IN ('CANDIDATE', 'CHAMPION', 'RETIRED', 'ROLLED_BACK')),
    status_reason        TEXT    NOT NULL,
    status_changed_at_ms INTEGER NOT NULL,
    champion_since_ms    INTEGER,
    CHECK (trained_from_ms < trained_to_ms),
    CHECK (status <> 'CHAMPION' OR champion_since_ms IS NOT NULL)
);
CREATE UNIQUE INDEX model_version_one_champion ON model_version (model_type, scope) WHERE status = 'CHAMPION';
CREATE INDEX model_version_by_slot ON model_version (model_type, scope, id);
-- Each version's training distribution per feature, for drift checks: quantile bins with the share of values in each
-- (population stability index) and fine quantiles (Kolmogorov-Smirnov), as JSON arrays of numbers.
CREATE TABLE model_feature_distribution (
    version_id    INTEGER NOT NULL REFERENCES model_version (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    feature       TEXT    NOT NULL,
    present_count INTEGER NOT NULL,
    missing_count INTEGER NOT NULL,
    bin_edges     TEXT    NOT NULL,
    bin_fractions TEXT    NOT NULL,
    quantiles     TEXT    NOT NULL,
    PRIMARY KEY (version_id, feature)
) WITHOUT ROWID;
