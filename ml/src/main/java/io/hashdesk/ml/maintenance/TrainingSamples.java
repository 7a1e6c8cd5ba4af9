package io.hashdesk.ml.maintenance;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.ml.TrainingProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Labelled samples from units' histories: every {@code sampleEvery} from the first instant with enough history to
 * the end, each unit's feature row with the time of its first failure after it. A unit's samples stop at its first
 * failure: after it the unit is being repaired, and its readings say nothing about wear.
 */
public final class TrainingSamples {

    private TrainingSamples() {
    }

    /**
     * Training samples labelled with the failures {@link FailureDetector} recognises in the histories themselves,
     * thinned as {@link MaintenanceSettings.NegativeSampling} says: the samples far from any failure are drawn before
     * their features are computed, so a large farm's history costs little more than its failures.
     */
    public static List<TrainingSample> fromStoredFailures(List<HourlyHistory> units, MaintenanceSettings settings,
                                                          TrainingProgress progress) {
        FailureDetector detector = new FailureDetector(settings.failureDetection());
        Map<MinerId, ObservedFailure> first = new HashMap<>();
        for (HourlyHistory h : units) {
            detector.first(h).ifPresent(f -> first.put(h.miner(), f));
        }
        return build(units, first, settings, true, progress);
    }

    /**
     * Every sample, none thinned (what a model is scored on).
     *
     * @param firstFailures each unit's first failure in the history; a unit missing here never failed
     */
    public static List<TrainingSample> of(List<HourlyHistory> units, Map<MinerId, ObservedFailure> firstFailures,
                                          MaintenanceSettings settings, TrainingProgress progress) {
        return build(units, firstFailures, settings, false, progress);
    }

    private static List<TrainingSample> build(List<HourlyHistory> units, Map<MinerId, ObservedFailure> firstFailures,
                                              MaintenanceSettings settings, boolean thin,
                                              TrainingProgress progress) {
        if (units.isEmpty()) {
            return List.of();
        }
        // Samples in miner order whatever order the store listed the units in: the forests' bootstrap draws follow
        // the sample order, so the same history must always give the same list to give the same model.
        units = units.stream().sorted(Comparator.comparing(h -> h.miner().value())).toList();
        Instant start = units.stream().map(HourlyHistory::start).min(Instant::compareTo).orElseThrow();
        Instant end = units.stream().map(h -> h.slotStart(h.hours())).max(Instant::compareTo).orElseThrow();
        List<Instant> instants = new ArrayList<>();
        for (Instant t = start.plus(settings.historyNeeded()); !t.isAfter(end); t = t.plus(settings.sampleEvery())) {
            instants.add(t);
        }
        Duration keepAll = settings.negativeSampling().keepAllBeforeFailure();
        double keep = thin ? keepShare(units, firstFailures, instants, settings) : 1;
        // Seeded, and drawn in a fixed order (time, then miner), so the same history always keeps the same samples.
        Random draws = new Random(settings.forest().seed());
        MaintenanceFeatures features = new MaintenanceFeatures(settings);
        List<TrainingSample> samples = new ArrayList<>();
        for (int step = 0; step < instants.size(); step++) {
            Instant t = instants.get(step);
            progress.checkCancelled();
            // Half of a training run: FailureRiskModel.train reports fitting as the second half.
            progress.report(0.5 * step / instants.size(), "Failure model: features at " + t);
            Set<MinerId> wanted = new HashSet<>();
            for (HourlyHistory h : units) {
                ObservedFailure failure = firstFailures.get(h.miner());
                if (failure != null && !failure.at().isAfter(t)) {
                    continue;
                }
                if (keep >= 1 || dense(failure, t, keepAll) || draws.nextDouble() < keep) {
                    wanted.add(h.miner());
                }
            }
            for (FeatureRow row : features.rows(units, t, h -> wanted.contains(h.miner()))) {
                ObservedFailure failure = firstFailures.get(row.miner());
                double weight = dense(failure, t, keepAll) ? 1 : 1 / keep;
                samples.add(failure == null ? new TrainingSample(row, null, null, weight)
                        : new TrainingSample(row, failure.at(), failure.kind(), weight));
            }
        }
        return samples;
    }

    /** Whether the sample at {@code t} is one never thinned: its unit fails within {@code keepAll}. */
    private static boolean dense(ObservedFailure failure, Instant t, Duration keepAll) {
        return failure != null && !failure.at().isAfter(t.plus(keepAll));
    }

    /**
     * The share of thinnable samples to keep so that they number about {@code negativesPerPositive} times the
     * positives; 1 (keep all) when they are fewer, or when there is no positive to measure against. Counted from the
     * failure times alone, before any feature is computed (units a sample cannot assess count too: a rate, not a
     * quota).
     */
    private static double keepShare(List<HourlyHistory> units, Map<MinerId, ObservedFailure> firstFailures,
                                    List<Instant> instants, MaintenanceSettings settings) {
        Duration keepAll = settings.negativeSampling().keepAllBeforeFailure();
        long positives = 0;
        long thinnable = 0;
        for (HourlyHistory h : units) {
            ObservedFailure failure = firstFailures.get(h.miner());
            for (Instant t : instants) {
                if (failure != null && !failure.at().isAfter(t)) {
                    break;
                }
                if (failure != null && !failure.at().isAfter(t.plus(settings.horizon()))) {
                    positives++;
                } else if (!dense(failure, t, keepAll)) {
                    thinnable++;
                }
            }
        }
        if (positives == 0 || thinnable == 0) {
            return 1;
        }
        return Math.min(1, settings.negativeSampling().negativesPerPositive() * positives / thinnable);
    }
}
