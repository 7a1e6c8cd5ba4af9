package io.hashdesk.app.reco;

import io.hashdesk.app.common.JobRunner;
import io.hashdesk.core.reco.WorkOrder;
import io.hashdesk.core.reco.WorkOrderStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The work orders' state and commands: the open ones with where each miner sits, the latest closed ones with what was
 * done, the open count for the section's switch, and Close… (what was done → store) as a background job. Touches no
 * node; call on the FX thread except {@link #read()}.
 */
final class WorkOrdersViewModel {

    private final RecommendationInbox inbox;
    private final JobRunner jobs;
    private final CloseWorkOrderDialog closeDialog;
    private final String technician;
    private final ZoneId zone;
    private final int closedShown;
    private final ObservableList<WorkOrderRow> open = FXCollections.observableArrayList();
    private final ObservableList<WorkOrderRow> openView = FXCollections.unmodifiableObservableList(open);
    private final ObservableList<WorkOrderRow> closed = FXCollections.observableArrayList();
    private final ObservableList<WorkOrderRow> closedView = FXCollections.unmodifiableObservableList(closed);
    private final ReadOnlyIntegerWrapper openCount = new ReadOnlyIntegerWrapper(this, "openCount");
    private final ReadOnlyStringWrapper switchText = new ReadOnlyStringWrapper(this, "switchText", "Work orders");
    private final ReadOnlyStringWrapper closedTitle = new ReadOnlyStringWrapper(this, "closedTitle", "Closed");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    /**
     * @param technician  who closes, kept with the work order
     * @param closedShown how many of the latest closed work orders are listed
     */
    WorkOrdersViewModel(RecommendationInbox inbox, JobRunner jobs, CloseWorkOrderDialog closeDialog, String technician,
                        ZoneId zone, int closedShown) {
        this.inbox = inbox;
        this.jobs = jobs;
        this.closeDialog = closeDialog;
        this.technician = technician;
        this.zone = zone;
        this.closedShown = closedShown;
    }

    /** The open work orders, newest first. */
    ObservableList<WorkOrderRow> open() {
        return openView;
    }

    /** The latest closed work orders, most recently closed first. */
    ObservableList<WorkOrderRow> closed() {
        return closedView;
    }

    /** How many are open: the section's switch reads "Work orders (3 open)". */
    ReadOnlyIntegerProperty openCountProperty() {
        return openCount.getReadOnlyProperty();
    }

    /** The section switch's words: "Work orders (3 open)", or "Work orders" when none is open. */
    ReadOnlyStringProperty switchTextProperty() {
        return switchText.getReadOnlyProperty();
    }

    /** "Closed (12)", or "Latest 50 of 130 closed" when the list is cut. */
    ReadOnlyStringProperty closedTitleProperty() {
        return closedTitle.getReadOnlyProperty();
    }

    /** What the last command did, or why it failed. */
    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Reads the work orders and where their miners sit; runs on a background thread. */
    WorkOrderBoard read() {
        List<WorkOrder> closedOrders = inbox.workOrders(WorkOrderStatus.CLOSED).stream()
                .sorted(Comparator.comparing((WorkOrder w) -> w.closedAt().orElse(Instant.MIN)).reversed())
                .toList();
        return new WorkOrderBoard(rows(inbox.workOrders(WorkOrderStatus.OPEN)),
                rows(closedOrders.subList(0, Math.min(closedShown, closedOrders.size()))), closedOrders.size());
    }

    private List<WorkOrderRow> rows(List<WorkOrder> orders) {
        return orders.stream().map(order -> WorkOrderRow.of(order, inbox::position, zone)).toList();
    }

    void refresh() {
        jobs.submit("Read work orders", context -> read(), this::update,
                e -> message.set("Work orders could not be read: " + e.getMessage()));
    }

    /** Takes a read in one batch; a read that changes nothing leaves the lists alone. */
    void update(WorkOrderBoard board) {
        if (!board.open().equals(open)) {
            open.setAll(board.open());
        }
        if (!board.closed().equals(closed)) {
            closed.setAll(board.closed());
        }
        openCount.set(board.open().size());
        switchText.set(board.open().isEmpty() ? "Work orders" : "Work orders (" + board.open().size() + " open)");
        closedTitle.set(board.closedTotal() > board.closed().size()
                ? "Latest " + board.closed().size() + " of " + board.closedTotal() + " closed"
                : "Closed (" + board.closedTotal() + ")");
    }

    /** Asks what was done and the parts used, then closes the work order; cancelling changes nothing. */
    void close(WorkOrderRow row) {
        closeDialog.ask(row).ifPresent(closure -> jobs.submit("Close work order " + row.number(),
                context -> inbox.closeWorkOrder(row.id(), closure.workDone(), closure.partsUsed(), technician),
                done -> {
                    message.set("Work order " + row.number() + " closed: " + row.title() + ".");
                    refresh();
                }, e -> {
                    message.set("Work order " + row.number() + " was not closed: " + e.getMessage());
                    refresh();
                }));
    }
}
