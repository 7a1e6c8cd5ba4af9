package io.hashdesk.ml.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.ml.eval.EvaluationScale;
import io.hashdesk.ml.eval.ModelEvaluation;
import org.junit.jupiter.api.Test;

class RegistryEvaluationTest {

    @Test
    void driftChecksStayQuietWhenNothingChangedAndAskForRetrainingWhenTheSimulatorChanged() throws Exception {
        ModelEvaluation.Result result = new RegistryEvaluation().evaluate(EvaluationScale.TEST);

        assertThat(result.rows()).hasSize(4);
        assertThat(result.rows()).allSatisfy(row -> assertThat(row.met()).as(row.metric() + " = " + row.value()
                + " (target " + row.target() + ")").isTrue());
    }
}
