package io.hashdesk.ml.optimiser;

import io.hashdesk.ml.optimiser.EfficiencyCurve.Output;
import java.util.function.ToDoubleFunction;

/**
 * Mean, latent standard deviation and measurement-noise standard deviation of every curve output at one setting,
 * indexed by {@link Output#ordinal()}, all already scaled by the curve's calibration. The latent spread is how
 * unsure the curve is of the settled value (what the acquisition and the constraint probabilities weigh); a new
 * measurement adds its noise on top ({@link #measured()}), which is what intervals shown to people cover. Log error
 * stays in log space here; {@link #toPoint} converts it for people.
 */
record Forecast(double[] mean, double[] sd, double[] noiseSd) {

    double mean(Output output) {
        return mean[output.ordinal()];
    }

    double sd(Output output) {
        return sd[output.ordinal()];
    }

    /** Standard deviation of a new measurement at this setting: latent and noise variances added. */
    double measurementSd(Output output) {
        int i = output.ordinal();
        return Math.hypot(sd[i], noiseSd[i]);
    }

    /** This forecast as one of a new measurement: the noise folded into the spread. */
    Forecast measured() {
        double[] total = new double[sd.length];
        for (Output output : Output.values()) {
            total[output.ordinal()] = measurementSd(output);
        }
        return new Forecast(mean, total, new double[sd.length]);
    }

    /**
     * Fills J/TH as power ÷ hashrate with first-order error propagation (latent and noise spreads each), for a curve
     * that has no probe to learn efficiency from directly. Where the expected hashrate is not positive there is no
     * efficiency to speak of: the forecast is +∞ with infinite spread, which no objective prefers.
     */
    static void ratioInto(double[] mean, double[] sd, double[] noiseSd) {
        int h = Output.HASHRATE.ordinal();
        int p = Output.POWER.ordinal();
        int e = Output.EFFICIENCY.ordinal();
        if (!(mean[h] > 0 && mean[p] > 0)) {
            mean[e] = Double.POSITIVE_INFINITY;
            sd[e] = Double.POSITIVE_INFINITY;
            noiseSd[e] = Double.POSITIVE_INFINITY;
            return;
        }
        double ratio = mean[p] / mean[h];
        mean[e] = ratio;
        sd[e] = ratio * Math.hypot(sd[h] / mean[h], sd[p] / mean[p]);
        noiseSd[e] = ratio * Math.hypot(noiseSd[h] / mean[h], noiseSd[p] / mean[p]);
    }

    /** What a new measurement at {@code setting} is expected to read, each interval {@code z(output)} spreads wide. */
    CurvePoint toPoint(Setting setting, ToDoubleFunction<Output> z, boolean calibrated) {
        double logMean = mean(Output.LOG_ERROR);
        double logSd = measurementSd(Output.LOG_ERROR);
        double variance = logSd * logSd;
        double logHalfWidth = logSd * z.applyAsDouble(Output.LOG_ERROR);
        double errorSd = Math.exp(logMean + variance / 2) * Math.sqrt(Math.expm1(variance));
        Interval error = new Interval(Math.exp(logMean), Math.exp(logMean - logHalfWidth),
                Math.exp(logMean + logHalfWidth), errorSd);
        return new CurvePoint(setting, interval(Output.HASHRATE, z), interval(Output.POWER, z),
                interval(Output.CHIP_TEMP, z), error, interval(Output.EFFICIENCY, z), calibrated);
    }

    private Interval interval(Output output, ToDoubleFunction<Output> z) {
        return Interval.of(mean(output), measurementSd(output), z.applyAsDouble(output));
    }
}
