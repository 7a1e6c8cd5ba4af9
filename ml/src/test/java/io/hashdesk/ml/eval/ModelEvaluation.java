package io.hashdesk.ml.eval;

import java.util.List;

/**
 * Trains one model (or one family) on simulator history with known ground truth and scores it. The evaluation
 * runner calls every implementation at {@link EvaluationScale#FULL}; each model's test calls its own at
 * {@link EvaluationScale#TEST} and asserts the targets.
 */
public interface ModelEvaluation {

    /** Heading of this model's section in docs/ML-EVALUATION.md. */
    String title();

    /** Runs the scenario, trains, scores. */
    Result evaluate(EvaluationScale scale) throws Exception;

    /**
     * @param rows  the figures
     * @param notes how the scenario was built (units, days, faults injected, split), one sentence each
     */
    record Result(List<MetricRow> rows, List<String> notes) {
        public Result {
            rows = List.copyOf(rows);
            notes = List.copyOf(notes);
        }

        public boolean allTargetsMet() {
            return rows.stream().allMatch(MetricRow::met);
        }
    }
}
