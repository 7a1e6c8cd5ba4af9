package io.hashdesk.ml.optimiser;

import java.util.Arrays;

/**
 * The parts of a {@link GaussianProcess}'s kernel matrix that do not depend on its hyper-parameters, for one set of
 * inputs: squared input differences along each axis and the linear term, as column-packed lower triangles
 * ({@link Cholesky#packedIndex}). The hyper-parameter search assembles hundreds of kernel matrices over the same
 * inputs; with these kept, a trial of new variances costs additions only, and only a trial of new length scales
 * evaluates the Matérn term's exponentials again.
 */
final class KernelMatrix {

    private final int n;
    private final double[] freqSquares;
    private final double[] voltsSquares;
    private final double[] linear;
    private final double[] noiseWeights;

    private KernelMatrix(int n, double[] freqSquares, double[] voltsSquares, double[] linear, double[] noiseWeights) {
        this.n = n;
        this.freqSquares = freqSquares;
        this.voltsSquares = voltsSquares;
        this.linear = linear;
        this.noiseWeights = noiseWeights;
    }

    /** Over normalised (frequency, voltage) inputs, each read once. */
    static KernelMatrix of(double[][] x) {
        double[] once = new double[x.length];
        Arrays.fill(once, 1);
        return of(x, once);
    }

    /**
     * Over normalised (frequency, voltage) inputs whose measurement noise variances are the process's times
     * {@code noiseWeights} (1 / m for an input that stands for the mean of m readings).
     */
    static KernelMatrix of(double[][] x, double[] noiseWeights) {
        int n = x.length;
        int length = Cholesky.packedLength(n);
        double[] freqSquares = new double[length];
        double[] voltsSquares = new double[length];
        double[] linear = new double[length];
        int at = 0;
        for (int j = 0; j < n; j++) {
            for (int i = j; i < n; i++) {
                double df = x[i][0] - x[j][0];
                double dv = x[i][1] - x[j][1];
                freqSquares[at] = df * df;
                voltsSquares[at] = dv * dv;
                linear[at] = GaussianProcess.linearTerm(x[i][0], x[i][1], x[j][0], x[j][1]);
                at++;
            }
        }
        return new KernelMatrix(n, freqSquares, voltsSquares, linear, noiseWeights.clone());
    }

    int size() {
        return n;
    }

    /** A fresh array for {@link #maternInto} or {@link #covarianceInto}. */
    double[] newPacked() {
        return new double[freqSquares.length];
    }

    /** Writes the unit-variance Matérn 5/2 correlations for these length scales into {@code out}. */
    void maternInto(double lengthscaleFreq, double lengthscaleVolts, double[] out) {
        double freqWeight = 1 / (lengthscaleFreq * lengthscaleFreq);
        double voltsWeight = 1 / (lengthscaleVolts * lengthscaleVolts);
        for (int k = 0; k < out.length; k++) {
            out[k] = GaussianProcess.matern(Math.sqrt(freqSquares[k] * freqWeight + voltsSquares[k] * voltsWeight));
        }
    }

    /**
     * Writes the kernel matrix plus each input's share of {@code noiseVariance} on its diagonal into {@code out}, from the Matérn
     * correlations {@link #maternInto} wrote for {@code hyper}'s length scales.
     */
    void covarianceInto(double[] matern, GpHyperparameters hyper, double noiseVariance, double[] out) {
        double maternVariance = hyper.maternVariance();
        double linearVariance = hyper.linearVariance();
        for (int k = 0; k < out.length; k++) {
            out[k] = maternVariance * matern[k] + linearVariance * linear[k];
        }
        for (int j = 0; j < n; j++) {
            out[Cholesky.packedIndex(n, j, j)] += noiseVariance * noiseWeights[j];
        }
    }
}
