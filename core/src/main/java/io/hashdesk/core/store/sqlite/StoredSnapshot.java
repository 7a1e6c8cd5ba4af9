package io.hashdesk.core.store.sqlite;

import io.hashdesk.core.domain.TelemetrySnapshot;

/**
 * A snapshot as the store keeps it: the snapshot plus the share and error counter increments since the
 * miner's previous snapshot, worked out at ingestion where the previous counters are at hand. A counter
 * that went down means the miner restarted; its new value is then the increment.
 */
record StoredSnapshot(TelemetrySnapshot snapshot, long acceptedDelta, long rejectedDelta, long hardwareErrorDelta) {
}
