package io.hashdesk.ml.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.ml.eval.EvaluationScale;
import io.hashdesk.ml.eval.MetricRow;
import io.hashdesk.ml.eval.ModelEvaluation;
import org.junit.jupiter.api.Test;

class MaintenanceEvaluationTest {

    @Test
    void predictsSimulatedFailuresAWeekAheadWithF1AboveTarget() throws Exception {
        ModelEvaluation.Result result = new MaintenanceEvaluation().evaluate(EvaluationScale.TEST);

        assertThat(result.rows()).as("every row: %s", result.rows())
                .filteredOn(r -> !r.met()).extracting(MetricRow::metric).isEmpty();
    }
}
