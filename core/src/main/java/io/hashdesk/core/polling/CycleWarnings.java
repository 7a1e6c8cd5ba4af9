package io.hashdesk.core.polling;

import io.hashdesk.core.store.IngestReport;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Problems of one poll cycle, gathered into a few WARN lines rather than one per miner: a rack going dark or a
 * driver bug hitting every miner still makes a readable log.
 */
final class CycleWarnings {

    private static final Logger LOG = LoggerFactory.getLogger(PollScheduler.class);
    /** Miners named in a warning; the rest are counted. */
    private static final int NAMED_IN_WARNING = 5;

    private final List<String> opened = new ArrayList<>();
    private final List<String> driverFaults = new ArrayList<>();
    private int openedCount;
    private int driverFaultCount;

    void note(PollOutcome outcome, MinerState next) {
        if (outcome.driverFault()) {
            driverFaultCount++;
            name(driverFaults, outcome.minerId() + ": " + outcome.failure().message());
        }
        // Only the change from closed is news; a failed half-open probe re-opening is not.
        boolean wasClosed = outcome.state().health() == null
                || outcome.state().health().breaker() == BreakerState.CLOSED;
        if (wasClosed && next.health().breaker() == BreakerState.OPEN) {
            openedCount++;
            PollFailure why = next.health().lastFailure().orElseThrow();
            name(opened, outcome.minerId() + " (" + why.kind() + ": " + why.message() + ")");
        }
    }

    void log(IngestReport report, int batchSize) {
        if (openedCount > 0) {
            LOG.warn("Circuit breaker opened for {} miner(s); their status is recorded without reading them"
                    + " until a probe succeeds: {}", openedCount, String.join(", ", opened));
        }
        if (driverFaultCount > 0) {
            LOG.warn("The driver failed unexpectedly on {} miner(s), recorded as malformed replies: {}",
                    driverFaultCount, String.join("; ", driverFaults));
        }
        if (!report.rejected().isEmpty()) {
            LOG.warn("The store refused {} of {} snapshots of a poll cycle; first: {}",
                    report.rejected().size(), batchSize, report.rejected().getFirst());
        }
    }

    private static void name(List<String> names, String entry) {
        if (names.size() < NAMED_IN_WARNING) {
            names.add(entry);
        }
    }
}
