package io.hashdesk.ml.thermal;

import java.util.Arrays;
import java.util.List;

/**
 * What the fitted peers of one miner model say a unit of that model is like, so that a miner with little data (a
 * few hours at one setting, which cannot tell base from airflow resistance) borrows the shape of the curve from its
 * peers and only shifts it as far as its own data asks. Spreads are the peers' own, floored by
 * {@link ThermalModel.Options#priorMinimumSpread()} so that two near-identical peers do not pin a third.
 */
public final class ThermalPrior {

    private final String scope;
    private final double[] mean;
    private final double[] spread;
    private final double residualRmseC;
    private final int peers;

    private ThermalPrior(String scope, double[] mean, double[] spread, double residualRmseC, int peers) {
        this.scope = scope;
        this.mean = mean;
        this.spread = spread;
        this.residualRmseC = residualRmseC;
        this.peers = peers;
    }

    /**
     * @param scope what the peers have in common, for messages and the registry ("antminer-s19j-pro")
     * @throws IllegalArgumentException when there are no peers
     */
    public static ThermalPrior fromPeers(String scope, List<ThermalModel> peers, ThermalModel.Options options) {
        if (peers.isEmpty()) {
            throw new IllegalArgumentException("a thermal prior for '" + scope + "' needs at least one fitted peer");
        }
        int n = ThermalParameters.COUNT;
        double[] mean = new double[n];
        double[] spread = new double[n];
        double residualSquares = 0;
        for (ThermalModel peer : peers) {
            double[] v = peer.parameters().toVector();
            for (int i = 0; i < n; i++) {
                mean[i] += v[i] / peers.size();
            }
            residualSquares += peer.trainingRmseC() * peer.trainingRmseC() / peers.size();
        }
        double[] floor = options.priorMinimumSpread().toVector();
        for (int i = 0; i < n; i++) {
            double squares = 0;
            for (ThermalModel peer : peers) {
                double d = peer.parameters().toVector()[i] - mean[i];
                squares += d * d;
            }
            double sd = peers.size() > 1 ? Math.sqrt(squares / (peers.size() - 1)) : 0;
            spread[i] = Math.max(sd, floor[i]);
        }
        return new ThermalPrior(scope, mean, spread, Math.sqrt(residualSquares), peers.size());
    }

    public String scope() {
        return scope;
    }

    public int peers() {
        return peers;
    }

    /** The peers' typical parameters. */
    public ThermalParameters typical() {
        return ThermalParameters.fromVector(mean);
    }

    double[] mean() {
        return mean.clone();
    }

    /**
     * The prior's pull as extra residuals, in °C like the data's: a parameter one peer spread away from the
     * typical value costs as much as one typical data residual.
     */
    void residuals(double[] theta, double[] out, int offset) {
        for (int i = 0; i < mean.length; i++) {
            out[offset + i] = residualRmseC * (theta[i] - mean[i]) / spread[i];
        }
    }

    /** The rows of {@link #residuals}' Jacobian: each pulls on its own parameter only. */
    void jacobian(double[][] out, int offset) {
        for (int i = 0; i < mean.length; i++) {
            Arrays.fill(out[offset + i], 0);
            out[offset + i][i] = residualRmseC / spread[i];
        }
    }
}
