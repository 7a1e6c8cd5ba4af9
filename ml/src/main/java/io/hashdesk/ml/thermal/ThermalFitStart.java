package io.hashdesk.ml.thermal;

/**
 * Where a thermal fit without a prior starts: the steady-state resistance regressed on 1 / airflow (exponent 1),
 * kept positive, so that Levenberg–Marquardt begins near the answer rather than at made-up numbers.
 */
final class ThermalFitStart {

    private static final double WATTS_PER_KW = 1000;
    /** Each resistance term keeps at least this share of the mean resistance, so its logarithm exists. */
    private static final double MIN_TERM_SHARE = 0.1;

    private ThermalFitStart() {
    }

    static double[] of(ThermalSamples s, ThermalModel.Options options) {
        double n = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int k = 0; k < s.size(); k++) {
            if (s.powerWatts[k] <= 0) {
                continue;
            }
            double x = 1 / s.airflow[k];
            double y = (s.chipTempC[k] - s.ambientC[k]) / s.powerWatts[k] * WATTS_PER_KW;
            n++;
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double meanY = n > 0 ? sy / n : 1;
        double meanX = n > 0 ? sx / n : 1;
        double varX = n > 0 ? sxx / n - meanX * meanX : 0;
        double slope = varX > 1e-9 ? (sxy / n - meanX * meanY) / varX : meanY / (2 * meanX);
        double intercept = meanY - slope * meanX;
        double floor = MIN_TERM_SHARE * Math.max(Math.abs(meanY), 1e-3);
        double base = Math.max(intercept, floor);
        double airflow = Math.max(slope, floor);
        return new double[]{Math.log(base), Math.log(airflow), options.initialAirflowExponent(), 0,
                Math.log(options.initialTimeConstant().toNanos() / 1e9)};
    }
}
