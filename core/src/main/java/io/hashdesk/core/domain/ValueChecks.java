package io.hashdesk.core.domain;

import java.util.ArrayList;
import java.util.List;

/** Collects the physically impossible values in a snapshot, each as a sentence an operator can read. */
final class ValueChecks {

    /** Colder than any control room, hotter than any chip survives: a broken sensor or a parse error. */
    private static final double MIN_TEMPERATURE_C = -40;
    private static final double MAX_TEMPERATURE_C = 150;

    private final List<String> problems = new ArrayList<>();

    void nonNegative(String what, Double value) {
        if (value == null) {
            return;
        }
        if (!Double.isFinite(value)) {
            problems.add(what + " is " + value + ", not a number");
        } else if (value < 0) {
            problems.add(what + " is negative (" + value + ")");
        }
    }

    void nonNegative(String what, Long value) {
        if (value != null && value < 0) {
            problems.add(what + " is negative (" + value + ")");
        }
    }

    void percent(String what, Double value) {
        nonNegative(what, value);
        if (value != null && Double.isFinite(value) && value > 100) {
            problems.add(what + " is above 100 (" + value + ")");
        }
    }

    void temperature(String what, Double value) {
        if (value == null) {
            return;
        }
        if (!Double.isFinite(value)) {
            problems.add(what + " is " + value + ", not a number");
        } else if (value < MIN_TEMPERATURE_C || value > MAX_TEMPERATURE_C) {
            problems.add(what + " is " + value + ", outside " + MIN_TEMPERATURE_C + "…" + MAX_TEMPERATURE_C);
        }
    }

    void problem(String sentence) {
        problems.add(sentence);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }
}
