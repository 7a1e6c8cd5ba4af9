package io.hashdesk.ml.optimiser;

import io.hashdesk.ml.optimiser.EfficiencyCurve.Output;

/**
 * Mean and latent standard deviation of every curve output at one setting, indexed by {@link Output#ordinal()}.
 * Log error stays in log space here; {@link #toPoint} converts it for people.
 */
record Forecast(double[] mean, double[] sd) {

    double mean(Output output) {
        return mean[output.ordinal()];
    }

    double sd(Output output) {
        return sd[output.ordinal()];
    }

    /**
     * Fills J/TH as power ÷ hashrate with first-order error propagation, for a curve that has no probe to learn
     * efficiency from directly. Where the expected hashrate is not positive there is no efficiency to speak of: the
     * forecast is +∞ with infinite spread, which no objective prefers.
     */
    static void ratioInto(double[] mean, double[] sd) {
        int h = Output.HASHRATE.ordinal();
        int p = Output.POWER.ordinal();
        int e = Output.EFFICIENCY.ordinal();
        if (!(mean[h] > 0 && mean[p] > 0)) {
            mean[e] = Double.POSITIVE_INFINITY;
            sd[e] = Double.POSITIVE_INFINITY;
            return;
        }
        double ratio = mean[p] / mean[h];
        double relH = sd[h] / mean[h];
        double relP = sd[p] / mean[p];
        mean[e] = ratio;
        sd[e] = ratio * Math.sqrt(relH * relH + relP * relP);
    }

    CurvePoint toPoint(Setting setting, double z) {
        double logMean = mean(Output.LOG_ERROR);
        double logSd = sd(Output.LOG_ERROR);
        double variance = logSd * logSd;
        double errorSd = Math.exp(logMean + variance / 2) * Math.sqrt(Math.expm1(variance));
        Interval error = new Interval(Math.exp(logMean), Math.exp(logMean - z * logSd), Math.exp(logMean + z * logSd),
                errorSd);
        return new CurvePoint(setting, interval(Output.HASHRATE, z), interval(Output.POWER, z),
                interval(Output.CHIP_TEMP, z), error, interval(Output.EFFICIENCY, z));
    }

    private Interval interval(Output output, double z) {
        return Interval.of(mean(output), sd(output), z);
    }
}
