package io.hashdesk.ml.month;

import io.hashdesk.core.reco.Estimate;
import io.hashdesk.core.reco.RecommendationType;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the operator loop did over the month: recommendations seen per type (each advice once, however many passes
 * repeated it), accepted, kept after the settle watch, rolled back or failed, and per figure how many measured
 * outcomes fell inside the predicted interval.
 */
final class LoopTally {

    /** A figure the recommendations predict with an interval and the outcome measurement measures. */
    enum Figure {
        EFFICIENCY_J_PER_TH("J/TH"),
        POWER_WATTS("power"),
        PROFIT_USD_PER_DAY("$/day");

        private final String label;

        Figure(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** Which peers an outcome measurement subtracted as controls. */
    enum Controls {
        /** The engine's own measurement, as the store keeps it and the track record reads it. */
        AS_STORED,
        /** Measured again with only peers no action changed in the windows. */
        UNTOUCHED_ONLY
    }

    /** How many measured outcomes of a figure were inside the predicted interval, of how many measured. */
    record Coverage(int inside, int measured) {
        double share() {
            return measured == 0 ? Double.NaN : (double) inside / measured;
        }
    }

    private final Map<RecommendationType, Integer> recommended = new EnumMap<>(RecommendationType.class);
    private final Map<RecommendationType, Integer> accepted = new EnumMap<>(RecommendationType.class);
    private final Map<RecommendationType, Integer> kept = new EnumMap<>(RecommendationType.class);
    private final Map<RecommendationType, Integer> rolledBack = new EnumMap<>(RecommendationType.class);
    private final Map<RecommendationType, Integer> failed = new EnumMap<>(RecommendationType.class);
    private final Map<Controls, Map<Figure, Coverage>> coverage = new EnumMap<>(Controls.class);
    private int passes;

    void pass() {
        passes++;
    }

    void recommended(RecommendationType type) {
        recommended.merge(type, 1, Integer::sum);
    }

    void accepted(RecommendationType type) {
        accepted.merge(type, 1, Integer::sum);
    }

    void kept(RecommendationType type) {
        kept.merge(type, 1, Integer::sum);
    }

    void rolledBack(RecommendationType type) {
        rolledBack.merge(type, 1, Integer::sum);
    }

    /** The action ended neither kept nor rolled back (nothing applicable, or a miner left for recovery). */
    void failed(RecommendationType type) {
        failed.merge(type, 1, Integer::sum);
    }

    /** Counts one measured outcome of {@code figure} against its prediction; absent predictions are not counted. */
    void outcome(Controls controls, Figure figure, Estimate predicted, Double measured) {
        if (predicted == null || measured == null || !Double.isFinite(measured)) {
            return;
        }
        Map<Figure, Coverage> byFigure = coverage.computeIfAbsent(controls, c -> new EnumMap<>(Figure.class));
        Coverage before = byFigure.getOrDefault(figure, new Coverage(0, 0));
        byFigure.put(figure, new Coverage(before.inside() + (predicted.contains(measured) ? 1 : 0),
                before.measured() + 1));
    }

    int passes() {
        return passes;
    }

    Map<RecommendationType, Integer> recommended() {
        return Map.copyOf(recommended);
    }

    int accepted() {
        return accepted.values().stream().mapToInt(Integer::intValue).sum();
    }

    Map<RecommendationType, Integer> acceptedByType() {
        return Map.copyOf(accepted);
    }

    int kept() {
        return kept.values().stream().mapToInt(Integer::intValue).sum();
    }

    int rolledBack() {
        return rolledBack.values().stream().mapToInt(Integer::intValue).sum();
    }

    int failed() {
        return failed.values().stream().mapToInt(Integer::intValue).sum();
    }

    Coverage coverage(Controls controls, Figure figure) {
        return coverage.getOrDefault(controls, Map.of()).getOrDefault(figure, new Coverage(0, 0));
    }
}
