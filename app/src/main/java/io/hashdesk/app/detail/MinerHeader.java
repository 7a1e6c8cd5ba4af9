package io.hashdesk.app.detail;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.MinerModel;
import java.time.Instant;
import java.util.Objects;

/**
 * What the detail header shows of one miner, as read at one moment.
 *
 * @param model    {@code null} when the catalog does not know the miner's model
 * @param latest   {@code null} before the first poll
 * @param poolName the farm's name for the pool, the reported URL when the pool is not in the farm's list
 * @param coin     {@code null} when the pool is unknown
 */
public record MinerHeader(Miner miner, MinerModel model, TelemetrySnapshot latest, String poolName, String coin,
                          Instant readAt) {

    public MinerHeader {
        Objects.requireNonNull(miner, "miner");
        Objects.requireNonNull(readAt, "time read");
    }
}
