package io.hashdesk.ml.thermal;

import java.time.Duration;

/**
 * The fitted physics of one miner: the chips' steady rise over room air is heat × thermal resistance, the
 * resistance falls with airflow as {@code (base + airflow / x^exponent) / 1000} °C per W for the share {@code x} of
 * full airflow, and the chips approach that steady state with one time constant.
 *
 * @param baseResistanceCPerKw    resistance that airflow cannot remove (heat sink, die), °C per kW
 * @param airflowResistanceCPerKw resistance at full airflow that more air would remove, °C per kW
 * @param airflowExponent         how steeply resistance climbs as airflow falls
 * @param heatOffsetWatts         wall power that does not heat the chips (control board, fans, PSU loss at idle)
 * @param timeConstant            first-order thermal lag towards the steady state
 */
public record ThermalParameters(double baseResistanceCPerKw, double airflowResistanceCPerKw, double airflowExponent,
                                double heatOffsetWatts, Duration timeConstant) {

    static final int COUNT = 5;
    private static final double WATTS_PER_KW = 1000;

    public ThermalParameters {
        if (!(baseResistanceCPerKw > 0) || !(airflowResistanceCPerKw > 0) || Double.isInfinite(baseResistanceCPerKw)
                || Double.isInfinite(airflowResistanceCPerKw) || !Double.isFinite(airflowExponent)
                || !Double.isFinite(heatOffsetWatts) || timeConstant.isNegative() || timeConstant.isZero()) {
            throw new IllegalArgumentException("thermal parameters out of range: base " + baseResistanceCPerKw
                    + " °C/kW, airflow " + airflowResistanceCPerKw + " °C/kW, exponent " + airflowExponent
                    + ", heat offset " + heatOffsetWatts + " W, time constant " + timeConstant);
        }
    }

    /** Chip-to-air resistance in °C per W at this share of full airflow (already floored by the caller). */
    public double resistanceCPerW(double airflowFraction) {
        return (baseResistanceCPerKw + airflowResistanceCPerKw / Math.pow(airflowFraction, airflowExponent))
                / WATTS_PER_KW;
    }

    /** Where the hottest chip settles at this room temperature, wall power and airflow. */
    public double steadyStateC(double ambientC, double powerWatts, double airflowFraction) {
        return ambientC + Math.max(powerWatts - heatOffsetWatts, 0) * resistanceCPerW(airflowFraction);
    }

    /** Share of the gap to the steady state still left after {@code seconds}. */
    double remainingAfter(double seconds) {
        return Math.exp(-seconds / timeConstantSeconds());
    }

    double timeConstantSeconds() {
        return timeConstant.toNanos() / 1e9;
    }

    /**
     * The vector the least-squares fit works on: logarithms keep resistances and the time constant positive, and
     * make the per-model prior's spreads relative.
     */
    double[] toVector() {
        return new double[]{Math.log(baseResistanceCPerKw), Math.log(airflowResistanceCPerKw), airflowExponent,
                heatOffsetWatts, Math.log(timeConstantSeconds())};
    }

    static ThermalParameters fromVector(double[] v) {
        return new ThermalParameters(Math.exp(v[0]), Math.exp(v[1]), v[2], v[3],
                Duration.ofNanos(Math.round(Math.exp(v[4]) * 1e9)));
    }

    /** Steady state straight from the fit vector, without building a record per residual. */
    static double steadyStateC(double[] v, double ambientC, double powerWatts, double airflowFraction) {
        double resistance = (Math.exp(v[0]) + Math.exp(v[1]) / Math.pow(airflowFraction, v[2])) / WATTS_PER_KW;
        return ambientC + Math.max(powerWatts - v[3], 0) * resistance;
    }
}
