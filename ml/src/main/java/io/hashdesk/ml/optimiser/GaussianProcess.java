package io.hashdesk.ml.optimiser;

import java.util.Arrays;

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
    /** The first hyper-parameters in {@link GpHyperparameters#with} order are the length scales. */
    private static final int LENGTHSCALE_COUNT = 2;

    /** Predictive mean and variance of the latent function (measurement noise excluded), in target units. */
    record Prediction(double mean, double variance) {
        double sd() {
            return Math.sqrt(variance);
        }
    }

    private final GpHyperparameters hyper;
    private final double noiseVariance;
    private final double offset;
    private final double scale;
    private final Cholesky factor;
    private final double[] alpha;
    private final double logLikelihood;
    /** What a prediction needs, over the distinct inputs. */
    private final DistinctInputs distinct;

    private GaussianProcess(double[][] x, GpHyperparameters hyper, double noiseVariance, double offset, double scale,
                            Cholesky factor, double[] alpha, double logLikelihood) {
        this.hyper = hyper;
        this.noiseVariance = noiseVariance;
        this.offset = offset;
        this.scale = scale;
        this.factor = factor;
        this.alpha = alpha;
        this.logLikelihood = logLikelihood;
        this.distinct = DistinctInputs.of(x, factor, alpha);
    }

    /** Fits the hyper-parameters (when there are enough points) and conditions on {@code y}. */
    static GaussianProcess fit(double[][] x, double[] y, double scaleFloor, OptimiserOptions.GpSearch search) {
        requireTargetPerInput(x, y);
        Standardised targets = Standardised.of(y, scaleFloor);
        GpHyperparameters best = GpHyperparameters.start(search);
        if (x.length >= search.minProbesForSearch()) {
            best = search(Repeats.of(x, targets), search, best);
        }
        return condition(x, KernelMatrix.of(x), targets, best);
    }

    /**
     * The log marginal likelihood of {@code y} as the hyper-parameter search computes it, over the distinct inputs
     * ({@link Repeats}); equal to {@link #logLikelihood()} of the process conditioned on all of them.
     */
    static double searchLogLikelihood(double[][] x, double[] y, double scaleFloor, GpHyperparameters hyper) {
        requireTargetPerInput(x, y);
        Repeats repeats = Repeats.of(x, Standardised.of(y, scaleFloor));
        double[] matern = repeats.kernel().newPacked();
        repeats.kernel().maternInto(hyper.lengthscaleFreq(), hyper.lengthscaleVolts(), matern);
        return likelihoodOrWorst(repeats, matern, hyper, repeats.kernel().newPacked());
    }

    /** Conditions on {@code y} with given hyper-parameters (a model restored from the registry). */
    static GaussianProcess condition(double[][] x, double[] y, double scaleFloor, GpHyperparameters hyper) {
        requireTargetPerInput(x, y);
        return condition(x, KernelMatrix.of(x), Standardised.of(y, scaleFloor), hyper);
    }

    private static GaussianProcess condition(double[][] x, KernelMatrix kernel, Standardised targets,
                                             GpHyperparameters hyper) {
        double noiseVariance = targets.noiseVariance(hyper);
        double[] matern = kernel.newPacked();
        kernel.maternInto(hyper.lengthscaleFreq(), hyper.lengthscaleVolts(), matern);
        double[] covariance = kernel.newPacked();
        kernel.covarianceInto(matern, hyper, noiseVariance, covariance);
        Cholesky factor = Cholesky.ofPacked(kernel.size(), covariance);
        double[] alpha = factor.solve(targets.z());
        return new GaussianProcess(x, hyper, noiseVariance, targets.offset(), targets.scale(), factor, alpha,
                logLikelihood(factor, targets.z(), alpha));
    }

    private static void requireTargetPerInput(double[][] x, double[] y) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("a Gaussian process needs as many targets as inputs and at least one,"
                    + " got " + x.length + " inputs and " + y.length + " targets");
        }
    }

    /** ln p(z) = −½ zᵀα − ½ ln det K − (n/2) ln 2π, with α = K⁻¹z. */
    private static double logLikelihood(Cholesky factor, double[] z, double[] alpha) {
        double fit = 0;
        for (int i = 0; i < z.length; i++) {
            fit += z[i] * alpha[i];
        }
        return -0.5 * fit - 0.5 * factor.logDeterminant() - z.length * HALF_LOG_TWO_PI;
    }

    /**
     * Coordinate search: each sweep tries every grid value of each hyper-parameter with the others held. The
     * likelihood is computed over the distinct inputs ({@link Repeats}); only a trial of a new length scale
     * evaluates the Matérn term again, the variances' trials reuse the incumbent's.
     */
    private static GpHyperparameters search(Repeats repeats, OptimiserOptions.GpSearch s, GpHyperparameters start) {
        double[][] grids = {
            logGrid(s.lengthscaleMin(), s.lengthscaleMax(), s.gridPoints()),
            logGrid(s.lengthscaleMin(), s.lengthscaleMax(), s.gridPoints()),
            logGrid(s.maternVarianceMin(), s.maternVarianceMax(), s.gridPoints()),
            logGrid(s.linearVarianceMin(), s.linearVarianceMax(), s.gridPoints()),
            logGrid(s.noiseVarianceMin(), s.noiseVarianceMax(), s.gridPoints())};
        KernelMatrix kernel = repeats.kernel();
        double[] matern = kernel.newPacked();
        double[] trialMatern = kernel.newPacked();
        double[] work = kernel.newPacked();
        kernel.maternInto(start.lengthscaleFreq(), start.lengthscaleVolts(), matern);
        GpHyperparameters best = start;
        double bestLikelihood = likelihoodOrWorst(repeats, matern, best, work);
        for (int sweep = 0; sweep < s.sweeps(); sweep++) {
            for (int p = 0; p < HYPERPARAMETER_COUNT; p++) {
                boolean lengthscale = p < LENGTHSCALE_COUNT;
                for (double value : grids[p]) {
                    GpHyperparameters trial = best.with(p, value);
                    if (lengthscale) {
                        kernel.maternInto(trial.lengthscaleFreq(), trial.lengthscaleVolts(), trialMatern);
                    }
                    double likelihood = likelihoodOrWorst(repeats, lengthscale ? trialMatern : matern, trial, work);
                    if (likelihood > bestLikelihood) {
                        best = trial;
                        bestLikelihood = likelihood;
                        if (lengthscale) {
                            double[] kept = matern;
                            matern = trialMatern;
                            trialMatern = kept;
                        }
                    }
                }
            }
        }
        return best;
    }

    /** The log marginal likelihood of {@code hyper}, factoring in {@code work}. */
    private static double likelihoodOrWorst(Repeats repeats, double[] matern, GpHyperparameters hyper,
                                            double[] work) {
        double noiseVariance = repeats.targets().noiseVariance(hyper);
        repeats.kernel().covarianceInto(matern, hyper, noiseVariance, work);
        try {
            return repeats.logLikelihood(Cholesky.ofPacked(repeats.kernel().size(), work), noiseVariance);
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
        return h.maternVariance() * matern(Math.sqrt(df * df + dv * dv))
                + h.linearVariance() * linearTerm(a[0], a[1], b[0], b[1]);
    }

    /** The unit-variance Matérn 5/2 correlation at scaled distance {@code r}. */
    static double matern(double r) {
        return (1 + SQRT5 * r + FIVE_THIRDS * r * r) * Math.exp(-SQRT5 * r);
    }

    /** The linear term's unit-variance covariance between two inputs; it pivots on the centre of the box. */
    static double linearTerm(double aFreq, double aVolts, double bFreq, double bVolts) {
        return 1 + (aFreq - LINEAR_CENTRE) * (bFreq - LINEAR_CENTRE)
                + (aVolts - LINEAR_CENTRE) * (bVolts - LINEAR_CENTRE);
    }

    Prediction predict(double[] at) {
        double[] k = distinct.kernelColumn(at, hyper);
        double variance = Math.max(0, kernel(at, at, hyper) - distinct.explainedVariance(k));
        return new Prediction(offset + scale * distinct.mean(k), scale * scale * variance);
    }

    /**
     * Posterior covariance of the latent values at two inputs, in target units: k(a, b) − k_aᵀK⁻¹k_b. Two nearby
     * settings share most of their uncertainty (both lean on the same probes), which a difference of forecasts at
     * them must not count twice.
     */
    double covariance(double[] a, double[] b) {
        double[] ka = distinct.kernelColumn(a, hyper);
        double[] kb = distinct.kernelColumn(b, hyper);
        return scale * scale * (kernel(a, b, hyper) - distinct.explainedCovariance(ka, kb));
    }

    /** Predictive mean only: a prior for another process needs no variance. */
    double mean(double[] at) {
        return offset + scale * distinct.mean(distinct.kernelColumn(at, hyper));
    }

    /**
     * Leave-one-out residuals of the training targets, each divided by its leave-one-out predictive standard
     * deviation (noise included), in closed form for fixed hyper-parameters: with K the kernel matrix plus noise and
     * α = K⁻¹y, point i's held-out residual is αᵢ / [K⁻¹]ᵢᵢ and its predictive variance 1 / [K⁻¹]ᵢᵢ (Rasmussen and
     * Williams, §5.4.2). A well-calibrated process gives values of unit variance.
     */
    double[] leaveOneOutZ() {
        double[] inverseDiagonal = factor.inverseDiagonal();
        double[] z = new double[alpha.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = alpha[i] / Math.sqrt(inverseDiagonal[i]);
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

    /**
     * Targets centred on their mean and divided by their spread, never by less than the scale floor.
     *
     * @param noiseFloor the least noise variance, in standardised units: a reading repeats no better than its
     *                   resolution, so noise below the floor would make the process trust each probe beyond what was
     *                   measured (and its intervals far too narrow)
     */
    private record Standardised(double[] z, double offset, double scale, double noiseFloor) {

        static Standardised of(double[] y, double scaleFloor) {
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
            double relativeFloor = scaleFloor / scale;
            return new Standardised(z, mean, scale, relativeFloor * relativeFloor);
        }

        double noiseVariance(GpHyperparameters hyper) {
            return Math.max(hyper.noiseVariance(), noiseFloor);
        }
    }

    /**
     * The standardised targets folded onto their distinct inputs, for the likelihood. Readings repeated at one input
     * factor exactly: their joint density given the latent value is that of their mean, with noise variance σ²/m,
     * times a term of their spread about the mean, (2πσ²)^−(m−1)/2 · m^−½ · exp(−S/2σ²). The log marginal likelihood
     * is then that of the u means under K_u + σ²·diag(1/m) plus those terms; the search factors u × u matrices
     * instead of n × n, and a model's probes, most of them at the few presets its units run, have u ≪ n.
     *
     * @param kernel        over the distinct inputs, noise weighted by 1/m
     * @param means         per distinct input, the mean standardised target
     * @param withinSquares Σ over inputs of the squared deviations of their readings from their mean
     * @param repeated      n − u: readings beyond the first at an input
     * @param logCounts     Σ ln m over the distinct inputs
     */
    private record Repeats(Standardised targets, KernelMatrix kernel, double[] means, double withinSquares,
                           int repeated, double logCounts) {

        static Repeats of(double[][] x, Standardised targets) {
            int[] group = DistinctInputs.groupOf(x);
            int u = Arrays.stream(group).max().orElse(-1) + 1;
            double[][] inputs = new double[u][];
            int[] counts = new int[u];
            double[] means = new double[u];
            double[] z = targets.z();
            for (int i = 0; i < x.length; i++) {
                inputs[group[i]] = x[i];
                counts[group[i]]++;
                means[group[i]] += z[i];
            }
            double[] noiseWeights = new double[u];
            double logCounts = 0;
            for (int a = 0; a < u; a++) {
                means[a] /= counts[a];
                noiseWeights[a] = 1.0 / counts[a];
                logCounts += Math.log(counts[a]);
            }
            double withinSquares = 0;
            for (int i = 0; i < x.length; i++) {
                double deviation = z[i] - means[group[i]];
                withinSquares += deviation * deviation;
            }
            return new Repeats(targets, KernelMatrix.of(inputs, noiseWeights), means, withinSquares, x.length - u,
                    logCounts);
        }

        /** ln p(z) from the factor of the distinct inputs' kernel matrix with noise variance σ² (weighted 1/m). */
        double logLikelihood(Cholesky factor, double noiseVariance) {
            double ofMeans = GaussianProcess.logLikelihood(factor, means, factor.solve(means));
            return ofMeans - withinSquares / (2 * noiseVariance)
                    - repeated * (HALF_LOG_TWO_PI + 0.5 * Math.log(noiseVariance)) - 0.5 * logCounts;
        }
    }
}
