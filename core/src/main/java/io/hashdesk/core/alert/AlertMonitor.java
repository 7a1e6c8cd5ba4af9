package io.hashdesk.core.alert;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.MinerModel;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.polling.PollCycle;
import io.hashdesk.core.polling.PollListener;
import io.hashdesk.core.store.MinerRegistry;
import io.hashdesk.core.store.StoreException;
import io.hashdesk.core.store.TelemetryStore;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises and clears the farm's alerts as polling goes on: after each poll cycle it judges every registered miner's
 * latest reading (the cycle's, else the newest the store has), writes the outcome to the {@link AlertStore} and tells
 * its listeners which alerts were newly raised. Register it with {@code PollScheduler.addListener}.
 */
public final class AlertMonitor implements PollListener {

    private static final Logger LOG = LoggerFactory.getLogger(AlertMonitor.class);

    private final AlertStore alerts;
    private final MinerRegistry registry;
    private final TelemetryStore telemetry;
    private final MinerModelCatalog catalog;
    private final AlertSettings settings;
    private final Clock clock;
    private final List<Consumer<List<Alert>>> listeners = new CopyOnWriteArrayList<>();
    private final Map<MinerId, TelemetrySnapshot> latest = new HashMap<>();
    private AlertEvaluator evaluator;

    public AlertMonitor(AlertStore alerts, MinerRegistry registry, TelemetryStore telemetry, MinerModelCatalog catalog,
                        AlertSettings settings, Clock clock) {
        this.alerts = alerts;
        this.registry = registry;
        this.telemetry = telemetry;
        this.catalog = catalog;
        this.settings = settings;
        this.clock = clock;
    }

    /** Told, on the monitor's thread, about the alerts each evaluation newly raised (never an empty list). */
    public void addListener(Consumer<List<Alert>> onRaised) {
        listeners.add(onRaised);
    }

    public void removeListener(Consumer<List<Alert>> onRaised) {
        listeners.remove(onRaised);
    }

    @Override
    public void cycleCompleted(PollCycle cycle) {
        try {
            evaluate(cycle.snapshots());
        } catch (StoreException e) {
            // the next cycle tries again from the same in-memory state; the store upserts what it missed
            LOG.warn("Alerts could not be evaluated after the poll cycle of {}: {}", cycle.startedAt(), e.getMessage());
        }
    }

    /** Takes in fresh readings and evaluates every registered miner now; returns the alerts newly raised. */
    public synchronized List<Alert> evaluate(Collection<TelemetrySnapshot> fresh) {
        if (evaluator == null) {
            evaluator = AlertEvaluator.standard(settings, alerts.open().stream().map(Alert::key).toList());
            latest.putAll(telemetry.latest());
        }
        for (TelemetrySnapshot snapshot : fresh) {
            latest.merge(snapshot.minerId(), snapshot, (old, now) -> now.takenAt().isBefore(old.takenAt()) ? old : now);
        }
        Map<MinerId, MinerModel> models = new HashMap<>();
        Map<MinerId, TelemetrySnapshot> registered = new HashMap<>();
        for (Miner miner : registry.miners()) {
            catalog.byId(miner.modelId()).ifPresent(model -> models.put(miner.id(), model));
            TelemetrySnapshot snapshot = latest.get(miner.id());
            if (snapshot != null) {
                registered.put(miner.id(), snapshot);
            }
        }
        latest.keySet().retainAll(registered.keySet());
        AlertBatch batch = evaluator.evaluate(registered, id -> Optional.ofNullable(models.get(id)), clock.instant());
        if (batch.isEmpty()) {
            return List.of();
        }
        List<Alert> raised = alerts.apply(batch);
        if (!raised.isEmpty()) {
            LOG.info("{} alert(s) raised, {} cleared", raised.size(), batch.cleared().size());
            listeners.forEach(listener -> listener.accept(raised));
        }
        return raised;
    }
}
