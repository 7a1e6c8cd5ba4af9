package io.hashdesk.ml.optimiser;

import java.util.Objects;

/**
 * What one probe measured: the unit ran {@code setting}, settled, and was read. Every figure is a settled value (a
 * mean over the measurement window), not a single noisy sample. A probe comes either from an explicit trial (set,
 * wait, read) or from a settled stretch of stored telemetry ({@link UnitHistories}).
 *
 * <p>Missing figures are {@code null}, never a filled-in value: a probe without power trains neither the power nor
 * the J/TH output, one without chip temperature does not train the chip-temperature output. Hashrate and error
 * fraction are always present: without them there is nothing to learn from a setting.
 *
 * @param hashrateThs   effective hashrate, TH/s (Scrypt units convert too: 9500 MH/s is 0.0095)
 * @param powerWatts    wall power, W, above 0; {@code null} when the unit reported none
 * @param chipTempC     hottest chip, °C; {@code null} when the unit reported none
 * @param errorFraction share of work lost to hardware errors, 0..1
 */
public record Probe(Setting setting, double hashrateThs, Double powerWatts, Double chipTempC, double errorFraction) {

    public Probe {
        Objects.requireNonNull(setting, "probe setting");
        if (!Double.isFinite(hashrateThs) || hashrateThs < 0) {
            throw new IllegalArgumentException("probe at " + setting + ": hashrateThs must be a finite number ≥ 0,"
                    + " got " + hashrateThs);
        }
        if (powerWatts != null && !(powerWatts > 0 && Double.isFinite(powerWatts))) {
            throw new IllegalArgumentException("probe at " + setting + ": powerWatts must be above 0 (a probe reads a"
                    + " running unit) or missing, got " + powerWatts);
        }
        if (chipTempC != null && !Double.isFinite(chipTempC)) {
            throw new IllegalArgumentException("probe at " + setting + ": chipTempC must be a finite number or"
                    + " missing, got " + chipTempC);
        }
        if (!(errorFraction >= 0 && errorFraction <= 1)) {
            throw new IllegalArgumentException("probe at " + setting + ": errorFraction must be within 0..1, got "
                    + errorFraction);
        }
    }

    /** Whether the unit hashed at all; efficiency is defined only then. */
    public boolean hashing() {
        return hashrateThs > 0;
    }

    /** Whether J/TH can be computed: the unit hashed and reported its power. */
    public boolean hasEfficiency() {
        return hashing() && powerWatts != null;
    }

    /** Wall power ÷ hashrate; only for a probe that {@link #hasEfficiency()}. */
    public double efficiencyJPerTh() {
        if (!hasEfficiency()) {
            throw new IllegalStateException("probe at " + setting + (hashing() ? " reported no power"
                    : " made no hashrate") + ", so it has no efficiency");
        }
        return powerWatts / hashrateThs;
    }
}
