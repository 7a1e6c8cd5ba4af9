package io.hashdesk.ml.drift;

import io.hashdesk.core.settings.JsonSettings;
import java.nio.file.Path;

/**
 * How training distributions are summarised and when recent data counts as drifted. Defaults live in
 * {@code drift-defaults.json} beside this class; an operator's file overrides any subset of them.
 *
 * <p>The PSI thresholds are the industry convention from credit scoring: below 0.1 the population is stable, 0.1 to
 * 0.25 is worth watching, 0.25 and above has shifted enough that the model should be retrained.
 *
 * @param snapshotBins      quantile bins per feature kept for PSI (deciles by default)
 * @param snapshotQuantiles evenly spaced quantiles kept per feature for KS (101: every percentile, so the stored CDF
 *                          is within 0.01 of the training sample's)
 * @param psiWatch          a feature at or above this PSI is worth watching
 * @param psiRetrain        a feature at or above this PSI asks for retraining
 * @param minBinFraction    a bin share below this is raised to it inside the PSI sum, so an empty bin on either side
 *                          gives a large but finite term instead of a division by zero or log of zero
 * @param ksAlpha           KS significance level: a feature whose KS p-value is below it differs significantly
 * @param ksMinStatistic    ...and must also differ by at least this much in CDF, since with thousands of rows tiny,
 *                          harmless differences are significant; a KS-only difference makes a feature WATCH
 * @param minRecentCount    fewer recent rows than this and a feature's drift is not judged (INSUFFICIENT_DATA);
 *                          fewer present values than this and KS is left out (PSI alone judges, missing as a bin)
 */
public record DriftSettings(int snapshotBins, int snapshotQuantiles, double psiWatch, double psiRetrain,
                            double minBinFraction, double ksAlpha, double ksMinStatistic, int minRecentCount) {

    private static final String DEFAULTS = "drift-defaults.json";

    public DriftSettings {
        if (snapshotBins < 2) {
            throw new IllegalArgumentException("snapshotBins must be at least 2, got " + snapshotBins);
        }
        if (snapshotQuantiles < 2) {
            throw new IllegalArgumentException("snapshotQuantiles must be at least 2, got " + snapshotQuantiles);
        }
        if (!(psiWatch > 0 && psiRetrain > psiWatch)) {
            throw new IllegalArgumentException("Need 0 < psiWatch < psiRetrain, got " + psiWatch + " and "
                    + psiRetrain);
        }
        if (!(minBinFraction > 0 && minBinFraction < 1.0 / snapshotBins)) {
            throw new IllegalArgumentException("minBinFraction must be above 0 and below one bin's share (1/"
                    + snapshotBins + "), got " + minBinFraction);
        }
        if (!(ksAlpha > 0 && ksAlpha < 1)) {
            throw new IllegalArgumentException("ksAlpha must be between 0 and 1, got " + ksAlpha);
        }
        if (!(ksMinStatistic >= 0 && ksMinStatistic <= 1)) {
            throw new IllegalArgumentException("ksMinStatistic must be in [0, 1], got " + ksMinStatistic);
        }
        if (minRecentCount < 1) {
            throw new IllegalArgumentException("minRecentCount must be at least 1, got " + minRecentCount);
        }
    }

    public static DriftSettings defaults() {
        return JsonSettings.defaults(DriftSettings.class, DEFAULTS);
    }

    /** The defaults with the fields present in {@code overridesFile} replacing them; a missing file means none. */
    public static DriftSettings withOverrides(Path overridesFile) {
        return JsonSettings.withOverrides(DriftSettings.class, DEFAULTS, overridesFile);
    }
}
