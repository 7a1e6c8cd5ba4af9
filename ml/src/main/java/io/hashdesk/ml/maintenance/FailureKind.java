package io.hashdesk.ml.maintenance;

/** The failures the maintenance model predicts. */
public enum FailureKind {
    /** A fan stopped; the firmware then stops hashing for want of cooling. */
    FAN,
    /** A hashboard failed; the unit hashes on with the rest. */
    HASHBOARD,
    /** The hottest chip crossed the restart temperature and the firmware stopped hashing to cool down. */
    OVERHEAT
}
