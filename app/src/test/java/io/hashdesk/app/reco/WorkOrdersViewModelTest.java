package io.hashdesk.app.reco;

import static io.hashdesk.app.reco.RecoFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashdesk.app.common.Eventually;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.reco.WorkOrderStatus;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkOrdersViewModelTest {

    private final FakeInbox inbox = new FakeInbox(List.of(RecoFixture.maintenance("m1", "Room B", "B-03"),
            RecoFixture.maintenance("m2", "Room A", "A-11")));
    private final List<WorkOrderRow> asked = new ArrayList<>();
    private Optional<WorkOrderClosure> answer = Optional.empty();
    private JobRunner jobs;
    private WorkOrdersViewModel viewModel;

    @BeforeEach
    void open() {
        // results are handed over on the job's own thread, so assertions wait for them
        jobs = new JobRunner(Runnable::run);
        viewModel = workOrders(50);
        inbox.positions.put(MinerId.of("B-03"), new RackPosition("room-b", "R3", 2, 4));
        inbox.openWorkOrder("m1", "maria");
        viewModel.update(viewModel.read());
    }

    private WorkOrdersViewModel workOrders(int closedShown) {
        return new WorkOrdersViewModel(inbox, jobs, row -> {
            asked.add(row);
            return answer;
        }, "tom", ZoneOffset.UTC, closedShown);
    }

    @AfterEach
    void close() {
        jobs.close();
    }

    @Test
    void anOpenWorkOrderShowsItsMinersAtTheirRackPositionsWhoOpenedItStepsAndParts() {
        assertThat(viewModel.open()).singleElement().satisfies(row -> {
            assertThat(row.number()).isEqualTo("#1");
            assertThat(row.title()).isEqualTo("Clean B-03: its thermal resistance rose 18 %");
            assertThat(row.miners()).containsExactly("B-03 at room-b / R3 / 2-4");
            assertThat(row.history()).isEqualTo("Opened by maria on 27 Nov 14:30");
            assertThat(row.steps()).containsExactly("Power it down", "Blow out the heatsinks", "Check both fans");
            assertThat(row.parts()).containsExactly("Compressed air", "Spare 12 cm fan");
        });
        assertThat(viewModel.closed()).isEmpty();
    }

    @Test
    void aMinerThatLeftTheRegistrySaysSoInsteadOfAPosition() {
        inbox.openWorkOrder("m2", "maria");
        viewModel.update(viewModel.read());

        assertThat(viewModel.open().getFirst().miners()).containsExactly("A-11 (no longer registered)");
    }

    @Test
    void theSwitchCountsTheOpenWorkOrders() {
        assertThat(viewModel.openCountProperty().get()).isEqualTo(1);
        assertThat(viewModel.switchTextProperty().get()).isEqualTo("Work orders (1 open)");

        inbox.openWorkOrder("m2", "maria");
        viewModel.update(viewModel.read());
        assertThat(viewModel.switchTextProperty().get()).isEqualTo("Work orders (2 open)");

        inbox.closeWorkOrder(1, "Cleaned", List.of(), "tom");
        inbox.closeWorkOrder(2, "Cleaned", List.of(), "tom");
        viewModel.update(viewModel.read());
        assertThat(viewModel.openCountProperty().get()).isZero();
        assertThat(viewModel.switchTextProperty().get()).isEqualTo("Work orders");
    }

    @Test
    void closingStoresWhatWasDoneAndThePartsAndMovesTheWorkOrderToClosed() throws Exception {
        answer = Optional.of(WorkOrderClosure.of("Blew out both heatsinks; 7 °C cooler at the same power",
                List.of("Compressed air"), "thermal paste"));

        viewModel.close(viewModel.open().getFirst());

        Eventually.until(() -> viewModel.closed().size() == 1, "the closed list is re-read");
        assertThat(asked).extracting(WorkOrderRow::number).containsExactly("#1");
        assertThat(viewModel.open()).isEmpty();
        assertThat(viewModel.closed().getFirst()).satisfies(row -> {
            assertThat(row.workDone()).isEqualTo("Blew out both heatsinks; 7 °C cooler at the same power");
            assertThat(row.partsUsed()).containsExactly("Compressed air", "thermal paste");
            assertThat(row.history()).isEqualTo("Closed by tom on 27 Nov 14:30 · opened by maria on 27 Nov 14:30");
        });
        assertThat(viewModel.closedTitleProperty().get()).isEqualTo("Closed (1)");
        assertThat(viewModel.messageProperty().get()).isEqualTo("Work order #1 closed: Clean B-03: its thermal"
                + " resistance rose 18 %.");
    }

    @Test
    void cancellingTheCloseDialogLeavesTheWorkOrderOpen() {
        viewModel.close(viewModel.open().getFirst());

        assertThat(asked).hasSize(1);
        assertThat(inbox.workOrders(WorkOrderStatus.OPEN)).hasSize(1);
        assertThat(viewModel.open()).hasSize(1);
    }

    @Test
    void closingNeedsWhatWasDone() {
        assertThat(WorkOrderClosure.problem("  ")).contains("Say what was done: it is the only record of the repair.");
        assertThat(WorkOrderClosure.problem(null)).isPresent();
        assertThat(WorkOrderClosure.problem("Replaced the fan")).isEmpty();
        assertThatThrownBy(() -> WorkOrderClosure.of(" \n", List.of("Compressed air"), ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Say what was done");
    }

    @Test
    void partsTypedFreelyAreSplitTrimmedAndCountedOnce() {
        WorkOrderClosure closure = WorkOrderClosure.of("  Replaced the fan  ", List.of("Spare 12 cm fan"),
                "thermal paste; Spare 12 cm fan\n 4 screws , ");

        assertThat(closure.workDone()).isEqualTo("Replaced the fan");
        assertThat(closure.partsUsed()).containsExactly("Spare 12 cm fan", "thermal paste", "4 screws");
    }

    @Test
    void aWorkOrderSomeoneElseClosedFirstIsReportedAndTheListsCatchUp() throws Exception {
        WorkOrderRow stale = viewModel.open().getFirst();
        inbox.closeWorkOrder(1, "Cleaned at the night shift", List.of(), "ana");
        answer = Optional.of(WorkOrderClosure.of("Cleaned", List.of(), ""));

        viewModel.close(stale);

        Eventually.until(() -> viewModel.closed().size() == 1, "the lists are re-read");
        assertThat(viewModel.messageProperty().get()).isEqualTo("Work order #1 was not closed: Work order 1 was"
                + " already closed");
        assertThat(viewModel.closed().getFirst().workDone()).isEqualTo("Cleaned at the night shift");
    }

    @Test
    void onlyTheLatestClosedAreListedAndTheHeadingSaysHowManyThereAre() {
        inbox.openWorkOrder("m2", "maria");
        inbox.closeWorkOrder(1, "Cleaned", List.of(), "tom");
        inbox.closeWorkOrder(2, "Cleaned", List.of(), "tom");
        WorkOrdersViewModel short1 = workOrders(1);

        short1.update(short1.read());

        assertThat(short1.closed()).hasSize(1);
        assertThat(short1.closedTitleProperty().get()).isEqualTo("Latest 1 of 2 closed");
    }
}
