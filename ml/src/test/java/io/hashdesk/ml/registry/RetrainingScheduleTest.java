package io.hashdesk.ml.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrainingScheduleTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final ModelScope S19 = ModelScope.minerModel("antminer-s19j-pro");
    private final RetrainingSchedule schedule = new RetrainingSchedule(RetrainingSettings.defaults());

    private static ModelSlot slot(ModelType type, Duration trainedAgo, boolean drift) {
        return new ModelSlot(type, S19, Optional.of(NOW.minus(trainedAgo)), drift);
    }

    @Test
    void aDailyTypeIsDueAfterADayAndAWeeklyTypeNotUntilAWeek() {
        List<RetrainingDue> due = schedule.due(List.of(
                slot(ModelType.ANOMALY, Duration.ofHours(25), false),
                slot(ModelType.THERMAL, Duration.ofDays(3), false),
                slot(ModelType.MAINTENANCE, Duration.ofDays(8), false)), NOW);

        assertThat(due).extracting(d -> d.slot().type()).containsExactly(ModelType.MAINTENANCE, ModelType.ANOMALY);
        assertThat(due).extracting(RetrainingDue::reason).containsOnly(RetrainingDue.Reason.SCHEDULE);
        assertThat(due.getFirst().explanation()).contains("192 h ago").contains("every 168 h");
    }

    @Test
    void driftMakesAModelDueEarlyButNotRightAfterItWasRetrained() {
        List<RetrainingDue> due = schedule.due(List.of(
                slot(ModelType.THERMAL, Duration.ofDays(2), true),
                slot(ModelType.EFFICIENCY_CURVE, Duration.ofHours(1), true)), NOW);

        assertThat(due).singleElement().satisfies(d -> {
            assertThat(d.slot().type()).isEqualTo(ModelType.THERMAL);
            assertThat(d.reason()).isEqualTo(RetrainingDue.Reason.DRIFT);
        });
    }

    @Test
    void aModelNeverTrainedIsDueAndDriftComesFirst() {
        List<RetrainingDue> due = schedule.due(List.of(
                slot(ModelType.PROFIT_FORECAST, Duration.ofDays(2), false),
                new ModelSlot(ModelType.MAINTENANCE, S19, Optional.empty(), false),
                slot(ModelType.THERMAL, Duration.ofDays(2), true)), NOW);

        assertThat(due).extracting(RetrainingDue::reason).containsExactly(RetrainingDue.Reason.DRIFT,
                RetrainingDue.Reason.NEVER_TRAINED, RetrainingDue.Reason.SCHEDULE);
    }

    @Test
    void anOperatorFileChangesOneTypesIntervalAndKeepsTheOthers(@TempDir Path dir) throws IOException {
        Path overrides = dir.resolve("retraining.json");
        Files.writeString(overrides, "{\"intervals\": {\"THERMAL\": \"P1D\"}}");
        RetrainingSchedule custom = new RetrainingSchedule(RetrainingSettings.withOverrides(overrides));

        List<RetrainingDue> due = custom.due(List.of(
                slot(ModelType.THERMAL, Duration.ofHours(30), false),
                slot(ModelType.MAINTENANCE, Duration.ofHours(30), false),
                slot(ModelType.of("FAN_LIFE"), Duration.ofDays(8), false)), NOW);

        assertThat(due).extracting(d -> d.slot().type()).containsExactlyInAnyOrder(ModelType.THERMAL,
                ModelType.of("FAN_LIFE"));
    }
}
