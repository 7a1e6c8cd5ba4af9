package io.hashdesk.app.reco;

import io.hashdesk.core.reco.Recommendation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An inbox over a list: dismissals and snoozes are recorded and take the recommendation out of {@link #open()}. */
public final class FakeInbox implements RecommendationInbox {

    private final List<Recommendation> open = new ArrayList<>();
    final Map<String, String> dismissed = new LinkedHashMap<>();
    final Map<String, Instant> snoozed = new LinkedHashMap<>();
    final List<String> workOrders = new ArrayList<>();

    public FakeInbox(List<Recommendation> recommendations) {
        open.addAll(recommendations);
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
        workOrders.add(recommendationId);
        return "Work order #" + workOrders.size();
    }

}
