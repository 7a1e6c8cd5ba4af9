package io.hashdesk.app.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.app.detail.DetailRange;
import io.hashdesk.app.discovery.FoundMiner;
import io.hashdesk.app.miners.MinerRow;
import io.hashdesk.app.shell.Section;
import io.hashdesk.app.shell.ShellView;
import io.hashdesk.app.wiring.HashdeskApp;
import io.hashdesk.core.csv.CsvProblem;
import io.hashdesk.core.settings.DataFolder;
import io.hashdesk.drivers.sim.MinerBlueprint;
import io.hashdesk.drivers.sim.SimulatedFleet;
import io.hashdesk.drivers.sim.SimulationClock;
import io.hashdesk.drivers.sim.server.MinerEndpoint;
import io.hashdesk.drivers.sim.server.SimulatorServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole console, started the way an operator starts it (the real composition root over a new data folder),
 * answered "Start with the demo farm" on the welcome, then clicked through like a technician on their first day:
 * read the overview's charts, sort and search the fleet table, open a miner and page through its chart ranges, find a miner on 127.0.0.1 and
 * import a market CSV with bad rows. The one native dialog (the CSV file chooser) is answered with a prepared file.
 * Runs headless on Monocle and under Xvfb; every wait is for a condition, never a fixed time.
 */
class ConsoleWalkthroughTest {

    /** The bundled demo farm's size (assets/demo-farm/demo-farm.json). */
    private static final int DEMO_MINERS = 60;
    /** Long enough for a first poll of the demo farm on a busy two-core CI machine. */
    private static final int WAIT_S = 30;

    @TempDir
    static Path dir;

    private static String dataDirBefore;
    private static Path marketCsv;
    private static Application console;
    private static final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startTheConsoleOnANewDataFolder() throws Exception {
        Path dataFolder = Files.createDirectories(dir.resolve("data"));
        marketCsv = Files.writeString(dir.resolve("prices.csv"), """
                time,coin,price_usd,difficulty
                2026-05-01T10:00:00Z,BTC,97000,1.2e14
                2026-05-01T10:00:00Z,XYZ,1,1
                2026-05-01T11:00:00Z,BTC,abc,1.2e14
                2026-05-01T11:00:00Z,LTC,84,2.9e7
                """);
        dataDirBefore = System.getProperty(DataFolder.PROPERTY);
        System.setProperty(DataFolder.PROPERTY, dataFolder.toString());
        FxToolkit.registerPrimaryStage();
        console = FxToolkit.setupApplication(() -> new HashdeskApp((owner, title, filters) -> Optional.of(marketCsv)));

        // a new data folder opens on the welcome
        waitFor(() -> robot.lookup("#welcome-demo").tryQuery().map(Node::isVisible).orElse(false));
        robot.clickOn("#welcome-demo");
        waitFor(() -> !robot.lookup("#welcome").query().isVisible());
    }

    @AfterAll
    static void closeTheConsole() throws Exception {
        if (console != null) {
            FxToolkit.cleanupApplication(console);
        }
        FxToolkit.cleanupStages();
        if (dataDirBefore == null) {
            System.clearProperty(DataFolder.PROPERTY);
        } else {
            System.setProperty(DataFolder.PROPERTY, dataDirBefore);
        }
    }

    @Test
    void theOverviewChartsSha256AndScryptHashrateApartOnceTheDemoFarmIsPolled() throws Exception {
        robot.clickOn("#" + ShellView.navId(Section.FLEET));

        waitFor(() -> points("chart-fleet-hashrate") > 0 && points("chart-fleet-hashrate-scrypt") > 0);
        assertThat(valueAxisLabel("chart-fleet-hashrate")).isEqualTo("SHA-256, TH/s");
        assertThat(valueAxisLabel("chart-fleet-hashrate-scrypt")).isEqualTo("Scrypt, GH/s");
        assertThat(robot.lookup("#chart-fleet-message").query().isVisible()).isFalse();
    }

    @Test
    void theStatusBarCountsTheDemoFarmsMinersRegisteredAfterTheWelcome() throws Exception {
        Label database = robot.lookup("#status-database").queryAs(Label.class);

        waitFor(() -> database.getText().startsWith("Database: " + DEMO_MINERS + " miners registered"));
    }

    @Test
    void theDemoFarmsFleetTableSortsByHashrateAndNarrowsToASearch() throws Exception {
        TableView<MinerRow> table = openFleetTable();

        robot.clickOn(columnHeader("col-hashrate"));
        robot.clickOn(columnHeader("col-hashrate"));
        waitFor(() -> table.getSortOrder().size() == 1
                && table.getSortOrder().getFirst().getSortType() == TableColumn.SortType.DESCENDING);
        List<Double> hashrates = table.getItems().stream().map(MinerRow::hashrateThs).filter(Objects::nonNull).toList();
        assertThat(hashrates).hasSizeGreaterThan(DEMO_MINERS / 2).isSortedAccordingTo(Comparator.reverseOrder());

        robot.clickOn("#fleet-search").write("S21");
        waitFor(() -> table.getItems().size() < DEMO_MINERS);
        assertThat(table.getItems()).isNotEmpty()
                .allSatisfy(row -> assertThat(row.modelName() + " " + row.id().value()).contains("S21"));
        assertThat(robot.lookup("#fleet-summary").queryAs(Label.class).getText())
                .contains(String.valueOf(table.getItems().size()));

        robot.doubleClickOn("#fleet-search").eraseText("S21".length());
        waitFor(() -> table.getItems().size() == DEMO_MINERS);
    }

    @Test
    void aMinerOpensFromTheTableAndItsChartsFollowEveryRange() throws Exception {
        TableView<MinerRow> table = openFleetTable();
        String minerId = table.getItems().getFirst().id().value();
        robot.clickOn(visibleRowOf(minerId));
        robot.type(KeyCode.ENTER);
        waitFor(() -> robot.lookup("#detail-miner-id").tryQuery()
                .map(label -> minerId.equals(((Label) label).getText())).orElse(false));

        for (DetailRange range : List.of(DetailRange.DAY, DetailRange.WEEK, DetailRange.MONTH, DetailRange.HOUR)) {
            ToggleButton toggle = robot.lookup("#range-" + range.name().toLowerCase(Locale.ROOT))
                    .queryAs(ToggleButton.class);
            robot.clickOn(toggle);
            // the time axis spans the range, starting at a round tick before it
            waitFor(() -> spanSeconds("chart-hashrate") >= range.span().toSeconds()
                    && spanSeconds("chart-hashrate") < range.span().plus(range.tickSpacing()).toSeconds());
            assertThat(toggle.isSelected()).isTrue();
        }

        robot.clickOn("#detail-back");
        waitFor(() -> robot.lookup("#detail-miner-id").tryQuery().isEmpty());
    }

    @Test
    void findMinersScansA127RangeAndListsTheSimulatedMinerAsNew() throws Exception {
        SimulatedFleet fleet = SimulatedFleet.create(SimulationClock.manual(Instant.parse("2026-11-23T12:00:00Z")),
                List.of(MinerBlueprint.of("found-01", "antminer-s21", "1.3.4", 7)), 7);
        try (SimulatorServer server = SimulatorServer.start(fleet)) {
            MinerEndpoint endpoint = server.endpoint("found-01");
            openFleetTable();
            robot.clickOn("#find-miners");
            replaceText("#discovery-range", "127.0.0.0/30");
            replaceText("#discovery-http-port", String.valueOf(endpoint.httpPort()));
            replaceText("#discovery-rpc-port", String.valueOf(endpoint.rpcPort()));
            robot.clickOn("#discovery-scan");

            TableView<FoundMiner> found = robot.lookup("#discovery-found").queryAs(TableView.class);
            waitFor(() -> found.getItems().size() == 1);
            FoundMiner miner = found.getItems().getFirst();
            assertThat(miner.addressText()).startsWith("127.0.0.1");
            assertThat(miner.modelText()).contains("S21");
            assertThat(miner.isNew()).isTrue();
            robot.clickOn("#discovery-close");
        } finally {
            fleet.close();
        }
    }

    @Test
    void aMarketCsvWithBadRowsIsRefusedAndEveryBadRowIsListedWithItsColumn() throws Exception {
        robot.clickOn("#" + ShellView.navId(Section.MARKET));
        robot.clickOn(robot.lookup(".tab-label").match((Label tab) -> "Market".equals(tab.getText())).queryAs(Label.class));
        robot.clickOn("#csv-choose");

        TableView<CsvProblem> problems = robot.lookup("#csv-problems").queryAs(TableView.class);
        waitFor(() -> problems.getItems().size() == 2);
        assertThat(problems.getItems()).extracting(CsvProblem::row, CsvProblem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "coin"),
                        org.assertj.core.groups.Tuple.tuple(4, "price_usd"));
        assertThat(robot.lookup("#csv-summary").queryAs(Label.class).getText())
                .startsWith("Nothing imported from prices.csv: 2 of 4 rows have problems.");
        assertThat(robot.lookup("#csv-good-rows").query().isVisible()).isTrue();
    }

    /** Miners, with the table on screen and the demo farm's first readings in it. */
    private static TableView<MinerRow> openFleetTable() throws Exception {
        robot.clickOn("#" + ShellView.navId(Section.MINERS));
        waitFor(() -> robot.lookup("#fleet-table").tryQuery().map(Node::getScene).isPresent());
        TableView<MinerRow> table = robot.lookup("#fleet-table").queryAs(TableView.class);
        waitFor(() -> table.getItems().size() == DEMO_MINERS
                && table.getItems().stream().filter(row -> row.hashrateThs() != null).count() > DEMO_MINERS / 2);
        return table;
    }

    private static Node columnHeader(String columnId) {
        return robot.lookup(".column-header").match((Node header) -> columnId.equals(header.getId())).query();
    }

    /** The on-screen row showing a miner (the table also keeps spare, hidden row cells). */
    private static TableRow<?> visibleRowOf(String minerId) {
        return robot.lookup(".table-row-cell").match((TableRow<?> row) -> row.isVisible() && row.getItem() != null
                && ((MinerRow) row.getItem()).id().value().equals(minerId)).queryAs(TableRow.class);
    }

    private static int points(String chartId) {
        XYChart<?, ?> chart = robot.lookup("#" + chartId).queryAs(XYChart.class);
        return chart.getData().isEmpty() ? 0 : chart.getData().getFirst().getData().size();
    }

    private static String valueAxisLabel(String chartId) {
        return robot.lookup("#" + chartId).queryAs(XYChart.class).getYAxis().getLabel();
    }

    private static long spanSeconds(String chartId) {
        NumberAxis time = (NumberAxis) robot.lookup("#" + chartId).queryAs(LineChart.class).getXAxis();
        return Math.round(time.getUpperBound() - time.getLowerBound());
    }

    private static void replaceText(String fieldId, String text) {
        TextField field = robot.lookup(fieldId).queryAs(TextField.class);
        robot.interact(field::clear);
        robot.clickOn(field).write(text);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
