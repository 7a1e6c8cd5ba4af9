package io.hashdesk.ml.maintenance;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.ml.TrainingProgress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Labelled samples from units' histories: every {@code sampleEvery} from the first instant with enough history to
 * the end, each unit's feature row with the time of its first failure after it. A unit's samples stop at its first
 * failure: after it the unit is being repaired, and its readings say nothing about wear.
 */
public final class TrainingSamples {

    private TrainingSamples() {
    }

    /** Samples labelled with the failures {@link FailureDetector} recognises in the histories themselves. */
    public static List<TrainingSample> fromStoredFailures(List<HourlyHistory> units, MaintenanceSettings settings,
                                                          TrainingProgress progress) {
        FailureDetector detector = new FailureDetector(settings.failureDetection());
        Map<MinerId, ObservedFailure> first = new HashMap<>();
        for (HourlyHistory h : units) {
            detector.first(h).ifPresent(f -> first.put(h.miner(), f));
        }
        return of(units, first, settings, progress);
    }

    /**
     * @param firstFailures each unit's first failure in the history; a unit missing here never failed
     */
    public static List<TrainingSample> of(List<HourlyHistory> units, Map<MinerId, ObservedFailure> firstFailures,
                                          MaintenanceSettings settings, TrainingProgress progress) {
        if (units.isEmpty()) {
            return List.of();
        }
        // Samples in miner order whatever order the store listed the units in: the forests' bootstrap draws follow
        // the sample order, so the same history must always give the same list to give the same model.
        units = units.stream().sorted(java.util.Comparator.comparing(h -> h.miner().value())).toList();
        Instant start = units.stream().map(HourlyHistory::start).min(Instant::compareTo).orElseThrow();
        Instant end = units.stream().map(h -> h.slotStart(h.hours())).max(Instant::compareTo).orElseThrow();
        Instant first = start.plus(settings.historyNeeded());
        MaintenanceFeatures features = new MaintenanceFeatures(settings);
        long steps = Math.max(1, java.time.Duration.between(first, end).dividedBy(settings.sampleEvery()));
        List<TrainingSample> samples = new ArrayList<>();
        long step = 0;
        for (Instant t = first; !t.isAfter(end); t = t.plus(settings.sampleEvery())) {
            progress.checkCancelled();
            // Half of a training run: FailureRiskModel.train reports fitting as the second half.
            progress.report(0.5 * step++ / steps, "Failure model: features at " + t);
            for (FeatureRow row : features.rows(units, t)) {
                ObservedFailure failure = firstFailures.get(row.miner());
                if (failure == null) {
                    samples.add(new TrainingSample(row, null, null));
                } else if (failure.at().isAfter(t)) {
                    samples.add(new TrainingSample(row, failure.at(), failure.kind()));
                }
            }
        }
        return samples;
    }
}
