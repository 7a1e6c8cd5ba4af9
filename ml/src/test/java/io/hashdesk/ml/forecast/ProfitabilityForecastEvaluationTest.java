package io.hashdesk.ml.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.ml.eval.EvaluationScale;
import io.hashdesk.ml.eval.ModelEvaluation;
import org.junit.jupiter.api.Test;

class ProfitabilityForecastEvaluationTest {

    @Test
    void beatsTheNaiveForecastWhereThereIsStructureAndFallsBackWhereThereIsNone() {
        ModelEvaluation.Result result = new ProfitabilityForecastEvaluation().evaluate(EvaluationScale.TEST);

        assertThat(result.rows()).filteredOn(row -> !row.target().equals("reported"))
                .hasSize(4)
                .allSatisfy(row -> assertThat(row.met()).as(row.metric() + " = " + row.value()).isTrue());
        assertThat(result.rows()).filteredOn(row -> row.metric().contains("coverage"))
                .allSatisfy(row -> assertThat(row.value()).as(row.metric()).isBetween(0.75, 0.99));
    }
}
