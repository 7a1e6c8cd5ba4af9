package io.hashdesk.ml.optimiser;

import io.hashdesk.ml.optimiser.EfficiencyCurve.Output;

/**
 * What the efficiency curve expects to change when a unit moves from one setting to another (after − before), each
 * figure with an interval at the curve's level that a before/after measurement of settled readings should fall in.
 *
 * <p>How the interval is built, and why not by subtracting the two forecasts' bounds: both forecasts lean on the same
 * probes, so the curve's uncertainty at two nearby settings is largely shared and cancels in their difference.
 * Subtracting bounds (or adding the variances) would count it twice and give intervals far too wide to ever call a
 * gain real. The latent change therefore takes its variance from the Gaussian process's posterior covariance,
 * var(a) + var(b) − 2 cov(a, b), scaled by the curve's calibration; each of the two settled measurements then adds its
 * own, independent, measurement noise. An output the curve has no process of its own for (taken from its prior, or
 * J/TH as power ÷ hashrate) has no covariance to use: its two forecasts are taken as independent, which can only
 * widen the interval, never narrow it. The half-width is the curve's Student-t quantile for the output.
 *
 * @param calibrated false when the curve's intervals are indicative only ({@link EfficiencyCurve#calibrated()})
 */
public record CurveChange(Setting from, Setting to, Interval hashrateThs, Interval powerWatts, Interval chipTempC,
                          Interval efficiencyJPerTh, boolean calibrated) {

    static CurveChange between(EfficiencyCurve curve, Setting from, Setting to) {
        Forecast before = curve.forecast(from);
        Forecast after = curve.forecast(to);
        return new CurveChange(from, to, change(curve, Output.HASHRATE, from, to, before, after),
                change(curve, Output.POWER, from, to, before, after),
                change(curve, Output.CHIP_TEMP, from, to, before, after),
                change(curve, Output.EFFICIENCY, from, to, before, after), curve.calibrated());
    }

    /**
     * The change in USD per day at these prices: hashrate earns, power costs. Hashrate and power come from separate
     * processes, so their changes are taken as independent, as the optimiser's profit objective does.
     */
    public Interval profitUsdPerDay(Prices prices) {
        double hashUsd = prices.hashpriceUsdPerThDay();
        double powerUsd = prices.usdPerWattDay();
        double mean = hashrateThs.mean() * hashUsd - powerWatts.mean() * powerUsd;
        double sd = Math.hypot(hashrateThs.sd() * hashUsd, powerWatts.sd() * powerUsd);
        double z = Math.max(halfWidthInSd(hashrateThs), halfWidthInSd(powerWatts));
        return Interval.of(mean, sd, z);
    }

    private static double halfWidthInSd(Interval interval) {
        return interval.sd() > 0 ? (interval.high() - interval.mean()) / interval.sd() : 0;
    }

    private static Interval change(EfficiencyCurve curve, Output output, Setting from, Setting to, Forecast before,
                                   Forecast after) {
        int i = output.ordinal();
        double mean = after.mean()[i] - before.mean()[i];
        EfficiencyCurve owner = curve;
        while (owner != null && !owner.hasProcess(output)) {
            owner = owner.prior();
        }
        double latent = owner != null
                ? owner.latentChangeVariance(output, from, to)
                : before.sd()[i] * before.sd()[i] + after.sd()[i] * after.sd()[i];
        double noise = before.noiseSd()[i] * before.noiseSd()[i] + after.noiseSd()[i] * after.noiseSd()[i];
        return Interval.of(mean, Math.sqrt(latent + noise), curve.intervalZ(output));
    }
}
