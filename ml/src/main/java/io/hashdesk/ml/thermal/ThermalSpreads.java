package io.hashdesk.ml.thermal;

/**
 * The least spread a per-model prior allows for each parameter, however alike the peers are: relative for the
 * resistances and the time constant (they are fitted as logarithms), absolute for the others.
 *
 * @param baseResistanceRelative    e.g. 0.2 = peers' base resistance trusted to within about 20 %
 * @param airflowResistanceRelative the same for the airflow part
 * @param airflowExponent           absolute
 * @param heatOffsetWatts           absolute
 * @param timeConstantRelative      relative
 */
public record ThermalSpreads(double baseResistanceRelative, double airflowResistanceRelative,
                             double airflowExponent, double heatOffsetWatts, double timeConstantRelative) {

    public ThermalSpreads {
        if (!(baseResistanceRelative > 0) || !(airflowResistanceRelative > 0) || !(airflowExponent > 0)
                || !(heatOffsetWatts > 0) || !(timeConstantRelative > 0)) {
            throw new IllegalArgumentException("every prior spread must be positive");
        }
    }

    double[] toVector() {
        return new double[]{baseResistanceRelative, airflowResistanceRelative, airflowExponent, heatOffsetWatts,
                timeConstantRelative};
    }
}
