package io.hashdesk.ml.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.ml.eval.EvaluationScale;
import io.hashdesk.ml.eval.MetricRow;
import io.hashdesk.ml.eval.ModelEvaluation;
import org.junit.jupiter.api.Test;

class AnomalyEvaluationTest {

    @Test
    void findsCoarseAndSubtleFaultsWithF1OfAtLeastNinetyPercentEachKindIncludedAndFewFalseAlarms() throws Exception {
        ModelEvaluation.Result result = new AnomalyEvaluation().evaluate(EvaluationScale.TEST);
        assertThat(result.allTargetsMet()).as(result.rows().toString()).isTrue();
        MetricRow f1 = result.rows().getFirst();
        assertThat(f1.value()).isGreaterThanOrEqualTo(0.9);
        MetricRow falseAlarms = result.rows().stream().filter(r -> r.metric().startsWith("false-alarm")).findFirst()
                .orElseThrow();
        assertThat(falseAlarms.value()).isLessThan(0.05);
        for (FaultKind kind : FaultKind.values()) {
            MetricRow perKind = result.rows().stream().filter(r -> r.metric().equals("F1, " + kind.description()))
                    .findFirst().orElseThrow(() -> new AssertionError("no row for " + kind));
            assertThat(perKind.value()).as(perKind.toString()).isGreaterThanOrEqualTo(0.8);
        }
    }
}
