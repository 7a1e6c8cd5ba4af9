package io.hashdesk.ml.thermal;

/**
 * The thermal fit's least-squares problem: each chained sample predicted from the one before it with its own inputs
 * (steady state {@code ambient + max(power − offset, 0) × (base + airflow / q^exponent) / 1000}, approached with
 * {@code exp(−Δt / τ)} of the gap left), plus the per-model prior's pull when there is one. Works on the fit vector
 * of {@link ThermalParameters#toVector()} and on the samples' arrays, with no object per residual.
 */
final class LagResiduals implements LevenbergMarquardt.Residuals {

    private static final double WATTS_PER_KW = 1000;

    private final ThermalSamples s;
    private final ThermalPrior prior;
    private final int[] targets;

    LagResiduals(ThermalSamples s, ThermalPrior prior) {
        this.s = s;
        this.prior = prior;
        this.targets = new int[s.chainedCount()];
        int t = 0;
        for (int k = 0; k < s.size(); k++) {
            if (s.chained[k]) {
                targets[t++] = k;
            }
        }
    }

    @Override
    public int count() {
        return targets.length + (prior == null ? 0 : ThermalParameters.COUNT);
    }

    @Override
    public void evaluate(double[] theta, double[] out) {
        double base = Math.exp(theta[0]);
        double inverseTau = Math.exp(-theta[4]);
        for (int t = 0; t < targets.length; t++) {
            int k = targets[t];
            double heat = Math.max(s.powerWatts[k] - theta[3], 0);
            double resistance = (base + Math.exp(theta[1] - theta[2] * s.logAirflow[k])) / WATTS_PER_KW;
            double steady = s.ambientC[k] + heat * resistance;
            double remaining = Math.exp(-(s.seconds[k] - s.seconds[k - 1]) * inverseTau);
            out[t] = steady + (s.chipTempC[k - 1] - steady) * remaining - s.chipTempC[k];
        }
        if (prior != null) {
            prior.residuals(theta, out, targets.length);
        }
    }

    @Override
    public void jacobian(double[] theta, double[][] out) {
        double base = Math.exp(theta[0]);
        double inverseTau = Math.exp(-theta[4]);
        for (int t = 0; t < targets.length; t++) {
            int k = targets[t];
            double[] row = out[t];
            boolean heating = s.powerWatts[k] > theta[3];
            double heat = heating ? s.powerWatts[k] - theta[3] : 0;
            double airflowPart = Math.exp(theta[1] - theta[2] * s.logAirflow[k]);
            double resistance = (base + airflowPart) / WATTS_PER_KW;
            double steady = s.ambientC[k] + heat * resistance;
            double dt = s.seconds[k] - s.seconds[k - 1];
            double remaining = Math.exp(-dt * inverseTau);
            double approach = 1 - remaining;
            row[0] = approach * heat * base / WATTS_PER_KW;
            row[1] = approach * heat * airflowPart / WATTS_PER_KW;
            row[2] = -row[1] * s.logAirflow[k];
            row[3] = heating ? -approach * resistance : 0;
            row[4] = (s.chipTempC[k - 1] - steady) * remaining * dt * inverseTau;
        }
        if (prior != null) {
            prior.jacobian(out, targets.length);
        }
    }

    /** Sum of squares of the data residuals alone, without the prior's pull. */
    double dataSumOfSquares(double[] theta) {
        double[] out = new double[count()];
        evaluate(theta, out);
        double sum = 0;
        for (int t = 0; t < targets.length; t++) {
            sum += out[t] * out[t];
        }
        return sum;
    }

    int dataCount() {
        return targets.length;
    }
}
