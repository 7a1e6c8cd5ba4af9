package io.hashdesk.core.store;

/** Minimum, mean and maximum of one quantity within a bucket; for a raw point all three are the value. */
public record Stat(double min, double mean, double max) {

    public Stat {
        if (!(min <= mean && mean <= max)) {
            throw new IllegalArgumentException("Expected min ≤ mean ≤ max, got " + min + ", " + mean + ", " + max);
        }
    }

    public static Stat of(double value) {
        return new Stat(value, value, value);
    }
}
