package io.hashdesk.core.alert;

import java.util.Objects;

/**
 * What one rule makes of one miner's latest reading: the condition is there (with its sentence), it is clearly gone,
 * or neither (no data, or between the raise and the clear threshold) so whatever is open stays open.
 */
record Verdict(State state, AlertSeverity severity, String message) {

    enum State { RAISE, HOLD, CLEAR }

    private static final Verdict HOLD = new Verdict(State.HOLD, null, null);
    private static final Verdict CLEAR = new Verdict(State.CLEAR, null, null);

    Verdict {
        Objects.requireNonNull(state, "state");
        if (state == State.RAISE && (severity == null || message == null)) {
            throw new IllegalArgumentException("A raise verdict needs a severity and a message");
        }
    }

    static Verdict raise(AlertSeverity severity, String message) {
        return new Verdict(State.RAISE, severity, message);
    }

    static Verdict hold() {
        return HOLD;
    }

    static Verdict clear() {
        return CLEAR;
    }
}
