package io.hashdesk.ml.thermal;

/**
 * Where a thermal fit without a prior starts. With the airflow exponent and the time constant held, the one-step
 * model is linear in the two resistances, so they are found by ordinary least squares (2×2 normal equations, one
 * pass over the samples) for each exponent in {@link ThermalModel.Options#startAirflowExponents()}, and the exponent
 * whose resistances leave the smallest sum of squares wins. Levenberg–Marquardt then starts next to the answer and
 * needs a handful of iterations rather than dozens.
 */
final class ThermalFitStart {

    private static final double WATTS_PER_KW = 1000;
    /** Each resistance keeps at least this share of the mean resistance, so that its logarithm exists. */
    private static final double MIN_TERM_SHARE = 0.1;
    /** Normal equations this close to singular (relative determinant) cannot tell the two resistances apart. */
    private static final double SINGULAR = 1e-12;

    private ThermalFitStart() {
    }

    static double[] of(ThermalSamples s, ThermalModel.Options options) {
        double logTau = Math.log(options.initialTimeConstant().toNanos() / 1e9);
        double floor = MIN_TERM_SHARE * meanResistanceCPerKw(s);
        double[] best = null;
        double bestSquares = Double.POSITIVE_INFINITY;
        for (double exponent : options.startAirflowExponents()) {
            double[] candidate = resistancesFor(s, exponent, Math.exp(logTau), floor);
            if (candidate[2] < bestSquares) {
                bestSquares = candidate[2];
                best = new double[]{Math.log(candidate[0]), Math.log(candidate[1]), exponent, 0, logTau};
            }
        }
        return best;
    }

    /** Base and airflow resistance (°C/kW, floored) for this exponent and time constant, and their sum of squares. */
    private static double[] resistancesFor(ThermalSamples s, double exponent, double tauSeconds, double floor) {
        double a11 = 0;
        double a12 = 0;
        double a22 = 0;
        double b1 = 0;
        double b2 = 0;
        double yy = 0;
        for (int k = 1; k < s.size(); k++) {
            if (!s.chained[k]) {
                continue;
            }
            double remaining = Math.exp(-(s.seconds[k] - s.seconds[k - 1]) / tauSeconds);
            double x1 = (1 - remaining) * s.powerWatts[k] / WATTS_PER_KW;
            double x2 = x1 * Math.exp(-exponent * s.logAirflow[k]);
            double y = s.chipTempC[k] - remaining * s.chipTempC[k - 1] - (1 - remaining) * s.ambientC[k];
            a11 += x1 * x1;
            a12 += x1 * x2;
            a22 += x2 * x2;
            b1 += x1 * y;
            b2 += x2 * y;
            yy += y * y;
        }
        double det = a11 * a22 - a12 * a12;
        double base;
        double airflow;
        if (det > SINGULAR * a11 * a22) {
            base = (a22 * b1 - a12 * b2) / det;
            airflow = (a11 * b2 - a12 * b1) / det;
        } else {
            // Airflow never varied enough to separate the terms: split the mean resistance evenly.
            base = a11 + a22 > 0 ? (b1 + b2) / (a11 + 2 * a12 + a22) / 2 : floor;
            airflow = base;
        }
        base = Math.max(base, floor);
        airflow = Math.max(airflow, floor);
        double squares = yy - 2 * (base * b1 + airflow * b2) + base * base * a11 + 2 * base * airflow * a12
                + airflow * airflow * a22;
        return new double[]{base, airflow, squares};
    }

    /** Mean of (chip − ambient) ÷ power over the samples, °C per kW; what the floor on each term is a share of. */
    private static double meanResistanceCPerKw(ThermalSamples s) {
        double sum = 0;
        int n = 0;
        for (int k = 0; k < s.size(); k++) {
            if (s.powerWatts[k] > 0) {
                sum += (s.chipTempC[k] - s.ambientC[k]) / s.powerWatts[k] * WATTS_PER_KW;
                n++;
            }
        }
        return n > 0 ? Math.max(Math.abs(sum / n), 1e-3) : 1;
    }
}
