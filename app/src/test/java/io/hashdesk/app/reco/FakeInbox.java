package io.hashdesk.app.reco;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.reco.Recommendation;
import io.hashdesk.core.reco.WorkOrder;
import io.hashdesk.core.reco.WorkOrderStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An inbox over a list: dismissals and snoozes are recorded and take the recommendation out of {@link #open()}; Open
 * work order turns it into a work order as the store does, and closing one records the technician's answer.
 */
public final class FakeInbox implements RecommendationInbox {

    private final List<Recommendation> open = new ArrayList<>();
    private final Instant now;
    final Map<String, String> dismissed = new LinkedHashMap<>();
    final Map<String, Instant> snoozed = new LinkedHashMap<>();
    final List<WorkOrder> workOrders = new ArrayList<>();
    final Map<MinerId, RackPosition> positions = new LinkedHashMap<>();

    public FakeInbox(List<Recommendation> recommendations) {
        this(recommendations, RecoFixture.NOW);
    }

    /** @param now when work orders are opened and closed */
    public FakeInbox(List<Recommendation> recommendations, Instant now) {
        open.addAll(recommendations);
        this.now = now;
    }

    @Override
    public synchronized List<Recommendation> open() {
        return List.copyOf(open);
    }

    @Override
    public synchronized void dismiss(String recommendationId, String reason, String operator) {
        dismissed.put(recommendationId, reason);
        open.removeIf(r -> r.id().equals(recommendationId));
    }

    @Override
    public synchronized void snooze(String recommendationId, Instant until, String operator) {
        snoozed.put(recommendationId, until);
        open.removeIf(r -> r.id().equals(recommendationId));
    }

    @Override
    public synchronized int runNow() {
        return open.size();
    }

    @Override
    public synchronized String openWorkOrder(String recommendationId, String operator) {
        Recommendation r = open.stream().filter(o -> o.id().equals(recommendationId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not open: " + recommendationId));
        open.remove(r);
        WorkOrder order = new WorkOrder(workOrders.size() + 1, r.id(), r.headline(), r.target().miners(), r.steps(),
                r.parts(), operator, now, Optional.empty(), Optional.empty(), Optional.empty(), List.of());
        workOrders.add(order);
        return "Work order #" + order.id();
    }

    @Override
    public synchronized List<WorkOrder> workOrders(WorkOrderStatus status) {
        return workOrders.reversed().stream().filter(w -> w.status() == status).toList();
    }

    @Override
    public synchronized Optional<RackPosition> position(MinerId miner) {
        return Optional.ofNullable(positions.get(miner));
    }

    @Override
    public synchronized WorkOrder closeWorkOrder(long workOrderId, String workDone, List<String> partsUsed,
                                                 String technician) {
        WorkOrder order = workOrders.stream().filter(w -> w.id() == workOrderId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("There is no work order " + workOrderId));
        if (order.status() == WorkOrderStatus.CLOSED) {
            throw new IllegalStateException("Work order " + workOrderId + " was already closed");
        }
        WorkOrder closed = new WorkOrder(order.id(), order.recommendationId(), order.title(), order.miners(),
                order.steps(), order.parts(), order.openedBy(), order.openedAt(), Optional.of(technician),
                Optional.of(now), Optional.of(workDone), partsUsed);
        workOrders.set(workOrders.indexOf(order), closed);
        return closed;
    }
}
