package io.hashdesk.ml.optimiser;

import java.util.Objects;

/**
 * What one probe measured: the unit was set to {@code setting}, left to settle, then read. Every figure is a settled
 * value (a mean over the measurement window for hashrate), not a single noisy sample.
 *
 * @param hashrateThs   effective hashrate, TH/s (Scrypt units convert too: 9500 MH/s is 0.0095)
 * @param powerWatts    wall power, W
 * @param chipTempC     hottest chip, °C
 * @param errorFraction share of work lost to hardware errors, 0..1 (the firmware's error percent ÷ 100)
 */
public record Probe(Setting setting, double hashrateThs, double powerWatts, double chipTempC, double errorFraction) {

    public Probe {
        Objects.requireNonNull(setting, "probe setting");
        requireFinite("hashrateThs", hashrateThs, 0);
        requireFinite("powerWatts", powerWatts, 0);
        if (!Double.isFinite(chipTempC)) {
            throw new IllegalArgumentException("probe at " + setting + ": chipTempC must be a finite number, got "
                    + chipTempC);
        }
        if (!(errorFraction >= 0 && errorFraction <= 1)) {
            throw new IllegalArgumentException("probe at " + setting + ": errorFraction must be within 0..1, got "
                    + errorFraction);
        }
        if (!(powerWatts > 0)) {
            throw new IllegalArgumentException("probe at " + setting + ": powerWatts must be above 0 (a probe reads a"
                    + " hashing unit), got " + powerWatts);
        }
    }

    /** Whether the unit hashed at all; efficiency is defined only then. */
    public boolean hashing() {
        return hashrateThs > 0;
    }

    /** Wall power ÷ hashrate; only for a {@link #hashing()} probe. */
    public double efficiencyJPerTh() {
        if (!hashing()) {
            throw new IllegalStateException("probe at " + setting + " made no hashrate, so it has no efficiency");
        }
        return powerWatts / hashrateThs;
    }

    private void requireFinite(String field, double value, double min) {
        if (!Double.isFinite(value) || value < min) {
            throw new IllegalArgumentException("probe: " + field + " must be a finite number ≥ " + min + ", got "
                    + value);
        }
    }
}
