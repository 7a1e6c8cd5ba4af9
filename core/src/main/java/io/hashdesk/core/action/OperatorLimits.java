package io.hashdesk.core.action;

import io.hashdesk.core.domain.catalog.SafeLimits;

/**
 * An operator's own limits for one miner model (e.g. "no S19j Pro above 3,000 W in this hot room"). Each part is
 * optional; a part set only ever narrows the catalog's {@link SafeLimits}: a wider value has no effect, so an
 * operator file can never loosen what the catalog allows.
 */
public record OperatorLimits(Double frequencyMinMhz, Double frequencyMaxMhz, Double voltageMinVolts,
                             Double voltageMaxVolts, Double powerMaxWatts, Integer fanMinPercent,
                             Integer fanMaxPercent, Double chipTempMaxC) {

    /** No operator limits: the catalog's apply as they are. */
    public static final OperatorLimits NONE = new OperatorLimits(null, null, null, null, null, null, null, null);

    public OperatorLimits {
        requirePositive(frequencyMinMhz, "frequencyMinMhz");
        requirePositive(frequencyMaxMhz, "frequencyMaxMhz");
        requirePositive(voltageMinVolts, "voltageMinVolts");
        requirePositive(voltageMaxVolts, "voltageMaxVolts");
        requirePositive(powerMaxWatts, "powerMaxWatts");
        requirePositive(chipTempMaxC, "chipTempMaxC");
        requirePercent(fanMinPercent, "fanMinPercent");
        requirePercent(fanMaxPercent, "fanMaxPercent");
        requireOrdered(frequencyMinMhz, frequencyMaxMhz, "frequencyMinMhz", "frequencyMaxMhz");
        requireOrdered(voltageMinVolts, voltageMaxVolts, "voltageMinVolts", "voltageMaxVolts");
        requireOrdered(fanMinPercent == null ? null : fanMinPercent.doubleValue(),
                fanMaxPercent == null ? null : fanMaxPercent.doubleValue(), "fanMinPercent", "fanMaxPercent");
    }

    /**
     * The catalog's limits with these laid over them, each part the stricter of the two.
     *
     * @throws IllegalArgumentException when together they leave no allowed range (e.g. the operator's minimum
     *                                  frequency is above the catalog's maximum), naming the range
     */
    public SafeLimits narrow(SafeLimits catalog) {
        return new SafeLimits(
                higher(catalog.frequencyMinMhz(), frequencyMinMhz), lower(catalog.frequencyMaxMhz(), frequencyMaxMhz),
                higher(catalog.voltageMinVolts(), voltageMinVolts), lower(catalog.voltageMaxVolts(), voltageMaxVolts),
                lower(catalog.powerMaxWatts(), powerMaxWatts),
                fanMinPercent == null ? catalog.fanMinPercent() : Math.max(catalog.fanMinPercent(), fanMinPercent),
                fanMaxPercent == null ? catalog.fanMaxPercent() : Math.min(catalog.fanMaxPercent(), fanMaxPercent),
                lower(catalog.chipTempMaxC(), chipTempMaxC), catalog.boardTempMaxC());
    }

    private static double higher(double catalog, Double operator) {
        return operator == null ? catalog : Math.max(catalog, operator);
    }

    private static double lower(double catalog, Double operator) {
        return operator == null ? catalog : Math.min(catalog, operator);
    }

    private static void requirePositive(Double value, String name) {
        if (value != null && (!(value > 0) || value.isInfinite())) {
            throw new IllegalArgumentException("operator limit " + name + " must be a positive number, got " + value);
        }
    }

    private static void requirePercent(Integer value, String name) {
        if (value != null && (value < 0 || value > 100)) {
            throw new IllegalArgumentException("operator limit " + name + " must be 0–100 %, got " + value);
        }
    }

    private static void requireOrdered(Double min, Double max, String minName, String maxName) {
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("operator limit " + minName + " (" + min + ") is above " + maxName
                    + " (" + max + ")");
        }
    }
}
