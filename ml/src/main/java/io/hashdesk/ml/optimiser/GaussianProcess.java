package io.hashdesk.ml.optimiser;

/**
 * Gaussian-process regression over normalised (frequency, voltage) inputs, in plain Java. The kernel is a Matérn 5/2
 * with one length scale per input (ARD) plus a linear term: every curve here (power, hashrate, J/TH, log error) has
 * a strong trend across the envelope, which the linear term carries between probes and beyond them, while the
 * Matérn term bends it. Targets are centred on their mean and standardised by their spread (never below the
 * measurement's resolution); hyper-parameters maximise the log marginal likelihood by coordinate search over
 * log-spaced grids. Immutable.
 */
final class GaussianProcess {

    private static final double SQRT5 = Math.sqrt(5);
    private static final double FIVE_THIRDS = 5.0 / 3.0;
    /** The linear term pivots on the centre of the box, so its variance is smallest there. */
    private static final double LINEAR_CENTRE = 0.5;
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
    private static final int HYPERPARAMETER_COUNT = 5;

    /** Predictive mean and variance of the latent function (measurement noise excluded), in target units. */
    record Prediction(double mean, double variance) {
        double sd() {
            return Math.sqrt(variance);
        }
    }

    private final double[][] x;
    private final GpHyperparameters hyper;
    private final double noiseVariance;
    private final double offset;
    private final double scale;
    private final Cholesky factor;
    private final double[] alpha;
    private final double logLikelihood;

    private GaussianProcess(double[][] x, GpHyperparameters hyper, double noiseVariance, double offset, double scale,
                            Cholesky factor, double[] alpha, double logLikelihood) {
        this.x = x;
        this.hyper = hyper;
        this.noiseVariance = noiseVariance;
        this.offset = offset;
        this.scale = scale;
        this.factor = factor;
        this.alpha = alpha;
        this.logLikelihood = logLikelihood;
    }

    /** Fits the hyper-parameters (when there are enough points) and conditions on {@code y}. */
    static GaussianProcess fit(double[][] x, double[] y, double scaleFloor, OptimiserOptions.GpSearch search) {
        GpHyperparameters best = GpHyperparameters.start(search);
        if (x.length >= search.minProbesForSearch()) {
            best = search(x, y, scaleFloor, search, best);
        }
        return condition(x, y, scaleFloor, best);
    }

    /** Conditions on {@code y} with given hyper-parameters (a model restored from the registry). */
    static GaussianProcess condition(double[][] x, double[] y, double scaleFloor, GpHyperparameters hyper) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("a Gaussian process needs as many targets as inputs and at least one,"
                    + " got " + x.length + " inputs and " + y.length + " targets");
        }
        int n = y.length;
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        double squares = 0;
        for (double v : y) {
            squares += (v - mean) * (v - mean);
        }
        double scale = Math.max(Math.sqrt(squares / n), scaleFloor);
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = (y[i] - mean) / scale;
        }
        // A reading repeats no better than its resolution: noise below the floor would make the process trust each
        // probe beyond what was measured (and its intervals far too narrow), so the floor bounds the noise too.
        double relativeFloor = scaleFloor / scale;
        double noiseVariance = Math.max(hyper.noiseVariance(), relativeFloor * relativeFloor);
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                k[i][j] = kernel(x[i], x[j], hyper);
            }
            k[i][i] += noiseVariance;
        }
        Cholesky factor = Cholesky.of(k);
        double[] alpha = factor.solve(z);
        double fit = 0;
        for (int i = 0; i < n; i++) {
            fit += z[i] * alpha[i];
        }
        double logLikelihood = -0.5 * fit - 0.5 * factor.logDeterminant() - n * HALF_LOG_TWO_PI;
        return new GaussianProcess(x, hyper, noiseVariance, mean, scale, factor, alpha, logLikelihood);
    }

    /** Coordinate search: each sweep tries every grid value of each hyper-parameter with the others held. */
    private static GpHyperparameters search(double[][] x, double[] y, double floor, OptimiserOptions.GpSearch s,
                                          GpHyperparameters start) {
        double[][] grids = {
            logGrid(s.lengthscaleMin(), s.lengthscaleMax(), s.gridPoints()),
            logGrid(s.lengthscaleMin(), s.lengthscaleMax(), s.gridPoints()),
            logGrid(s.maternVarianceMin(), s.maternVarianceMax(), s.gridPoints()),
            logGrid(s.linearVarianceMin(), s.linearVarianceMax(), s.gridPoints()),
            logGrid(s.noiseVarianceMin(), s.noiseVarianceMax(), s.gridPoints())};
        GpHyperparameters best = start;
        double bestLikelihood = likelihoodOrWorst(x, y, floor, best);
        for (int sweep = 0; sweep < s.sweeps(); sweep++) {
            for (int p = 0; p < HYPERPARAMETER_COUNT; p++) {
                for (double value : grids[p]) {
                    GpHyperparameters trial = best.with(p, value);
                    double likelihood = likelihoodOrWorst(x, y, floor, trial);
                    if (likelihood > bestLikelihood) {
                        best = trial;
                        bestLikelihood = likelihood;
                    }
                }
            }
        }
        return best;
    }

    private static double likelihoodOrWorst(double[][] x, double[] y, double floor, GpHyperparameters hyper) {
        try {
            return condition(x, y, floor, hyper).logLikelihood;
        } catch (ArithmeticException notPositiveDefinite) {
            // Numerically singular for these hyper-parameters: simply not a candidate.
            return Double.NEGATIVE_INFINITY;
        }
    }

    private static double[] logGrid(double min, double max, int points) {
        double[] grid = new double[points];
        double logMin = Math.log(min);
        double step = (Math.log(max) - logMin) / (points - 1);
        for (int i = 0; i < points; i++) {
            grid[i] = Math.exp(logMin + i * step);
        }
        return grid;
    }

    static double kernel(double[] a, double[] b, GpHyperparameters h) {
        double df = (a[0] - b[0]) / h.lengthscaleFreq();
        double dv = (a[1] - b[1]) / h.lengthscaleVolts();
        double r = Math.sqrt(df * df + dv * dv);
        double matern = (1 + SQRT5 * r + FIVE_THIRDS * r * r) * Math.exp(-SQRT5 * r);
        double linear = 1 + (a[0] - LINEAR_CENTRE) * (b[0] - LINEAR_CENTRE)
                + (a[1] - LINEAR_CENTRE) * (b[1] - LINEAR_CENTRE);
        return h.maternVariance() * matern + h.linearVariance() * linear;
    }

    Prediction predict(double[] at) {
        int n = x.length;
        double[] k = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            k[i] = kernel(at, x[i], hyper);
            mean += k[i] * alpha[i];
        }
        double[] v = factor.forward(k);
        double explained = 0;
        for (double value : v) {
            explained += value * value;
        }
        double variance = Math.max(0, kernel(at, at, hyper) - explained);
        return new Prediction(offset + scale * mean, scale * scale * variance);
    }

    /** Predictive mean only: a prior for another process needs no variance. */
    double mean(double[] at) {
        double mean = 0;
        for (int i = 0; i < x.length; i++) {
            mean += kernel(at, x[i], hyper) * alpha[i];
        }
        return offset + scale * mean;
    }

    /**
     * Leave-one-out residuals of the training targets, each divided by its leave-one-out predictive standard
     * deviation (noise included), in closed form for fixed hyper-parameters: with K the kernel matrix plus noise and
     * α = K⁻¹y, point i's held-out residual is αᵢ / [K⁻¹]ᵢᵢ and its predictive variance 1 / [K⁻¹]ᵢᵢ (Rasmussen and
     * Williams, §5.4.2). A well-calibrated process gives values of unit variance.
     */
    double[] leaveOneOutZ() {
        int n = x.length;
        double[] z = new double[n];
        double[] unit = new double[n];
        for (int i = 0; i < n; i++) {
            unit[i] = 1;
            // [K⁻¹]ᵢᵢ = |L⁻¹eᵢ|²: only the part from row i down is non-zero
            double[] column = factor.forward(unit);
            unit[i] = 0;
            double inverseDiagonal = 0;
            for (int k = i; k < n; k++) {
                inverseDiagonal += column[k] * column[k];
            }
            z[i] = alpha[i] / Math.sqrt(inverseDiagonal);
        }
        return z;
    }

    GpHyperparameters hyperparameters() {
        return hyper;
    }

    double logLikelihood() {
        return logLikelihood;
    }

    /** Measurement noise standard deviation, in target units (never below the scale floor). */
    double noiseSd() {
        return scale * Math.sqrt(noiseVariance);
    }
}
