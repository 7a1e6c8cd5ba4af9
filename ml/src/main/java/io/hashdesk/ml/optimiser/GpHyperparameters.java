package io.hashdesk.ml.optimiser;

/**
 * Hyper-parameters of one {@link GaussianProcess}: what the registry stores beside the probes to rebuild it.
 *
 * @param lengthscaleFreq  Matérn length scale along frequency, in widths of the box
 * @param lengthscaleVolts Matérn length scale along voltage, in heights of the box
 * @param maternVariance   Matérn signal variance, in standardised units
 * @param linearVariance   variance of the linear term's coefficients, in standardised units
 * @param noiseVariance    measurement noise variance, in standardised units
 */
public record GpHyperparameters(double lengthscaleFreq, double lengthscaleVolts, double maternVariance,
                                double linearVariance, double noiseVariance) {

    public GpHyperparameters {
        if (!(lengthscaleFreq > 0 && lengthscaleVolts > 0 && maternVariance > 0 && linearVariance > 0
                && noiseVariance > 0)) {
            throw new IllegalArgumentException("Gaussian-process hyper-parameters must all be above 0, got "
                    + lengthscaleFreq + ", " + lengthscaleVolts + ", " + maternVariance + ", " + linearVariance
                    + ", " + noiseVariance);
        }
    }

    static GpHyperparameters start(OptimiserOptions.GpSearch search) {
        return new GpHyperparameters(search.lengthscaleStart(), search.lengthscaleStart(),
                search.maternVarianceStart(), search.linearVarianceStart(), search.noiseVarianceStart());
    }

    /** This with hyper-parameter {@code index} (0..4, in the order of the components) replaced. */
    GpHyperparameters with(int index, double value) {
        return new GpHyperparameters(index == 0 ? value : lengthscaleFreq, index == 1 ? value : lengthscaleVolts,
                index == 2 ? value : maternVariance, index == 3 ? value : linearVariance,
                index == 4 ? value : noiseVariance);
    }
}
