package io.hashdesk.core.alert;

import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.MinerModel;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Offline: the poller records the miner as not answering, or has recorded nothing about it for a long time (the
 * poller itself lost track of it, which the status alone would never show).
 */
final class OfflineRule implements AlertRule {

    private final AlertSettings settings;

    OfflineRule(AlertSettings settings) {
        this.settings = settings;
    }

    @Override
    public AlertKind kind() {
        return AlertKind.OFFLINE;
    }

    @Override
    public Duration raiseAfter() {
        return settings.offlineAfter();
    }

    @Override
    public Verdict judge(TelemetrySnapshot latest, Optional<MinerModel> model, Instant now) {
        Duration silent = Duration.between(latest.takenAt(), now);
        if (silent.compareTo(settings.notHeardFromAfter()) >= 0) {
            return Verdict.raise(kind().severity(), "No reading for " + Figures.duration(silent)
                    + "; the last one was " + latest.status().name().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        if (latest.status() == MinerStatus.OFFLINE) {
            return Verdict.raise(kind().severity(), "The miner does not answer polls.");
        }
        return Verdict.clear();
    }
}
