package io.hashdesk.ml.drift;

import io.hashdesk.core.store.DriftReport;
import io.hashdesk.core.store.DriftVerdict;
import io.hashdesk.core.store.FeatureDistribution;
import io.hashdesk.core.store.FeatureDrift;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Compares recent feature values with a model version's training distributions, feature by feature: PSI decides
 * STABLE / WATCH / RETRAIN by the conventional 0.1 / 0.25 thresholds; a Kolmogorov–Smirnov difference that is both
 * significant and large raises a PSI-stable feature to WATCH (KS sees shifts inside one PSI bin). Recent values that
 * are {@code NaN} are missing and form one more PSI bin, so a feature that stops being computable drifts; a feature
 * with too few recent rows is not judged.
 */
public final class DriftCheck {

    private final DriftSettings settings;

    public DriftCheck(DriftSettings settings) {
        this.settings = settings;
    }

    /**
     * @param training the version's training distributions
     * @param recent   recent values per feature name; features absent from the map are reported as not judged
     */
    public DriftReport check(long versionId, List<FeatureDistribution> training, Map<String, double[]> recent,
                             Instant at) {
        List<FeatureDrift> features = new ArrayList<>(training.size());
        DriftVerdict worst = DriftVerdict.INSUFFICIENT_DATA;
        for (FeatureDistribution distribution : training) {
            FeatureDrift drift = feature(distribution, recent.get(distribution.feature()));
            features.add(drift);
            worst = worst.worse(drift.verdict());
        }
        return new DriftReport(versionId, at, features, worst);
    }

    private FeatureDrift feature(FeatureDistribution training, double[] values) {
        String name = training.feature();
        if (values == null) {
            return notJudged(name, 0, 0, "no recent values were supplied");
        }
        double[] present = FeatureDistributions.sortedPresent(name, values);
        long missing = values.length - present.length;
        if (training.presentCount() == 0) {
            return notJudged(name, present.length, missing, "the training data had no values for it");
        }
        if (values.length < settings.minRecentCount()) {
            return notJudged(name, present.length, missing, "only " + values.length + " recent rows, "
                    + settings.minRecentCount() + " needed");
        }
        double psi = PopulationStability.index(training, present, missing, settings.minBinFraction());
        // KS compares present values only; with too few of them (the feature mostly missing) PSI's missing bin speaks
        boolean ksJudged = present.length >= settings.minRecentCount();
        double ks = ksJudged ? KolmogorovSmirnov.statistic(training.quantiles(), present) : Double.NaN;
        double p = ksJudged ? KolmogorovSmirnov.pValue(ks, training.presentCount(), present.length) : Double.NaN;
        boolean ksDiffers = ksJudged && p < settings.ksAlpha() && ks >= settings.ksMinStatistic();
        DriftVerdict verdict = psi >= settings.psiRetrain() ? DriftVerdict.RETRAIN
                : psi >= settings.psiWatch() || ksDiffers ? DriftVerdict.WATCH
                : DriftVerdict.STABLE;
        return new FeatureDrift(name, verdict, OptionalDouble.of(psi),
                ksJudged ? OptionalDouble.of(ks) : OptionalDouble.empty(),
                ksJudged ? OptionalDouble.of(p) : OptionalDouble.empty(), present.length, missing,
                explain(verdict, psi, ks, p, missing, values.length));
    }

    private String explain(DriftVerdict verdict, double psi, double ks, double p, long missing, long rows) {
        String figures = String.format(Locale.ROOT, "PSI %.3f", psi)
                + (Double.isNaN(ks) ? "" : String.format(Locale.ROOT, ", KS %.3f (p %.2g)", ks, p))
                + (missing > 0 ? String.format(Locale.ROOT, ", %.0f %% missing", 100.0 * missing / rows) : "");
        return switch (verdict) {
            case RETRAIN -> figures + ": shifted beyond PSI " + settings.psiRetrain() + ", retrain";
            case WATCH -> figures + (psi >= settings.psiWatch()
                    ? ": moved beyond PSI " + settings.psiWatch() + ", watch"
                    : ": the KS test finds a significant difference, watch");
            case STABLE -> figures + ": stable";
            case INSUFFICIENT_DATA -> throw new IllegalStateException("judged features have figures");
        };
    }

    private static FeatureDrift notJudged(String name, long present, long missing, String why) {
        return new FeatureDrift(name, DriftVerdict.INSUFFICIENT_DATA, OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), present, missing, "not judged: " + why);
    }
}
