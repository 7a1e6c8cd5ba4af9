-- Drift checks of model versions: when, the worst verdict, and every feature's figures as a JSON array of objects
-- (feature, verdict, psi, ksStatistic, ksPValue, recentPresent, recentMissing, explanation; null where not judged).
-- Only the newest checks of each version are kept (the registry's driftReportsKept); a version's checks go with it.
CREATE TABLE model_drift_report (
    id            INTEGER PRIMARY KEY,
    version_id    INTEGER NOT NULL REFERENCES model_version (id) ON DELETE CASCADE,
    checked_at_ms INTEGER NOT NULL,
    verdict       TEXT    NOT NULL CHECK (verdict IN ('INSUFFICIENT_DATA', 'STABLE', 'WATCH', 'RETRAIN')),
    features      TEXT    NOT NULL
);
CREATE INDEX model_drift_report_by_version ON model_drift_report (version_id, checked_at_ms);
