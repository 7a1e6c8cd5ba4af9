package io.hashdesk.core.reco;

/**
 * A predicted figure with its interval: {@code low ≤ mean ≤ high}. The interval's coverage is the model's (90 % unless
 * a model says otherwise in its reasoning).
 */
public record Estimate(double mean, double low, double high) {

    public Estimate {
        if (!Double.isFinite(mean) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("an estimate needs finite numbers, got " + mean + " [" + low + ", "
                    + high + "]");
        }
        if (low > mean || mean > high) {
            throw new IllegalArgumentException("an estimate needs low ≤ mean ≤ high, got " + mean + " [" + low
                    + ", " + high + "]");
        }
    }

    /** An exact figure (no uncertainty), e.g. a measured one. */
    public static Estimate exactly(double value) {
        return new Estimate(value, value, value);
    }

    public boolean contains(double value) {
        return value >= low && value <= high;
    }

    public double width() {
        return high - low;
    }

    public Estimate plus(Estimate other) {
        return new Estimate(mean + other.mean, low + other.low, high + other.high);
    }

    public Estimate times(double factor) {
        return factor >= 0 ? new Estimate(mean * factor, low * factor, high * factor)
                : new Estimate(mean * factor, high * factor, low * factor);
    }
}
