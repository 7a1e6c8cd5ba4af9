package io.hashdesk.app.reco;

import static io.hashdesk.app.reco.RecoFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.app.actions.ActionsScreen;
import io.hashdesk.app.actions.ActionsScreenSettings;
import io.hashdesk.app.actions.FakeActionConsole;
import io.hashdesk.app.actions.PlanDialog;
import io.hashdesk.app.common.FxExecutor;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.app.shell.Section;
import io.hashdesk.app.shell.ShellView;
import io.hashdesk.app.shell.ShellViewModel;
import io.hashdesk.core.reco.Urgency;
import io.hashdesk.core.settings.DataFolder;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An operator opens Recommendations, clicks Apply on a card, confirms the plan, watches the change reach KEPT on the
 * Actions screen, and finds it in the history.
 */
@ExtendWith(ApplicationExtension.class)
class ApplyFromInboxFlowTest {

    private final FakeActionConsole console = new FakeActionConsole(NOW);
    private JobRunner jobs;
    private RecommendationsScreen inbox;
    private ActionsScreen actions;

    @Start
    void start(Stage stage) throws Exception {
        jobs = new JobRunner(FxExecutor.fx());
        ShellViewModel shell = new ShellViewModel(new DataFolder(Files.createTempDirectory("reco-flow"),
                DataFolder.Source.OS_DEFAULT), "1");
        actions = new ActionsScreen(console, jobs, new ActionsScreenSettings(Duration.ofSeconds(1),
                Duration.ofSeconds(5), 50), "maria");
        inbox = new RecommendationsScreen(new FakeInbox(List.of(
                RecoFixture.power("p1", "Room A", Urgency.HIGH, 3_000, "A-01", "A-02", "A-03"),
                RecoFixture.maintenance("m1", "Room B", "B-03"))), console, jobs, Clock.fixed(NOW, ZoneOffset.UTC),
                RecommendationsScreenSettings.defaults(), "maria", actionId -> {
                    actions.follow(actionId);
                    shell.select(Section.ACTIONS);
                });
        ShellView view = new ShellView(shell, Map.of(Section.RECOMMENDATIONS, inbox.sectionScreen(),
                Section.ACTIONS, actions.sectionScreen()));
        stage.setScene(new Scene(view.root(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        inbox.close();
        actions.close();
        jobs.close();
    }

    @Test
    void aCardKeepsItsEvidenceFoldedAwayUntilTheOperatorOpensIt(FxRobot robot) throws Exception {
        robot.clickOn("#" + ShellView.navId(Section.RECOMMENDATIONS));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Evidence (1)").tryQuery().isPresent());
        TitledPane evidence = robot.lookup("#card-p1 .reco-evidence-list").queryAs(TitledPane.class);
        assertThat(evidence.isExpanded()).as("folded at first").isFalse();

        robot.clickOn("Evidence (1)");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, evidence::isExpanded);
        assertThat(robot.lookup("• J/TH 29.8 now, 27.7 forecast").queryAs(Label.class).isVisible()).isTrue();
    }

    @Test
    void applyingACardConfirmsThePlanRunsToKeptAndLandsInTheHistory(FxRobot robot) throws Exception {
        robot.clickOn("#" + ShellView.navId(Section.RECOMMENDATIONS));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#apply-p1").tryQuery().isPresent());
        assertThat(robot.lookup("Open work order").tryQuery()).isPresent();

        robot.clickOn("#apply-p1");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#" + PlanDialog.CONFIRM_ID).tryQuery()
                .isPresent());
        TableView<?> changes = robot.lookup("#plan-changes").queryAs(TableView.class);
        assertThat(changes.getItems()).hasSize(3);
        robot.clickOn("#" + PlanDialog.CONFIRM_ID);

        Label summary = robot.lookup("#progress-summary").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> summary.getText().equals(
                "3 of 3 miners done — 3 kept"));
        TableView<?> progress = robot.lookup("#progress-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> cellsReading(robot, progress, "KEPT") == 3);
        TableView<?> history = robot.lookup("#history-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> history.getItems().size() == 1
                && cellsReading(robot, history, "Applied") == 1);
        assertThat(console.started()).singleElement().satisfies(plan -> assertThat(plan.recommendationIds())
                .containsExactly("p1"));
    }

    /** How many of a table's shown cells read {@code text}: what the operator sees, not the rows behind it. */
    private static long cellsReading(FxRobot robot, TableView<?> table, String text) {
        return robot.from(table).lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(cell -> text.equals(cell.getText())).count();
    }
}
