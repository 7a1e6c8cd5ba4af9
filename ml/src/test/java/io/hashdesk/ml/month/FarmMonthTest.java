package io.hashdesk.ml.month;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.hashdesk.ml.eval.EvaluationScale;
import io.hashdesk.ml.training.RetrainingRun;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FarmMonthTest {

    private static final Path FARM_FILE = RecommendationEvaluation.FARM_FILE;
    private static final Path ECONOMICS_FILE = RecommendationEvaluation.ECONOMICS_FILE;

    @TempDir
    Path dir;

    @Test
    void pricesEveryMeasuredDayFromTheStoreAfterTheTrialsAndRetrainsTheModelsOnTheWay() {
        MonthScenario full = MonthScenario.demoFarm(FARM_FILE, EvaluationScale.TEST);
        MonthScenario scenario = new MonthScenario(full.farm(), full.units(), full.start(), Duration.ofDays(2),
                Duration.ofDays(2), full.pollEvery(), full.subStep(), full.retrainEvery(), full.operatorEvery(),
                full.marketSeed());
        try (FarmMonth month = FarmMonth.start(scenario, ECONOMICS_FILE, dir)) {
            month.advanceTo(scenario.end());
            assertThat(month.days()).hasSize(2);
            assertThat(month.days()).allSatisfy(day -> {
                assertThat(day.priced()).isEqualTo(scenario.units().size());
                assertThat(day.sha256JPerTh()).isBetween(10.0, 40.0);
                assertThat(day.energyKwh()).isPositive();
            });
            assertThat(month.retrainingRuns()).flatExtracting(RetrainingRun::outcomes)
                    .anySatisfy(o -> assertThat(o.result()).isEqualTo(RetrainingRun.Result.PROMOTED));
            assertThat(month.store().market().latest("BTC").orElseThrow().figures().values())
                    .allSatisfy(f -> assertThat(f.fetchedAt()).isBeforeOrEqualTo(scenario.end()));
            assertThat(month.trialSwitches()).as("the operator's preset trials in the warm-up").isPositive();
            RunFigures figures = month.figures();
            assertThat(figures.sha256JPerThWhileHashing()).as("J/TH from the polls, nothing paused")
                    .isCloseTo(figures.sha256JPerTh(), withinPercentage(2));
            assertThat(figures.sha256Units()).isEqualTo(scenario.units().size());
            assertThat(figures.optimumGapPercent()).as("preset units run above their true manual optimum")
                    .isBetween(0.0, 40.0);
        }
    }
}
