package io.hashdesk.ml.maintenance;

import io.hashdesk.core.settings.JsonSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the failure predictor looks at history, labels it and trains. Defaults live in
 * {@code maintenance-defaults.json} beside this class; an operator's file overrides any subset.
 *
 * @param horizon            a sample is positive when the unit fails within this long after it
 * @param sampleEvery        training samples are taken this often per unit
 * @param recentWindow       "now" features average the hours in this window before the sample
 * @param trendWindow        slopes of fan share, duty and chip temperature are fitted over this window
 * @param errorTrendWindow   the slope of the hardware-error rate is fitted over this (shorter) window, because a
 *                           failing board's errors climb only in its last days
 * @param baselineWindow     a unit's own baseline (error rate, board hashrate) is the window before the recent one
 * @param minRecentHours     fewer reporting hours than this in the recent window and the unit is not assessed
 * @param minTrendHours      fewer reporting hours than this in the trend window and the unit is not assessed
 * @param maxProjectionDays  trends are projected at most this far ahead: a feature that counts days to a limit
 *                           reads this when the limit is further away or the trend does not head for it
 * @param errorPseudoCount   hardware errors added to both sides of the error-rate ratio, so that a unit with no
 *                           errors in its baseline gives a finite ratio rather than a division by zero
 * @param failureDetection   how failures are recognised in stored history (they become the training labels)
 * @param forest             random-forest hyper-parameters
 * @param negativeSampling   how far training thins the samples that precede no failure soon, which are nearly all
 *                           of a large farm's history
 * @param calibrationFolds   unit-grouped folds whose out-of-fold scores fit the probability calibration
 * @param signalVisibility   how training tells how far ahead of its failures each kind shows ({@link SignalLeads})
 * @param minMedianLeadDays  the alarm threshold is the best-F1 one among those whose out-of-fold median lead time is
 *                           at least this (falls back to the best-F1 threshold when none is). Set above the 7 days
 *                           the operator is promised: a median over the dozen or so failures of a training history
 *                           falls by a day or more on units it has not seen
 * @param warningSigns       how many contributing features each assessment names
 * @param explainedUnits     a fleet assessment ({@link FailureRiskModel#assessFleet}) names warning signs for at most
 *                           this many alarmed units, the highest risks first: the ones an operator reads
 */
public record MaintenanceSettings(Duration horizon, Duration sampleEvery, Duration recentWindow,
                                  Duration trendWindow, Duration errorTrendWindow, Duration baselineWindow,
                                  int minRecentHours, int minTrendHours, double maxProjectionDays,
                                  double errorPseudoCount,
                                  FailureDetection failureDetection, Forest forest, NegativeSampling negativeSampling,
                                  int calibrationFolds, SignalVisibility signalVisibility, double minMedianLeadDays,
                                  int warningSigns, int explainedUnits) {

    private static final String DEFAULTS = "maintenance-defaults.json";

    public MaintenanceSettings {
        requirePositive(horizon, "horizon");
        requirePositive(sampleEvery, "sampleEvery");
        requirePositive(recentWindow, "recentWindow");
        requirePositive(trendWindow, "trendWindow");
        requirePositive(errorTrendWindow, "errorTrendWindow");
        requirePositive(baselineWindow, "baselineWindow");
        Objects.requireNonNull(failureDetection, "failureDetection");
        Objects.requireNonNull(forest, "forest");
        Objects.requireNonNull(negativeSampling, "negativeSampling");
        Objects.requireNonNull(signalVisibility, "signalVisibility");
        if (minRecentHours < 1 || minRecentHours > recentWindow.toHours()) {
            throw new IllegalArgumentException("minRecentHours must be 1–" + recentWindow.toHours() + ", got "
                    + minRecentHours);
        }
        if (minTrendHours < 2 || minTrendHours > trendWindow.toHours()) {
            throw new IllegalArgumentException("minTrendHours must be 2–" + trendWindow.toHours() + ", got "
                    + minTrendHours);
        }
        if (!(maxProjectionDays > 0) || Double.isInfinite(maxProjectionDays)) {
            throw new IllegalArgumentException("maxProjectionDays must be positive, got " + maxProjectionDays);
        }
        if (!(errorPseudoCount > 0) || Double.isInfinite(errorPseudoCount)) {
            throw new IllegalArgumentException("errorPseudoCount must be positive, got " + errorPseudoCount);
        }
        if (calibrationFolds < 2) {
            throw new IllegalArgumentException("calibrationFolds must be at least 2, got " + calibrationFolds);
        }
        if (!(minMedianLeadDays >= 0)) {
            throw new IllegalArgumentException("minMedianLeadDays must not be negative, got " + minMedianLeadDays);
        }
        if (warningSigns < 1) {
            throw new IllegalArgumentException("warningSigns must be at least 1, got " + warningSigns);
        }
        if (explainedUnits < 0) {
            throw new IllegalArgumentException("explainedUnits must not be negative, got " + explainedUnits);
        }
        if (negativeSampling.keepAllBeforeFailure().compareTo(horizon) < 0) {
            throw new IllegalArgumentException("negativeSampling.keepAllBeforeFailure must be at least the horizon ("
                    + horizon + "), got " + negativeSampling.keepAllBeforeFailure());
        }
    }

    /** The bundled defaults. */
    public static MaintenanceSettings defaults() {
        return JsonSettings.defaults(MaintenanceSettings.class, DEFAULTS);
    }

    /** The defaults with the fields present in an operator's JSON file replacing them; a missing file means none. */
    public static MaintenanceSettings withOverrides(Path overridesFile) {
        return JsonSettings.withOverrides(MaintenanceSettings.class, DEFAULTS, overridesFile);
    }

    /** History a unit needs before its first assessment: the baseline and the recent window. */
    public Duration historyNeeded() {
        Duration baselineAndRecent = baselineWindow.plus(recentWindow);
        return trendWindow.compareTo(baselineAndRecent) > 0 ? trendWindow : baselineAndRecent;
    }

    /**
     * How a failure is recognised in hourly history.
     *
     * @param stoppedFanShare   a fan whose hourly mean rpm falls below this share of its siblings' median has stopped
     *                          (a worn fan still turns at about 0.7 of its siblings; one that stopped mid-hour pulls
     *                          its mean below this within two buckets)
     * @param failedBoardShare  a board whose hourly hashrate falls below this share of its own median over the
     *                          previous day has failed
     * @param overheatChipTempC an hour in which the unit stopped hashing and its hottest chip reached this is an
     *                          overheat shutdown (a few degrees below the firmware's restart temperature, because
     *                          a 5-minute poll rarely lands on the peak)
     */
    public record FailureDetection(double stoppedFanShare, double failedBoardShare, double overheatChipTempC) {
        public FailureDetection {
            if (!(stoppedFanShare > 0 && stoppedFanShare < 1)) {
                throw new IllegalArgumentException("stoppedFanShare must be in (0, 1), got " + stoppedFanShare);
            }
            if (!(failedBoardShare > 0 && failedBoardShare < 1)) {
                throw new IllegalArgumentException("failedBoardShare must be in (0, 1), got " + failedBoardShare);
            }
            if (!(overheatChipTempC > 0)) {
                throw new IllegalArgumentException("overheatChipTempC must be positive, got " + overheatChipTempC);
            }
        }
    }

    /**
     * When a day's samples before a kind's failures show its signal ({@link SignalLeads}).
     *
     * @param minAuc           the forest's out-of-fold score for the kind must rank the day's samples above healthy
     *                         units' samples at least this often (0.5 is chance)
     * @param minSamplesPerDay a day with fewer samples of the kind than this is too few to tell, and counts as visible
     */
    public record SignalVisibility(double minAuc, int minSamplesPerDay) {
        public SignalVisibility {
            if (!(minAuc >= 0.5 && minAuc <= 1)) {
                throw new IllegalArgumentException("signalVisibility.minAuc must be in [0.5, 1], got " + minAuc);
            }
            if (minSamplesPerDay < 1) {
                throw new IllegalArgumentException("signalVisibility.minSamplesPerDay must be at least 1, got "
                        + minSamplesPerDay);
            }
        }
    }

    /**
     * Which training samples are thinned. A sample whose unit fails within {@code keepAllBeforeFailure} is always
     * kept: every positive, and the weeks before a failure that its alarm's lead time is measured over. Of the others
     * (healthy units, and failing units long before their failure) a seeded random share is kept, so that they
     * number about {@code negativesPerPositive} times the positives, each kept one weighing for those left out
     * ({@link TrainingSample#weight}). Healthy samples 6 h apart barely differ, so a forest learns the same from far
     * fewer of them, and weighted counts keep calibration and alarm thresholds true to the whole history.
     *
     * @param keepAllBeforeFailure at least the horizon; twice it keeps lead times under two horizons exact
     * @param negativesPerPositive kept other samples per positive one; a history with fewer is not thinned
     */
    public record NegativeSampling(Duration keepAllBeforeFailure, double negativesPerPositive) {
        public NegativeSampling {
            requirePositive(keepAllBeforeFailure, "negativeSampling.keepAllBeforeFailure");
            if (!(negativesPerPositive > 0) || Double.isInfinite(negativesPerPositive)) {
                throw new IllegalArgumentException("negativeSampling.negativesPerPositive must be positive, got "
                        + negativesPerPositive);
            }
        }
    }

    /**
     * Random-forest hyper-parameters, set explicitly because Smile's defaults change between versions.
     *
     * @param trees            trees of the forest the model serves with
     * @param outOfFoldTrees   trees of each out-of-fold forest (ten per training: signal leads, calibration,
     *                         thresholds); their scores only rank and calibrate, where fewer trees cost little, and
     *                         they were most of the training time at 1,000 miners (docs/BENCHMARKS.md)
     * @param featuresPerSplit candidate features tried at each split (Smile's {@code mtry})
     * @param seed             seeds every tree, so a retrain on the same data gives the same model
     */
    public record Forest(int trees, int outOfFoldTrees, int featuresPerSplit, int maxDepth, int maxNodes,
                         int nodeSize, double subsample, long seed) {
        public Forest {
            if (trees < 1 || outOfFoldTrees < 1 || featuresPerSplit < 1 || maxDepth < 2 || maxNodes < 2
                    || nodeSize < 1) {
                throw new IllegalArgumentException("forest: trees, outOfFoldTrees, featuresPerSplit and nodeSize must"
                        + " be ≥ 1 and maxDepth, maxNodes ≥ 2, got " + this);
            }
            if (!(subsample > 0 && subsample <= 1)) {
                throw new IllegalArgumentException("forest.subsample must be in (0, 1], got " + subsample);
            }
        }

        /** The same forest with {@link #outOfFoldTrees} trees. */
        Forest outOfFold() {
            return new Forest(outOfFoldTrees, outOfFoldTrees, featuresPerSplit, maxDepth, maxNodes, nodeSize,
                    subsample, seed);
        }
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
        }
    }
}
