package io.hashdesk.app.detail;

import static io.hashdesk.app.detail.DetailFixture.CATALOG;
import static io.hashdesk.app.detail.DetailFixture.CLOCK;
import static io.hashdesk.app.detail.DetailFixture.MINER;
import static io.hashdesk.app.detail.DetailFixture.NOW;
import static io.hashdesk.app.detail.DetailFixture.SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.app.common.JobContext;
import io.hashdesk.core.domain.SensorId;
import io.hashdesk.core.domain.SensorPlacement;
import io.hashdesk.core.domain.SensorPosition;
import io.hashdesk.core.domain.SensorQuantity;
import io.hashdesk.core.domain.SensorReading;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The detail screen's temperature chart carries the intake air of the miner's rack, or else of its room. */
class MinerIntakeAirTest {

    @TempDir
    Path folder;
    SqliteFarmStore store;
    MinerDetailReader reader;

    static final JobContext QUIET_JOB = new JobContext() {
        @Override
        public void progress(double fraction, String message) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    @BeforeEach
    void open() {
        store = DetailFixture.store(folder);
        reader = new MinerDetailReader(store, CATALOG, CLOCK, SETTINGS);
    }

    @AfterEach
    void close() {
        store.close();
    }

    void intakeEveryMinute(String id, SensorPlacement placement, double tempC) {
        List<SensorReading> reads = new ArrayList<>();
        for (int m = 1; m <= 60; m++) {
            reads.add(SensorReading.ok(SensorId.of(id), placement, NOW.minus(Duration.ofMinutes(m)),
                    Map.of(SensorQuantity.TEMPERATURE_C, tempC)));
        }
        store.sensors().ingest(reads);
    }

    static ChartLine air(MinerHistory history) {
        return history.lines(ChartKind.TEMPERATURE).stream().filter(l -> l.name().startsWith("Intake air"))
                .findFirst().orElseThrow(() -> new AssertionError("no intake line: " + history.lines(ChartKind.TEMPERATURE)));
    }

    @Test
    void withoutSensorsTheChartHasOnlyTheMinersOwnTemperatures() {
        MinerHistory history = reader.history(MINER, DetailRange.HOUR, QUIET_JOB);
        assertThat(history.lines(ChartKind.TEMPERATURE)).extracting(ChartLine::name)
                .doesNotContain("Intake air (room)");
    }

    @Test
    void theRoomsIntakeAirIsDrawnBesideTheChipTemperature() {
        intakeEveryMinute("hall-a-intake", new SensorPlacement("hall-a", null, SensorPosition.INTAKE), 24.0);
        intakeEveryMinute("hall-b-intake", new SensorPlacement("hall-b", null, SensorPosition.INTAKE), 31.0);
        ChartLine air = air(reader.history(MINER, DetailRange.HOUR, QUIET_JOB));
        assertThat(air.name()).isEqualTo("Intake air (room)");
        assertThat(air.points()).hasSizeGreaterThanOrEqualTo(12).allSatisfy(p -> assertThat(p.value()).isEqualTo(24.0));
    }

    @Test
    void aSensorOnTheMinersOwnRackIsPreferredToTheRooms() {
        intakeEveryMinute("hall-a-intake", new SensorPlacement("hall-a", null, SensorPosition.INTAKE), 24.0);
        intakeEveryMinute("r1-intake", new SensorPlacement("hall-a", "R1", SensorPosition.INTAKE), 26.5);
        ChartLine air = air(reader.history(MINER, DetailRange.HOUR, QUIET_JOB));
        assertThat(air.name()).isEqualTo("Intake air (rack R1)");
        assertThat(air.points()).allSatisfy(p -> assertThat(p.value()).isEqualTo(26.5));
    }
}
