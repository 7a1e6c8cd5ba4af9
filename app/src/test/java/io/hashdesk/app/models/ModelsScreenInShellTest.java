package io.hashdesk.app.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.app.common.FxConfirmationDialog;
import io.hashdesk.app.common.FxExecutor;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.app.shell.ScreenInShell;
import io.hashdesk.app.shell.Section;
import io.hashdesk.app.shell.ShellView;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.core.store.ModelVersion;
import io.hashdesk.ml.registry.RegistrySettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An operator opens Models, picks the thermal model whose champion drifted, and rolls it back through the
 * confirmation; the earlier version serves again.
 */
@ExtendWith(ApplicationExtension.class)
class ModelsScreenInShellTest {

    private RegistryFarm farm;
    private JobRunner jobs;
    private ModelsScreen screen;
    private ModelVersion previous;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("models-screen");
        farm = new RegistryFarm(dir);
        farm.train(ModelType.ANOMALY, ModelScope.fleet(), Map.of("heldOutF1", 0.95));
        previous = farm.thermal(1.4);
        farm.checkDrift(farm.thermal(1.2), 15);
        jobs = new JobRunner(FxExecutor.fx());
        screen = new ModelsScreen(farm.store.modelVersions(), RegistrySettings.defaults(),
                MinerModelCatalog.bundled(), () -> Optional.of(farm.commands(List.of())), jobs, farm.clock,
                new ModelsScreenSettings(Duration.ofSeconds(1)), "maria", FxExecutor.fx(), ZoneId.systemDefault(),
                null);
        ScreenInShell.show(stage, dir, Section.MODELS, screen.sectionScreen());
    }

    @AfterEach
    void stop() {
        screen.close();
        jobs.close();
        farm.close();
    }

    @Test
    void rollingBackTheDriftedThermalModelRestoresItsPreviousChampion(FxRobot robot) throws Exception {
        robot.clickOn("#" + ShellView.navId(Section.MODELS));
        TableView<?> table = robot.lookup("#models-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        assertThat(((ModelSlotRow) table.getItems().getFirst()).family()).isEqualTo("Thermal model");
        Button rollBack = robot.lookup("#models-roll-back").queryButton();
        assertThat(rollBack.isDisabled()).isTrue();

        robot.clickOn("Antminer S19j Pro units");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !rollBack.isDisabled());
        assertThat(robot.lookup("#models-detail-title").queryAs(Label.class).getText())
                .isEqualTo("Thermal model — Antminer S19j Pro units");
        robot.clickOn(rollBack);
        robot.clickOn("#" + FxConfirmationDialog.CONFIRM_ID);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> farm.registry.champion(ModelType.THERMAL,
                RegistryFarm.S19J_PRO).orElseThrow().id() == previous.id());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#models-message").queryAs(Label.class)
                .getText().contains("v" + previous.id() + " serves again"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> rollBack.isDisabled());
    }
}
