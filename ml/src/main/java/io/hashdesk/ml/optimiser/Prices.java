package io.hashdesk.ml.optimiser;

/**
 * The prices the profit objective weighs hashrate and power with.
 *
 * @param electricityUsdPerKwh what a kWh at the wall costs now
 * @param hashpriceUsdPerThDay what a TH/s earns per day now
 */
public record Prices(double electricityUsdPerKwh, double hashpriceUsdPerThDay) {

    private static final double HOURS_PER_DAY = 24;
    private static final double WATTS_PER_KILOWATT = 1000;

    public Prices {
        if (!(electricityUsdPerKwh >= 0) || Double.isInfinite(electricityUsdPerKwh)) {
            throw new IllegalArgumentException("electricityUsdPerKwh must be 0 or more, got " + electricityUsdPerKwh);
        }
        if (!(hashpriceUsdPerThDay >= 0) || Double.isInfinite(hashpriceUsdPerThDay)) {
            throw new IllegalArgumentException("hashpriceUsdPerThDay must be 0 or more, got " + hashpriceUsdPerThDay);
        }
    }

    /** USD a watt of wall power costs per day at this electricity price. */
    double usdPerWattDay() {
        return electricityUsdPerKwh * HOURS_PER_DAY / WATTS_PER_KILOWATT;
    }
}
