package io.hashdesk.core.polling;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.Algorithm;
import io.hashdesk.core.store.FleetPoint;
import io.hashdesk.core.store.FleetSummary;
import io.hashdesk.core.store.IngestReport;
import io.hashdesk.core.store.MaintenanceReport;
import io.hashdesk.core.store.Resolution;
import io.hashdesk.core.store.SeriesPoint;
import io.hashdesk.core.store.StorageStats;
import io.hashdesk.core.store.StoreException;
import io.hashdesk.core.store.TelemetryStore;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A telemetry store that keeps every ingested batch as it was handed over. */
final class RecordingStore implements TelemetryStore {

    final List<List<TelemetrySnapshot>> batches = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    /** Makes every further ingest throw, as a full disk would. */
    void failFromNowOn() {
        failing = true;
    }

    @Override
    public IngestReport ingest(Collection<TelemetrySnapshot> pollCycle) {
        if (failing) {
            throw new StoreException("disk full");
        }
        batches.add(List.copyOf(pollCycle));
        return new IngestReport(pollCycle.size(), List.of());
    }

    List<TelemetrySnapshot> lastBatch() {
        return batches.getLast();
    }

    /** Every snapshot of one miner, in the order stored. */
    List<TelemetrySnapshot> of(MinerId miner) {
        return batches.stream().flatMap(List::stream).filter(s -> s.minerId().equals(miner)).toList();
    }

    @Override
    public Map<MinerId, TelemetrySnapshot> latest() {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<SeriesPoint> series(MinerId miner, Instant from, Instant to, Resolution resolution) {
        throw new UnsupportedOperationException();
    }

    @Override
    public FleetSummary fleetSummary(Instant now, Function<MinerId, Algorithm> algorithmOf) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<FleetPoint> fleetSeries(Instant from, Instant to, Resolution resolution) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map<Algorithm, List<FleetPoint>> fleetSeriesByAlgorithm(Instant from, Instant to, Resolution resolution,
                                                                   Function<MinerId, Algorithm> algorithmOf) {
        throw new UnsupportedOperationException();
    }

    @Override
    public MaintenanceReport maintain(Instant now) {
        throw new UnsupportedOperationException();
    }

    @Override
    public StorageStats storageStats() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }
}
