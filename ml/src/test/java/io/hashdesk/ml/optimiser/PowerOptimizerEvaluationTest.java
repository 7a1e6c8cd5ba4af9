package io.hashdesk.ml.optimiser;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.ml.eval.EvaluationScale;
import io.hashdesk.ml.eval.MetricRow;
import io.hashdesk.ml.eval.ModelEvaluation;
import org.junit.jupiter.api.Test;

class PowerOptimizerEvaluationTest {

    @Test
    void reachesWithinTwoPercentOfEveryUnitsTrueOptimumInTwelveProbesWithoutLeavingTheSafeLimits() throws Exception {
        ModelEvaluation.Result result = new PowerOptimizerEvaluation().evaluate(EvaluationScale.TEST);

        assertThat(result.rows()).filteredOn(row -> !row.target().equals("reported"))
                .hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(row -> assertThat(row.met()).as(row.metric() + " = " + row.value()).isTrue());
        assertThat(result.rows()).filteredOn(row -> row.metric().startsWith("Proposals outside"))
                .singleElement().extracting(MetricRow::value).isEqualTo(0.0);
    }
}
