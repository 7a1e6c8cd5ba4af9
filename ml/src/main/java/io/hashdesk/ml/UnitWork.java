package io.hashdesk.ml;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Work done for each unit of a fleet on every core, for training: reading a unit's history (the store has several
 * reader connections and decodes rollups in Java) or fitting a unit's own model. The units' work must be independent;
 * results come back in unit order, so a run gives the same model whatever the scheduling.
 */
public final class UnitWork {

    private UnitWork() {
    }

    /**
     * Applies {@code work} to every unit, reporting progress over {@code [from, from + span]} of the run.
     *
     * @param step what is being done, for the progress report ("Read telemetry of s19-01")
     * @throws java.util.concurrent.CancellationException when {@code progress} is cancelled; no further unit starts
     */
    public static <T, R> List<R> eachInParallel(List<T> units, Function<T, R> work, TrainingProgress progress,
                                                double from, double span, Function<T, String> step) {
        AtomicInteger done = new AtomicInteger();
        return units.parallelStream().map(unit -> {
            progress.checkCancelled();
            R result = work.apply(unit);
            progress.report(from + span * done.incrementAndGet() / units.size(), step.apply(unit));
            return result;
        }).toList();
    }
}
