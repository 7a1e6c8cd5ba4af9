package io.hashdesk.app.overview;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.app.common.FxExecutor;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.app.miners.FleetTableSettings;
import io.hashdesk.app.miners.MinersScreen;
import io.hashdesk.app.shell.Section;
import io.hashdesk.app.shell.SectionScreen;
import io.hashdesk.app.shell.ShellView;
import io.hashdesk.app.shell.ShellViewModel;
import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.domain.Room;
import io.hashdesk.core.domain.Site;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.settings.DataFolder;
import io.hashdesk.core.store.FleetSummary;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An operator on the Fleet overview clicks a miner on the room map and lands on its detail in the Miners section,
 * comes back with Ctrl+1, returns to the Miners section with Ctrl+2, and follows the alerts tile and badge. Headless.
 */
@ExtendWith(ApplicationExtension.class)
class OverviewFlowTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final MinerModelCatalog CATALOG = MinerModelCatalog.bundled();

    private SqliteFarmStore store;
    private JobRunner jobs;
    private FleetOverviewScreen overview;
    private MinersScreen miners;
    private ShellViewModel shell;
    private final SimpleIntegerProperty unacknowledged = new SimpleIntegerProperty(3);

    @Start
    void start(Stage stage) throws Exception {
        store = SqliteFarmStore.open(Files.createTempDirectory("overview-flow").resolve("farm.db"),
                StoreSettings.defaults(), CLOCK);
        store.registry().saveSite(new Site("site", "Test site", ZoneOffset.UTC));
        store.registry().saveRoom(new Room("hall-a", "site", "Hall A"));
        List<TelemetrySnapshot> readings = new ArrayList<>();
        for (int slot = 1; slot <= 4; slot++) {
            MinerId id = MinerId.of("m-00" + slot);
            store.registry().saveMiner(new Miner(id, "site", new RackPosition("hall-a", "R1", 1, slot),
                    MinerAddress.ofHost("10.0.0." + slot), "antminer-s19j-pro", "Vnish 1.2.7", Optional.empty()));
            for (int minutesAgo = 30; minutesAgo >= 1; minutesAgo--) {
                readings.add(new TelemetrySnapshot(id, NOW.minus(Duration.ofMinutes(minutesAgo)), MinerStatus.MINING,
                        100.0, 100.0, List.of(), 60.0 + 8 * slot, 60.0, List.of(5_000, 5_000), 60.0, 3_000.0, 13.0,
                        500.0, "3100", "stratum+tcp://pool.example:3333", 100L, 1L, 0L, Duration.ofHours(3)));
            }
        }
        store.telemetry().ingest(readings);
        jobs = new JobRunner(FxExecutor.fx());

        FleetOverviewViewModel tiles = new FleetOverviewViewModel(CLOCK);
        tiles.update(store.telemetry().fleetSummary(NOW, CATALOG.algorithmsOf(store.registry().miners())));
        overview = new FleetOverviewScreen(store, CATALOG, jobs, CLOCK, OverviewSettings.defaults(), tiles);
        miners = new MinersScreen(store, CATALOG, jobs, CLOCK, FleetTableSettings.load(Path.of("no-such-folder")));
        shell = new ShellViewModel(new DataFolder(Path.of("/srv/hd"), DataFolder.Source.OS_DEFAULT), "1");
        Map<Section, SectionScreen> screens = new EnumMap<>(Section.class);
        screens.put(Section.FLEET, overview.sectionScreen());
        screens.put(Section.MINERS, miners.sectionScreen());
        screens.put(Section.ALERTS, new SectionScreen(new Label("alerts list"), new SimpleBooleanProperty(true)));
        overview.setOnOpenMiner(id -> {
            shell.select(Section.MINERS);
            miners.showMiner(id);
        });
        overview.showAlerts(unacknowledged, () -> shell.select(Section.ALERTS));
        unacknowledged.subscribe(count -> shell.showBadge(Section.ALERTS, count.intValue()));
        stage.setScene(new Scene(new ShellView(shell, screens).root(), 1280, 800));
        // windows other tests left open (a notification popup, say) must not take this test's clicks and keys
        new ArrayList<>(Window.getWindows()).stream().filter(window -> window != stage).forEach(Window::hide);
        stage.show();
        stage.toFront();
        stage.requestFocus();
    }

    @AfterEach
    void stop() {
        overview.close();
        miners.close();
        jobs.close();
        store.close();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String cell(String minerId) {
        return "#" + RoomMapView.cellId(MinerId.of(minerId));
    }

    @Test
    void clickingAMinerOnTheRoomMapOpensItsDetailAndCtrlDigitsSwitchSections(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup(cell("m-003")).queryAs(Region.class).getStyleClass().contains("temp-3"));
        assertThat(robot.lookup(cell("m-001")).queryAs(Region.class).getStyleClass()).contains("temp-1");

        robot.clickOn(cell("m-003"));

        waitFor(() -> robot.lookup("#detail-miner-id").tryQuery().isPresent());
        assertThat(shell.getSelectedSection()).isEqualTo(Section.MINERS);
        assertThat(robot.lookup("#detail-miner-id").queryAs(Label.class).getText()).isEqualTo("m-003");

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        waitFor(() -> robot.lookup(cell("m-001")).tryQuery().isPresent());
        assertThat(shell.getSelectedSection()).isEqualTo(Section.FLEET);

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        assertThat(shell.getSelectedSection()).isEqualTo(Section.MINERS);
        assertThat(robot.lookup("#section-title").queryAs(Label.class).getText()).isEqualTo("Miners");

        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#fleet-search").tryQuery().map(Node::isFocused).orElse(false));
        assertThat(robot.lookup("#detail-miner-id").tryQuery()).isEmpty();
    }

    @Test
    void theAlertsTileAndTheNavigationBadgeCountUnacknowledgedAlertsAndTheTileOpensThem(FxRobot robot)
            throws Exception {
        waitFor(() -> robot.lookup("#tile-alerts").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(robot.lookup("#" + ShellView.navId(Section.ALERTS) + "-badge").queryAs(Label.class).getText())
                .isEqualTo("3");

        robot.clickOn("#tile-alerts");

        assertThat(shell.getSelectedSection()).isEqualTo(Section.ALERTS);
        robot.interact(() -> unacknowledged.set(0));
        assertThat(robot.lookup("#" + ShellView.navId(Section.ALERTS) + "-badge").tryQuery()).isEmpty();
    }
}
