package io.hashdesk.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.app.common.FxExecutor;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.core.credentials.Secret;
import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.domain.Room;
import io.hashdesk.core.domain.Site;
import io.hashdesk.core.settings.DataFolder;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** An operator adds a credential in Settings and assigns it to a miner; the registry then points the miner at it. */
@ExtendWith(ApplicationExtension.class)
class SettingsScreenFlowTest {

    private SqliteFarmStore store;
    private JobRunner jobs;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("settings-screen");
        store = SqliteFarmStore.open(dir.resolve("hashdesk.db"), StoreSettings.defaults(), Clock.systemUTC());
        store.registry().saveSite(new Site("north", "North", ZoneId.of("UTC")));
        store.registry().saveRoom(new Room("hall-a", "north", "Hall A"));
        store.registry().saveMiner(new Miner(MinerId.of("a-01"), "north", new RackPosition("hall-a", "R1", 1, 1),
                new MinerAddress("10.0.0.1", 80, 4028), "antminer-s19j-pro", "", Optional.empty()));
        jobs = new JobRunner(FxExecutor.fx());
        SettingsScreen screen = new SettingsScreen(store, new DataFolder(dir, DataFolder.Source.ENVIRONMENT), jobs,
                Clock.systemUTC());
        stage.setScene(new Scene((javafx.scene.Parent) screen.root(), 1100, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        jobs.close();
        store.close();
    }

    @Test
    void addACredentialAndAssignItToAMiner(FxRobot robot) throws Exception {
        robot.clickOn("#credential-label").write("Hall A miners");
        robot.clickOn("#credential-password").write("h4ll-A!");
        robot.clickOn("#credential-repeat").write("h4ll-A!");
        robot.clickOn("#credential-save");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("#credentials-table").queryAs(TableView.class).getItems().size() == 1);
        assertThat(robot.lookup("#credential-password").queryTextInputControl().getText()).isEmpty();

        ListView<?> miners = robot.lookup("#credential-miners").queryAs(ListView.class);
        robot.clickOn(robot.from(miners).lookup(".list-cell").nth(0).queryAs(javafx.scene.Node.class));
        ComboBox<?> choice = robot.lookup("#credential-choice").queryAs(ComboBox.class);
        robot.interact(() -> choice.getSelectionModel().select(1));
        robot.clickOn("#credential-assign");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> store.registry().miner(MinerId.of("a-01")).orElseThrow().credentials().isPresent());

        Miner miner = store.registry().miner(MinerId.of("a-01")).orElseThrow();
        try (Secret secret = store.credentials().read(miner.credentials().orElseThrow())) {
            assertThat(new String(secret.chars())).isEqualTo("h4ll-A!");
        }
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("#credentials-message").queryLabeled().getText().startsWith("Assigned"));
    }
}
