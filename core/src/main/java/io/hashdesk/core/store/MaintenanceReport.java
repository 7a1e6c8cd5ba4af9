package io.hashdesk.core.store;

import java.time.Duration;

/** What one {@link TelemetryStore#maintain} run did. */
public record MaintenanceReport(int minerHoursRolledUp, long snapshotsCompacted, long chunksDeleted,
                                Duration took) {
}
