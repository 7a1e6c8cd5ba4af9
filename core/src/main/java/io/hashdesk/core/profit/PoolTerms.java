package io.hashdesk.core.profit;

import java.util.Objects;

/** What the pool keeps ({@code feePercent} of what it pays out) and how it pays. */
public record PoolTerms(double feePercent, PayoutScheme scheme) {

    private static final double PERCENT = 100.0;

    public PoolTerms {
        if (!(feePercent >= 0 && feePercent < PERCENT)) {
            throw new IllegalArgumentException("feePercent must be 0 or more and below 100, got " + feePercent);
        }
        Objects.requireNonNull(scheme, "scheme");
    }

    /** The share of the earned reward the miner keeps. */
    double keptFraction() {
        return 1 - feePercent / PERCENT;
    }
}
