package io.hashdesk.app.miners;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.catalog.Algorithm;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One line of the fleet table: a registered miner with its latest telemetry, rating and pool, as read at one moment.
 * Measured values are {@code null} when the miner did not report them (offline, never polled, older firmware).
 *
 * @param modelName            the catalog's name, or the raw model id when the catalog does not know it
 * @param algorithm            what the model computes, {@code null} for a model the catalog does not know
 * @param position             room / rack / shelf-slot, as technicians label racks
 * @param percentOfRated       hashrate as a share of the model's rated hashrate, in percent
 * @param rejectsPercent       rejected shares among all shares since the miner started, in percent
 * @param poolName             the farm's name for the pool, the reported URL when the pool is not in the farm's list
 * @param coin                 the coin the pool pays, {@code null} when the pool is unknown
 * @param lastSeen             time of the latest snapshot, {@code null} when never polled
 * @param sinceLastSeen        age of that snapshot when the row was built
 * @param stale                not heard from for longer than the table's staleness limit
 */
public record MinerRow(MinerId id, RowStatus status, String modelId, String modelName, Algorithm algorithm,
                       String roomId, String position, Double hashrateThs, Double percentOfRated, Double powerWatts,
                       Double efficiencyJPerTh, Double chipTempMaxC, Double fanPercent, Double rejectsPercent,
                       String poolName, String coin, String preset, Duration uptime, Instant lastSeen,
                       Duration sinceLastSeen, boolean stale) {

    public MinerRow {
        Objects.requireNonNull(id, "miner id");
        Objects.requireNonNull(status, "status of " + id);
        Objects.requireNonNull(modelId, "model id of " + id);
        Objects.requireNonNull(modelName, "model name of " + id);
        Objects.requireNonNull(roomId, "room of " + id);
        Objects.requireNonNull(position, "position of " + id);
    }

    /** Whether {@code lowerCaseText} occurs in the id, model, room/rack, pool, coin or status. */
    boolean matches(String lowerCaseText) {
        return contains(id.value(), lowerCaseText) || contains(modelName, lowerCaseText)
                || contains(modelId, lowerCaseText) || contains(position, lowerCaseText)
                || contains(poolName, lowerCaseText) || contains(coin, lowerCaseText)
                || contains(status.label(), lowerCaseText);
    }

    private static boolean contains(String field, String lowerCaseText) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(lowerCaseText);
    }
}
