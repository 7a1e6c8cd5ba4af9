package io.hashdesk.ml.thermal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.ml.eval.EvaluationScale;
import io.hashdesk.ml.eval.MetricRow;
import io.hashdesk.ml.eval.ModelEvaluation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThermalModelEvaluationTest {

    @TempDir
    Path dir;

    @Test
    void predictsHeldOutSimulatorTemperaturesWithinTarget() throws Exception {
        ModelEvaluation.Result result = new ThermalModelEvaluation(dir).evaluate(EvaluationScale.TEST);

        assertThat(result.rows()).filteredOn(row -> !row.target().equals("reported"))
                .hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(row -> assertThat(row.met()).as(row.metric() + " = " + row.value()).isTrue());
        assertThat(result.rows()).extracting(MetricRow::value).allSatisfy(v -> assertThat(v).isFinite());
    }
}
