package io.hashdesk.ml.thermal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The physically plausible box a fitted {@link ThermalParameters} must lie in, for air-cooled miners of any size:
 * resistances positive and not beyond what would boil the chips at a few hundred watts, an airflow exponent between
 * "airflow barely matters" and "resistance explodes as fans slow", a heat offset of at most the control board, fans
 * and power-supply loss, and a lag of seconds to hours. A fit is held inside the box; a fit that ends on its edge is
 * one the data could not pin down (typically a room swinging while the fit assumes it constant, and the fan control
 * hiding that swing), and is refused rather than extrapolated.
 *
 * @param lower the smallest value of each parameter
 * @param upper the largest value of each parameter
 */
public record ThermalBounds(ThermalParameters lower, ThermalParameters upper) {

    private static final List<String> NAMES = List.of("baseResistanceCPerKw", "airflowResistanceCPerKw",
            "airflowExponent", "heatOffsetWatts", "timeConstant");

    public ThermalBounds {
        Objects.requireNonNull(lower, "lower");
        Objects.requireNonNull(upper, "upper");
        double[] lo = lower.toVector();
        double[] hi = upper.toVector();
        for (int i = 0; i < lo.length; i++) {
            if (!(lo[i] < hi[i])) {
                throw new IllegalArgumentException("thermal bound " + NAMES.get(i) + ": lower " + lower
                        + " must be below upper " + upper);
            }
        }
    }

    /** Lower bounds in the fit's vector space ({@link ThermalParameters#toVector()}). */
    double[] lowerVector() {
        return lower.toVector();
    }

    double[] upperVector() {
        return upper.toVector();
    }

    /** {@code v} moved into the box, coordinate by coordinate. */
    double[] clamp(double[] v) {
        double[] lo = lowerVector();
        double[] hi = upperVector();
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.clamp(out[i], lo[i], hi[i]);
        }
        return out;
    }

    /** One line per parameter of the fit vector {@code v} that sits on (or outside) an edge of the box. */
    List<String> edgesHit(double[] v) {
        double[] lo = lowerVector();
        double[] hi = upperVector();
        List<String> hits = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] > lo[i])) {
                hits.add(NAMES.get(i) + " at its lower bound (" + describe(lower, i) + ")");
            } else if (!(v[i] < hi[i])) {
                hits.add(NAMES.get(i) + " at its upper bound (" + describe(upper, i) + ")");
            }
        }
        return hits;
    }

    private static String describe(ThermalParameters p, int i) {
        return switch (i) {
            case 0 -> p.baseResistanceCPerKw() + " °C/kW";
            case 1 -> p.airflowResistanceCPerKw() + " °C/kW";
            case 2 -> String.valueOf(p.airflowExponent());
            case 3 -> p.heatOffsetWatts() + " W";
            default -> p.timeConstant().toString();
        };
    }
}
