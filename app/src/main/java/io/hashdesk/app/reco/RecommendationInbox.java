package io.hashdesk.app.reco;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.reco.Recommendation;
import io.hashdesk.core.reco.WorkOrder;
import io.hashdesk.core.reco.WorkOrderStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the inbox asks of the recommendation engine and its store: the open recommendations, the operator's answers
 * to them, and the work orders that maintenance advice turns into. Applying goes through {@link io.hashdesk.app.actions.ActionConsole}. Every method may block on the
 * store (and {@link #runNow()} on a whole engine pass), so the screen calls them from background jobs.
 */
public interface RecommendationInbox {

    /** The recommendations awaiting an answer — not dismissed, not snoozed, not expired — best rank first. */
    List<Recommendation> open();

    /** Drops a recommendation with the operator's reason, kept as feedback for the engine's track record. */
    void dismiss(String recommendationId, String reason, String operator);

    /** Hides a recommendation until {@code until}; it comes back then if the engine still advises it. */
    void snooze(String recommendationId, Instant until, String operator);

    /** Runs an engine pass now instead of at its next scheduled time; returns how many are open after it. */
    int runNow();

    /**
     * Turns a MAINTENANCE recommendation into a work order a technician can close with what was done.
     *
     * @return how the work order is known, e.g. "Work order #14"
     * @throws IllegalArgumentException if the recommendation is not MAINTENANCE or no longer open
     */
    String openWorkOrder(String recommendationId, String operator);

    /** Work orders in a status, newest first. */
    List<WorkOrder> workOrders(WorkOrderStatus status);

    /** Where a miner sits, so a technician can walk to it; empty when it has left the registry since. */
    Optional<RackPosition> position(MinerId miner);

    /**
     * A technician closes a work order with what was done; its recommendation then counts as applied from now.
     *
     * @throws IllegalArgumentException if there is no such work order
     * @throws IllegalStateException    if someone closed it already
     */
    WorkOrder closeWorkOrder(long workOrderId, String workDone, List<String> partsUsed, String technician);
}
