package io.hashdesk.ml.optimiser;

import io.hashdesk.core.domain.catalog.SafeLimits;

/**
 * What the operator requires of a setting besides the model's safe limits. The optimiser never lets these exceed
 * the safe limits: a chip-temperature limit above the model's safe maximum is held at that maximum.
 *
 * @param maxChipTempC     hottest chip allowed in operation, °C
 * @param minHashrateThs   least hashrate worth running at, TH/s (0 = no floor)
 * @param maxErrorFraction most hardware errors allowed, 0..1
 */
public record Constraints(double maxChipTempC, double minHashrateThs, double maxErrorFraction) {

    public Constraints {
        if (!Double.isFinite(maxChipTempC)) {
            throw new IllegalArgumentException("maxChipTempC must be a finite number, got " + maxChipTempC);
        }
        if (!(minHashrateThs >= 0) || Double.isInfinite(minHashrateThs)) {
            throw new IllegalArgumentException("minHashrateThs must be 0 or more, got " + minHashrateThs);
        }
        if (!(maxErrorFraction > 0 && maxErrorFraction < 1)) {
            throw new IllegalArgumentException("maxErrorFraction must be within (0, 1), got " + maxErrorFraction);
        }
    }

    /** The default for a model: the safe chip temperature less the configured margin, the tuner's error limit. */
    public static Constraints defaults(SafeLimits limits, OptimiserOptions options) {
        return new Constraints(limits.chipTempMaxC() - options.chipTempMarginC(), 0,
                options.defaultMaxErrorFraction());
    }

    /** This with the chip limit held at the model's safe maximum. */
    Constraints within(SafeLimits limits) {
        return new Constraints(Math.min(maxChipTempC, limits.chipTempMaxC()), minHashrateThs, maxErrorFraction);
    }
}
