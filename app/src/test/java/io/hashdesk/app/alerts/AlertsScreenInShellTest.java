package io.hashdesk.app.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.app.common.FxExecutor;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.app.shell.ScreenInShell;
import io.hashdesk.app.shell.Section;
import io.hashdesk.app.shell.ShellView;
import io.hashdesk.core.alert.AlertBatch;
import io.hashdesk.core.alert.AlertFinding;
import io.hashdesk.core.alert.AlertKey;
import io.hashdesk.core.alert.AlertKind;
import io.hashdesk.core.alert.AlertMonitor;
import io.hashdesk.core.alert.AlertSettings;
import io.hashdesk.core.alert.AlertSeverity;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** An operator opens Alerts, picks the overheating miner and acknowledges it; it moves to Acknowledged. */
@ExtendWith(ApplicationExtension.class)
class AlertsScreenInShellTest {

    private SqliteFarmStore store;
    private JobRunner jobs;
    private AlertsScreen screen;
    private final List<AlertNotification> notified = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("alerts-screen");
        Clock clock = Clock.systemUTC();
        store = SqliteFarmStore.open(dir.resolve("farm.db"), StoreSettings.defaults(), clock);
        store.alerts().apply(new AlertBatch(List.of(
                new AlertFinding(new AlertKey(MinerId.of("B-S21-07"), AlertKind.OVERHEATING), AlertSeverity.CRITICAL,
                        "Chip temperature 91 °C is at or above the 85 °C limit."),
                new AlertFinding(new AlertKey(MinerId.of("A-S19-05"), AlertKind.LOW_HASHRATE), AlertSeverity.WARNING,
                        "Hashrate 70.0 TH/s is 74 % of the rated 95 TH/s.")), List.of(), clock.instant()));
        jobs = new JobRunner(FxExecutor.fx());
        AlertMonitor monitor = new AlertMonitor(store.alerts(), store.registry(), store.telemetry(),
                MinerModelCatalog.bundled(), AlertSettings.defaults(), clock);
        screen = new AlertsScreen(store.alerts(), monitor, jobs, clock, "maria", FxExecutor.fx(),
                new AlertsScreenSettings(Duration.ofSeconds(1), Duration.ofSeconds(10), 2, 3, 100), notified::add);
        ScreenInShell.show(stage, dir, Section.ALERTS, screen.sectionScreen());
    }

    @AfterEach
    void stop() {
        screen.close();
        jobs.close();
        store.close();
    }

    @Test
    void acknowledgingTheOverheatingMinerMovesItOutOfNeedsAttention(FxRobot robot) throws Exception {
        robot.clickOn("#" + ShellView.navId(Section.ALERTS));
        TableView<?> table = robot.lookup("#alerts-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        ToggleButton open = robot.lookup("#alerts-view-open").queryAs(ToggleButton.class);
        assertThat(open.getText()).isEqualTo("Needs attention (2)");

        robot.clickOn("B-S21-07");
        robot.clickOn("#alerts-acknowledge");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        assertThat(((AlertRow) table.getItems().getFirst()).miner()).isEqualTo("A-S19-05");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> open.getText().equals("Needs attention (1)"));

        robot.clickOn("#alerts-view-acknowledged");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1
                && ((AlertRow) table.getItems().getFirst()).miner().equals("B-S21-07"));
        assertThat(((AlertRow) table.getItems().getFirst()).status()).startsWith("Acknowledged by maria");
        assertThat(notified).isEmpty();
    }
}
