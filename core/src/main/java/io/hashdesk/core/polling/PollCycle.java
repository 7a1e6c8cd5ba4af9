package io.hashdesk.core.polling;

import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.store.IngestReport;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One completed poll cycle, as handed to {@link PollListener}s and returned by {@link PollScheduler#pollDue()}.
 *
 * @param startedAt when the tick found these miners due
 * @param snapshots the batch given to the store: readings, and status-only records of failed or skipped miners
 * @param health    the new health of every miner in this cycle
 * @param ingest    what the store did with the batch; empty of stored rows if the ingest failed outright
 * @param metrics   this cycle's figures ({@code cycles == 1})
 */
public record PollCycle(Instant startedAt, List<TelemetrySnapshot> snapshots, List<MinerHealth> health,
                        IngestReport ingest, PollMetrics metrics) {

    public PollCycle {
        Objects.requireNonNull(startedAt, "start time");
        snapshots = List.copyOf(snapshots);
        health = List.copyOf(health);
        Objects.requireNonNull(ingest, "ingest report");
        Objects.requireNonNull(metrics, "metrics");
    }
}
