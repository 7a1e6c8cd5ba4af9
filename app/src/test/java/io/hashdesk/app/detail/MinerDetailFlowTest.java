package io.hashdesk.app.detail;

import static io.hashdesk.app.detail.DetailFixture.CATALOG;
import static io.hashdesk.app.detail.DetailFixture.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.app.common.FxExecutor;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.app.miners.FleetTableSettings;
import io.hashdesk.app.miners.MinerRow;
import io.hashdesk.app.miners.MinersScreen;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** An operator opens a miner from the fleet table, reads its charts, switches to 24 h and goes back. Headless. */
@ExtendWith(ApplicationExtension.class)
class MinerDetailFlowTest {

    private SqliteFarmStore store;
    private JobRunner jobs;
    private MinersScreen screen;

    @Start
    void start(Stage stage) throws Exception {
        store = DetailFixture.store(Files.createTempDirectory("miner-detail"));
        jobs = new JobRunner(FxExecutor.fx());
        screen = new MinersScreen(store, CATALOG, jobs, CLOCK, FleetTableSettings.load(Path.of("no-such-folder")),
                DetailFixture.SETTINGS);
        stage.setScene(new Scene((javafx.scene.Parent) screen.root(), 1280, 900));
        // windows other tests left open (a notification popup, say) must not take this test's clicks and keys
        new ArrayList<>(Window.getWindows()).stream().filter(window -> window != stage).forEach(Window::hide);
        stage.show();
        stage.toFront();
        stage.requestFocus();
    }

    @AfterEach
    void stop() {
        screen.close();
        jobs.close();
        store.close();
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The on-screen row showing a miner (the table also keeps spare, hidden row cells). */
    private static TableRow<?> rowOf(FxRobot robot, String minerId) {
        return robot.lookup(".table-row-cell").match((TableRow<?> row) -> row.isVisible() && row.getItem() != null
                && ((MinerRow) row.getItem()).id().value().equals(minerId)).queryAs(TableRow.class);
    }

    private static int points(FxRobot robot, String chartId) {
        LineChart<?, ?> chart = robot.lookup("#" + chartId).queryAs(LineChart.class);
        return chart.getData().isEmpty() ? 0 : chart.getData().getFirst().getData().size();
    }

    @Test
    void aMinersDetailShowsItsChartsAnotherRangeRereadsThemAndEscOrBackReturnsToTheTable(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#fleet-table").queryAs(TableView.class);
        waitFor(() -> table.getItems().size() == 2);
        // opened the way the fleet table's double click / Enter does (FleetTableViewTest clicks those; here the
        // synthetic click was lost now and then when the whole suite shares one toolkit)
        robot.clickOn(rowOf(robot, "m-001"), MouseButton.PRIMARY);
        robot.interact(() -> screen.showMiner(MinerId.of("m-001")));

        waitFor(() -> robot.lookup("#detail-miner-id").tryQuery().isPresent()
                && "m-001".equals(robot.lookup("#detail-miner-id").queryAs(Label.class).getText()));
        waitFor(() -> points(robot, "chart-hashrate") == 60);
        assertThat(robot.lookup("#detail-status").queryAs(Label.class).getText()).isEqualTo("Mining");
        assertThat(robot.lookup("#setting-preset").queryAs(Label.class).getText()).isEqualTo("3100");
        assertThat(robot.lookup("#detail-events").queryAs(TableView.class).getItems()).hasSize(8);

        robot.clickOn("#range-day");
        waitFor(() -> points(robot, "chart-hashrate") > 200);
        assertThat(points(robot, "chart-hashrate")).isBetween(24 * 12 - 2, 24 * 12 + 1);

        robot.type(KeyCode.ESCAPE);
        waitFor(() -> robot.lookup("#fleet-table").tryQuery().map(Node::getScene).isPresent());
        assertThat(robot.lookup("#detail-miner-id").tryQuery()).isEmpty();

        robot.interact(() -> screen.showMiner(MinerId.of("m-002")));
        waitFor(() -> "m-002".equals(robot.lookup("#detail-miner-id").queryAs(Label.class).getText()));
        robot.clickOn("#detail-back");
        waitFor(() -> robot.lookup("#detail-miner-id").tryQuery().isEmpty());
    }
}
