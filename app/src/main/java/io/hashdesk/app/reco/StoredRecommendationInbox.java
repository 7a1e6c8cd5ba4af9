package io.hashdesk.app.reco;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.reco.PassReport;
import io.hashdesk.core.reco.Recommendation;
import io.hashdesk.core.reco.RecommendationQuery;
import io.hashdesk.core.reco.RecommendationStore;
import io.hashdesk.core.reco.RecommendationType;
import io.hashdesk.core.reco.StoredRecommendation;
import io.hashdesk.core.reco.WorkOrder;
import io.hashdesk.core.reco.WorkOrderStatus;
import io.hashdesk.core.store.MinerRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The inbox over core's recommendation store: the open recommendations as the engine ranked them; dismissals, snoozes
 * and work orders written back as feedback; miners' rack positions from the registry for the technician. Run now asks
 * for an engine pass through {@code passNow}.
 */
public final class StoredRecommendationInbox implements RecommendationInbox {

    private final RecommendationStore store;
    private final MinerRegistry registry;
    private final Supplier<PassReport> passNow;
    private final Clock clock;

    /**
     * @param passNow gathers the farm's evidence and runs one engine pass, blocking until it is saved (called from a
     *                background job)
     */
    public StoredRecommendationInbox(RecommendationStore store, MinerRegistry registry, Supplier<PassReport> passNow,
                                     Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.passNow = Objects.requireNonNull(passNow, "pass now");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<Recommendation> open() {
        Instant now = clock.instant();
        // a pass may not have run since one expired; the store marks it at the next pass, the inbox hides it now
        return store.list(RecommendationQuery.inbox()).stream().map(StoredRecommendation::recommendation)
                .filter(r -> r.expiresAt().isAfter(now)).toList();
    }

    @Override
    public void dismiss(String recommendationId, String reason, String operator) {
        store.dismiss(recommendationId, operator, reason, clock.instant());
    }

    @Override
    public void snooze(String recommendationId, Instant until, String operator) {
        store.snooze(recommendationId, operator, until, clock.instant());
    }

    @Override
    public int runNow() {
        return passNow.get().shown().size();
    }

    @Override
    public String openWorkOrder(String recommendationId, String operator) {
        StoredRecommendation stored = store.find(recommendationId).orElseThrow(() -> new IllegalArgumentException(
                "The recommendation is no longer stored; Run now for fresh advice"));
        if (stored.recommendation().type() != RecommendationType.MAINTENANCE) {
            throw new IllegalArgumentException("Only maintenance advice becomes a work order, not "
                    + stored.recommendation().type());
        }
        store.accept(recommendationId, operator, clock.instant());
        WorkOrder order = store.workOrders(WorkOrderStatus.OPEN).stream()
                .filter(w -> w.recommendationId().equals(recommendationId))
                .max(Comparator.comparing(WorkOrder::openedAt))
                .orElseThrow(() -> new IllegalStateException("The store accepted the advice but opened no work"
                        + " order for it"));
        return "Work order #" + order.id();
    }

    @Override
    public List<WorkOrder> workOrders(WorkOrderStatus status) {
        return store.workOrders(status);
    }

    @Override
    public Optional<RackPosition> position(MinerId miner) {
        return registry.miner(miner).map(Miner::position);
    }

    @Override
    public WorkOrder closeWorkOrder(long workOrderId, String workDone, List<String> partsUsed, String technician) {
        return store.closeWorkOrder(workOrderId, technician, workDone, partsUsed, clock.instant());
    }
}
