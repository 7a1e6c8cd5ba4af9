package io.hashdesk.app.reco;

import static io.hashdesk.app.reco.RecoFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.app.actions.FakeActionConsole;
import io.hashdesk.app.common.FxExecutor;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.app.shell.Section;
import io.hashdesk.app.shell.ShellView;
import io.hashdesk.app.shell.ShellViewModel;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.reco.Urgency;
import io.hashdesk.core.reco.WorkOrderStatus;
import io.hashdesk.core.settings.DataFolder;
import java.nio.file.Files;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An operator opens a work order from a maintenance card; the technician finds it under Work orders with the
 * miner's rack position, clicks Close…, says what was done and ticks a part, and finds it among the closed ones.
 */
@ExtendWith(ApplicationExtension.class)
class WorkOrderFlowTest {

    private final FakeInbox inbox = new FakeInbox(List.of(
            RecoFixture.power("p1", "Room A", Urgency.HIGH, 3_000, "A-01"),
            RecoFixture.maintenance("m1", "Room B", "B-03")));
    private JobRunner jobs;
    private RecommendationsScreen screen;

    @Start
    void start(Stage stage) throws Exception {
        inbox.positions.put(MinerId.of("B-03"), new RackPosition("room-b", "R3", 2, 4));
        jobs = new JobRunner(FxExecutor.fx());
        ShellViewModel shell = new ShellViewModel(new DataFolder(Files.createTempDirectory("work-order-flow"),
                DataFolder.Source.OS_DEFAULT), "1");
        screen = new RecommendationsScreen(inbox, new FakeActionConsole(NOW), jobs, Clock.fixed(NOW, ZoneOffset.UTC),
                RecommendationsScreenSettings.defaults(), "maria", actionId -> { });
        ShellView view = new ShellView(shell, Map.of(Section.RECOMMENDATIONS, screen.sectionScreen()));
        stage.setScene(new Scene(view.root(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        screen.close();
        jobs.close();
    }

    @Test
    void aMaintenanceCardBecomesAWorkOrderThatIsClosedWithWhatWasDone(FxRobot robot) throws Exception {
        robot.clickOn("#" + ShellView.navId(Section.RECOMMENDATIONS));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Open work order").tryQuery()
                .isPresent());
        ToggleButton showWorkOrders = robot.lookup("#" + RecommendationsSectionView.SHOW_WORK_ORDERS_ID)
                .queryAs(ToggleButton.class);
        assertThat(showWorkOrders.getText()).isEqualTo("Work orders");

        robot.clickOn("Open work order");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showWorkOrders.getText()
                .equals("Work orders (1 open)"));
        robot.clickOn(showWorkOrders);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#close-work-order-1").tryQuery()
                .filter(node -> node.isVisible()).isPresent());
        assertThat(robot.lookup("B-03 at room-b / R3 / 2-4").tryQuery()).isPresent();

        robot.clickOn("#close-work-order-1");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#" + FxCloseWorkOrderDialog.WORK_DONE_ID)
                .tryQuery().isPresent());
        assertThat(robot.lookup("#" + FxCloseWorkOrderDialog.CONFIRM_ID).query().isDisabled()).isTrue();
        robot.clickOn("#" + FxCloseWorkOrderDialog.WORK_DONE_ID).write("Blew out both heatsinks");
        robot.clickOn("Compressed air");
        robot.clickOn("#" + FxCloseWorkOrderDialog.CONFIRM_ID);

        VBox closed = robot.lookup("#closed-work-orders").queryAs(VBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> closed.getChildren().size() == 1);
        assertThat(robot.lookup("#open-work-orders").queryAs(VBox.class).getChildren()).isEmpty();
        assertThat(showWorkOrders.getText()).isEqualTo("Work orders");
        assertThat(inbox.workOrders(WorkOrderStatus.CLOSED)).singleElement().satisfies(order -> {
            assertThat(order.workDone()).contains("Blew out both heatsinks");
            assertThat(order.partsUsed()).containsExactly("Compressed air");
            assertThat(order.closedBy()).contains("maria");
        });
    }
}
