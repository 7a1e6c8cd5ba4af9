package io.hashdesk.app.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.hansolo.tilesfx.Tile;
import io.hashdesk.app.shell.Section;
import io.hashdesk.app.shell.SectionScreen;
import io.hashdesk.app.shell.ShellView;
import io.hashdesk.app.shell.ShellViewModel;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.settings.DataFolder;
import io.hashdesk.core.domain.catalog.Algorithm;
import io.hashdesk.core.store.AlgorithmTotals;
import io.hashdesk.core.store.FleetSummary;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Fleet section shows its empty state until the first summary with miners arrives, then the tiles. */
@ExtendWith(ApplicationExtension.class)
class FleetOverviewInShellTest {

    private FleetOverviewViewModel overview;

    @Start
    void start(Stage stage) {
        overview = new FleetOverviewViewModel(Clock.systemUTC());
        ShellViewModel shell = new ShellViewModel(new DataFolder(Path.of("/srv/hd"), DataFolder.Source.OS_DEFAULT), "1");
        ShellView view = new ShellView(shell, Map.of(Section.FLEET,
                new SectionScreen(new FleetOverviewView(overview).root(), overview.hasMinersProperty())));
        stage.setScene(new Scene(view.root(), 1280, 800));
        stage.show();
    }

    @Test
    void tilesReplaceTheEmptyStateWhenTelemetryArrives(FxRobot robot) {
        assertEquals(Section.FLEET.emptyTitle(), robot.lookup("#empty-state-title").queryAs(Label.class).getText());

        robot.interact(() -> overview.update(new FleetSummary(2, Map.of(MinerStatus.MINING, 2), 0,
                Map.of(Algorithm.SHA256, new AlgorithmTotals(2, 208.4, 6_100)), 6_100, 71.0,
                MinerId.of("m-1"), Instant.now())));

        assertTrue(robot.lookup("#empty-state-title").tryQuery().isEmpty());
        assertEquals(208.4, robot.lookup("#tile-hashrate").queryAs(Tile.class).getValue(), 1e-9);
        assertEquals(6.1, robot.lookup("#tile-power").queryAs(Tile.class).getValue(), 1e-9);
    }
}
