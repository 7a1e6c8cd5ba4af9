package io.hashdesk.ml.optimiser;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A conditioned {@link GaussianProcess} folded onto its distinct inputs, for prediction. Probes repeat settings (a
 * preset many units of a model run, a setting read again later), and a prediction's kernel column then repeats too:
 * with P the n × u matrix that maps each input to its distinct setting, kᵀα = k_uᵀ(Pᵀα) and
 * kᵀK⁻¹k = k_uᵀ(PᵀK⁻¹P)k_u exactly. The predictive mean and variance then cost u kernel evaluations and a u × u
 * quadratic form instead of n evaluations and an n × n triangular solve; with no repeats (u = n) the quadratic form
 * costs what the solve did.
 */
final class DistinctInputs {

    private final double[] freq;
    private final double[] volts;
    private final double[] alpha;
    /** PᵀK⁻¹P, its lower triangle packed row by row (row a holds columns 0..a). */
    private final double[] inverse;

    private DistinctInputs(double[] freq, double[] volts, double[] alpha, double[] inverse) {
        this.freq = freq;
        this.volts = volts;
        this.alpha = alpha;
        this.inverse = inverse;
    }

    /**
     * @param x      the process's normalised inputs
     * @param factor Cholesky factor L of its kernel matrix plus noise
     * @param alpha  K⁻¹ times its standardised targets
     */
    static DistinctInputs of(double[][] x, Cholesky factor, double[] alpha) {
        int n = x.length;
        int[] group = groupOf(x);
        int u = Arrays.stream(group).max().orElse(-1) + 1;
        double[] freq = new double[u];
        double[] volts = new double[u];
        double[] summedAlpha = new double[u];
        double[][] indicators = new double[u][n];
        for (int i = 0; i < n; i++) {
            freq[group[i]] = x[i][0];
            volts[group[i]] = x[i][1];
            summedAlpha[group[i]] += alpha[i];
            indicators[group[i]][i] = 1;
        }
        // PᵀK⁻¹P = (L⁻¹P)ᵀ(L⁻¹P): one forward solve per distinct input, then their inner products
        double[][] solved = new double[u][];
        for (int a = 0; a < u; a++) {
            solved[a] = factor.forward(indicators[a]);
        }
        double[] inverse = new double[u * (u + 1) / 2];
        for (int a = 0; a < u; a++) {
            for (int b = 0; b <= a; b++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += solved[a][i] * solved[b][i];
                }
                inverse[rowStart(a) + b] = sum;
            }
        }
        return new DistinctInputs(freq, volts, summedAlpha, inverse);
    }

    /** For each input, the index of its distinct value, numbered in order of first appearance. */
    static int[] groupOf(double[][] x) {
        Map<Input, Integer> indexOf = new HashMap<>();
        int[] group = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            group[i] = indexOf.computeIfAbsent(new Input(x[i][0], x[i][1]), key -> indexOf.size());
        }
        return group;
    }

    private static int rowStart(int row) {
        return row * (row + 1) / 2;
    }

    /** The kernel between {@code at} and every distinct input. */
    double[] kernelColumn(double[] at, GpHyperparameters hyper) {
        double freqWeight = 1 / hyper.lengthscaleFreq();
        double voltsWeight = 1 / hyper.lengthscaleVolts();
        double maternVariance = hyper.maternVariance();
        double linearVariance = hyper.linearVariance();
        double[] k = new double[freq.length];
        for (int a = 0; a < k.length; a++) {
            double df = (at[0] - freq[a]) * freqWeight;
            double dv = (at[1] - volts[a]) * voltsWeight;
            k[a] = maternVariance * GaussianProcess.matern(Math.sqrt(df * df + dv * dv))
                    + linearVariance * GaussianProcess.linearTerm(at[0], at[1], freq[a], volts[a]);
        }
        return k;
    }

    /** The standardised predictive mean kᵀα from {@link #kernelColumn}'s column. */
    double mean(double[] k) {
        double mean = 0;
        for (int a = 0; a < k.length; a++) {
            mean += k[a] * alpha[a];
        }
        return mean;
    }

    /** kᵀK⁻¹k, the prior variance the inputs explain, from {@link #kernelColumn}'s column. */
    double explainedVariance(double[] k) {
        double total = 0;
        for (int a = 0; a < k.length; a++) {
            int row = rowStart(a);
            double offDiagonal = 0;
            for (int b = 0; b < a; b++) {
                offDiagonal += inverse[row + b] * k[b];
            }
            total += k[a] * (2 * offDiagonal + inverse[row + a] * k[a]);
        }
        return total;
    }

    /**
     * k₁ᵀK⁻¹k₂, the prior covariance of two inputs that the probes explain, from two {@link #kernelColumn} columns:
     * what the posterior covariance of the latent values at two settings subtracts from their prior covariance.
     */
    double explainedCovariance(double[] k1, double[] k2) {
        double total = 0;
        for (int a = 0; a < k1.length; a++) {
            int row = rowStart(a);
            for (int b = 0; b < a; b++) {
                // the packed lower triangle holds each symmetric off-diagonal entry once: both orders count here
                total += inverse[row + b] * (k1[a] * k2[b] + k1[b] * k2[a]);
            }
            total += inverse[row + a] * k1[a] * k2[a];
        }
        return total;
    }

    /** A normalised input, compared by value. */
    private record Input(double freq, double volts) {
    }
}
