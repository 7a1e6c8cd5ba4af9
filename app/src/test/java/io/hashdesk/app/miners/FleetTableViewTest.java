package io.hashdesk.app.miners;

import static io.hashdesk.app.miners.FleetFixture.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.app.common.FxExecutor;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.core.domain.MinerId;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** What an operator does with the fleet table: sort, select, watch it refresh, search, open a miner. Headless. */
@ExtendWith(ApplicationExtension.class)
class FleetTableViewTest {

    private static final int MINERS = 300;

    private final JobRunner jobs = new JobRunner(FxExecutor.fx());
    private final List<MinerId> opened = new ArrayList<>();
    private FleetTableViewModel viewModel;
    private TableView<MinerRow> table;

    @Start
    void start(Stage stage) {
        viewModel = new FleetTableViewModel(new FleetCsvExport(), jobs);
        viewModel.setOnOpenMiner(opened::add);
        viewModel.update(fleet(0));
        FleetTableView view = new FleetTableView(viewModel);
        stage.setScene(new Scene(view.root(), 1200, 700));
        stage.show();
        @SuppressWarnings("unchecked")
        TableView<MinerRow> found = (TableView<MinerRow>) view.root().lookup("#fleet-table");
        table = found;
    }

    @AfterEach
    void stopJobs() {
        jobs.close();
    }

    /** Hashrates that shift with {@code round}, so a refresh reorders a hashrate sort. */
    private static List<MinerRow> fleet(int round) {
        List<MinerRow> rows = new ArrayList<>();
        for (int i = 0; i < MINERS; i++) {
            rows.add(row(String.format("m-%03d", i), i % 10 == 0 ? RowStatus.OFFLINE : RowStatus.MINING,
                    "hall-" + (i % 3), "Antminer S19", (double) ((i * 37 + round * 101) % 500), i % 25 == 0));
        }
        return rows;
    }

    /** The on-screen row showing a miner (the table also keeps spare, hidden row cells). */
    private static TableRow<?> rowOf(FxRobot robot, String minerId) {
        return robot.lookup(".table-row-cell").match((TableRow<?> row) -> row.isVisible() && row.getItem() != null
                && ((MinerRow) row.getItem()).id().value().equals(minerId)).queryAs(TableRow.class);
    }

    private int firstVisibleIndex() {
        return ((VirtualFlow<?>) table.lookup(".virtual-flow")).getFirstVisibleCell().getIndex();
    }

    private boolean sortedByHashrate() {
        List<MinerRow> items = table.getItems();
        for (int i = 1; i < items.size(); i++) {
            if (items.get(i - 1).hashrateThs() > items.get(i).hashrateThs()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void aLiveRefreshKeepsTheSortTheSelectionAndTheScrollPosition(FxRobot robot) {
        robot.clickOn(robot.lookup("#col-hashrate").queryAs(javafx.scene.Node.class));
        assertTrue(sortedByHashrate());
        robot.interact(() -> table.scrollTo(120));
        robot.clickOn(robot.lookup(".table-row-cell").nth(3).queryAs(javafx.scene.Node.class));
        robot.press(KeyCode.SHIFT).type(KeyCode.DOWN).release(KeyCode.SHIFT);
        List<MinerId> selected = List.copyOf(viewModel.selectedMinerIds());
        int top = firstVisibleIndex();
        assertEquals(2, selected.size());

        robot.interact(() -> viewModel.update(fleet(1)));

        assertTrue(sortedByHashrate(), "still sorted after the values changed");
        assertEquals(selected, viewModel.selectedMinerIds());
        assertEquals(selected, table.getSelectionModel().getSelectedItems().stream().map(MinerRow::id).toList()
                .stream().sorted((a, b) -> selected.indexOf(a) - selected.indexOf(b)).toList());
        assertEquals(top, firstVisibleIndex(), "the rows in view stay in view");
    }

    @Test
    void ctrlFSearchesAndEnterOrDoubleClickOpensTheMiner(FxRobot robot) {
        robot.clickOn(robot.lookup(".table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        assertTrue(robot.lookup("#fleet-search").queryAs(TextField.class).isFocused());

        robot.write("m-042");
        assertEquals(1, table.getItems().size());
        robot.doubleClickOn(rowOf(robot, "m-042"), MouseButton.PRIMARY);
        assertEquals(List.of(MinerId.of("m-042")), opened, "double-click");
        robot.type(KeyCode.ENTER);

        assertEquals(List.of(MinerId.of("m-042"), MinerId.of("m-042")), opened, "then Enter");
    }
}
