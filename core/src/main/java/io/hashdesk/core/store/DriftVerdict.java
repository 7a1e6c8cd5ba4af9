package io.hashdesk.core.store;

/** How far recent data has moved from a model's training data, from least to most serious. */
public enum DriftVerdict {
    /** Too few recent values to judge; says nothing either way. */
    INSUFFICIENT_DATA,
    STABLE,
    /** Moved noticeably; the model still serves but is worth watching. */
    WATCH,
    /** Moved so far that the model should be retrained. */
    RETRAIN;

    public DriftVerdict worse(DriftVerdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
