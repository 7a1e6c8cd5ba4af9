package io.hashdesk.app.overview;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.app.common.FxExecutor;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.core.store.FleetPoint;
import io.hashdesk.core.store.SensorPoint;
import io.hashdesk.core.store.Stat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.chart.AreaChart;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The 24 h power chart names its lines in a legend when room meters measured power beside the miners' own figure. */
@ExtendWith(ApplicationExtension.class)
class FleetHistoryViewTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private JobRunner jobs;
    private FleetHistoryViewModel viewModel;

    @Start
    void start(Stage stage) {
        jobs = new JobRunner(FxExecutor.fx());
        Instant bucket = NOW.minus(Duration.ofMinutes(5));
        viewModel = new FleetHistoryViewModel(
                (from, to) -> List.of(new FleetPoint(bucket, 60, 60, 6_100.0, 177_000, 65.0)), (from, to) -> Map.of(),
                (from, to) -> Map.of("hall-a", List.of(new SensorPoint(bucket, Duration.ofMinutes(5), 30,
                        new Stat(184_000, 184_000, 184_000)))),
                jobs, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(24));
        stage.setScene(new Scene(new FleetHistoryView(viewModel, ZoneOffset.UTC).root(), 700, 600));
        stage.show();
    }

    @AfterEach
    void stopJobs() {
        jobs.close();
    }

    @Test
    void measuredPowerIsASecondLineNamedInTheLegend(FxRobot robot) {
        robot.interact(() -> viewModel.show(viewModel.read()));
        WaitForAsyncUtils.waitForFxEvents();

        AreaChart<?, ?> power = robot.lookup("#chart-fleet-power").queryAs(AreaChart.class);
        assertThat(power.getData()).hasSize(2);
        HBox legend = robot.lookup("#chart-fleet-power-legend").queryAs(HBox.class);
        assertThat(legend.isVisible()).isTrue();
        assertThat(legend.getChildren()).extracting(node -> ((Label) node).getText())
                .containsExactly("reported by the miners", "measured at the room meters");
    }
}
