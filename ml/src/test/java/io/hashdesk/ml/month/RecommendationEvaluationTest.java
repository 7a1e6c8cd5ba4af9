package io.hashdesk.ml.month;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.ml.eval.EvaluationScale;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommendationEvaluationTest {

    @TempDir
    Path dir;

    @Test
    void acceptedRecommendationsLowerJPerThAndNothingOutsideTheSafeLimitsIsEverWritten() throws Exception {
        MonthScenario scenario = MonthScenario.demoFarm(RecommendationEvaluation.FARM_FILE, EvaluationScale.TEST);

        RecommendationEvaluation.Comparison month = RecommendationEvaluation.compare(scenario, dir);

        assertThat(month.loop().accepted()).as("recommendations applied").isPositive();
        assertThat(month.writes()).as("writes that reached a miner").isNotEmpty();
        assertThat(month.writes()).as("writes outside a model's safe limits")
                .allSatisfy(write -> assertThat(write.violations()).as(write.toString()).isEmpty());
        assertThat(month.with().sha256JPerThWhileHashing()).as("J/TH while hashing with Hashdesk vs without")
                .isLessThan(month.without().sha256JPerThWhileHashing());
        assertThat(month.with().days()).hasSameSizeAs(month.without().days());
    }
}
