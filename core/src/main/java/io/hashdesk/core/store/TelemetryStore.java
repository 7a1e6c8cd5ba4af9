package io.hashdesk.core.store;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.Algorithm;
import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Telemetry history of the farm: what the poller saw, kept at full detail for a while and as rollups for
 * long. Callers never see SQL or the database behind it (SQLite today, PostgreSQL for large sites later).
 *
 * <p>Implementations are thread-safe: one poll cycle's {@link #ingest} may run while the UI reads and the
 * {@link #maintain maintenance job} rolls up and deletes.
 */
public interface TelemetryStore extends AutoCloseable {

    /**
     * Stores one poll cycle in one transaction. Snapshots that are implausible, belong to an unregistered
     * miner, or lie outside the accepted time window are rejected and reported; they never cost the rest
     * of the batch. A snapshot for a miner and instant already stored replaces the earlier one.
     */
    IngestReport ingest(Collection<TelemetrySnapshot> pollCycle);

    /** The most recent snapshot of every miner that has one. */
    Map<MinerId, TelemetrySnapshot> latest();

    /**
     * A miner's history in {@code [from, to)} at the given resolution, oldest first. Buckets are aligned to
     * the resolution's width in UTC. Data not yet rolled up is aggregated on the fly, so the newest buckets
     * are always present.
     */
    List<SeriesPoint> series(MinerId miner, Instant from, Instant to, Resolution resolution);

    /**
     * Totals and counts over the latest state of every registered miner.
     *
     * @param algorithmOf the algorithm each miner computes (from its model), {@code null} when its model is unknown;
     *                    see {@code MinerModelCatalog#algorithmsOf}
     */
    FleetSummary fleetSummary(Instant now, Function<MinerId, Algorithm> algorithmOf);

    /**
     * Every registered miner's history in {@code [from, to)} at a rollup resolution (not {@code RAW}), read in one
     * pass over the store and handed to {@code consumer} one miner at a time, points oldest first, so that memory holds
     * one miner's series at a time whatever the fleet's size. Miners with no data in the range are skipped. Buckets
     * are aligned as in {@link #series}. Feature building for thousands of miners reads this way.
     *
     * <p>This default asks {@link #series} miner by miner for the miners {@link #latest()} knows; stores that can read
     * all miners at once override it.
     */
    default void forEachSeries(Instant from, Instant to, Resolution resolution,
                               BiConsumer<MinerId, List<SeriesPoint>> consumer) {
        if (resolution == Resolution.RAW) {
            throw new IllegalArgumentException("forEachSeries reads rollups: ask for 5-minute or 1-hour resolution");
        }
        for (MinerId miner : latest().keySet().stream().sorted().toList()) {
            List<SeriesPoint> points = series(miner, from, to, resolution);
            if (!points.isEmpty()) {
                consumer.accept(miner, points);
            }
        }
    }

    /** Fleet-wide sums per bucket in {@code [from, to)}, oldest first. */
    List<FleetPoint> fleetSeries(Instant from, Instant to, Resolution resolution);

    /**
     * Fleet-wide sums per bucket in {@code [from, to)}, oldest first, one series per algorithm: SHA-256 and Scrypt
     * hashrates are different work and must not be added. Miners whose algorithm is unknown are left out; an
     * algorithm no miner reported for is absent from the map.
     *
     * @param algorithmOf as for {@link #fleetSummary}
     */
    Map<Algorithm, List<FleetPoint>> fleetSeriesByAlgorithm(Instant from, Instant to, Resolution resolution,
                                                            Function<MinerId, Algorithm> algorithmOf);

    /**
     * Rolls up what is complete and deletes what has expired under the store's retention settings (the room
     * sensors' series of {@link SensorStore} included), in
     * short transactions so that ingestion is never held up for long.
     */
    MaintenanceReport maintain(Instant now);

    /** Row counts and file size, for the settings screen and the benchmarks. */
    StorageStats storageStats();

    @Override
    void close();
}
