package io.hashdesk.core.store;

import io.hashdesk.core.domain.MinerId;
import java.time.Instant;
import java.util.List;

/**
 * Outcome of one {@link TelemetryStore#ingest}: how many snapshots were stored and which were not, and why.
 */
public record IngestReport(int stored, List<Rejection> rejected) {

    public IngestReport {
        if (stored < 0) {
            throw new IllegalArgumentException("stored must be ≥ 0");
        }
        rejected = List.copyOf(rejected);
    }

    public boolean allStored() {
        return rejected.isEmpty();
    }

    /**
     * One snapshot the store refused.
     *
     * @param position where it was in the submitted batch (0-based)
     * @param minerId  its miner, or {@code null} when the snapshot itself was {@code null}
     * @param takenAt  its timestamp, or {@code null} likewise
     * @param reasons  readable sentences, e.g. "chip temperature (°C) is NaN, not a number"
     */
    public record Rejection(int position, MinerId minerId, Instant takenAt, List<String> reasons) {

        public Rejection {
            reasons = List.copyOf(reasons);
        }

        @Override
        public String toString() {
            return "#" + position + " " + minerId + " @ " + takenAt + ": " + String.join("; ", reasons);
        }
    }
}
