package io.hashdesk.core.polling;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poller's one-line INFO summary, at most once per {@link PollSettings#summaryLogInterval()}: enough to see
 * in a log file that polling runs and how well, without a line per cycle.
 */
final class SummaryLog {

    private static final Logger LOG = LoggerFactory.getLogger(PollScheduler.class);

    private final Duration every;
    private Instant lastLoggedAt;
    private PollMetrics sinceLast = PollMetrics.none();

    SummaryLog(Duration every, Instant start) {
        this.every = every;
        this.lastLoggedAt = start;
    }

    void add(PollMetrics cycle) {
        sinceLast = sinceLast.plus(cycle);
    }

    /** Logs what was added since the last summary if the interval has passed and anything happened. */
    void maybeLog(Instant now, int miners) {
        if (Duration.between(lastLoggedAt, now).compareTo(every) < 0) {
            return;
        }
        PollMetrics m = sinceLast;
        lastLoggedAt = now;
        sinceLast = PollMetrics.none();
        if (m.cycles() == 0 || !LOG.isInfoEnabled()) {
            return;
        }
        String failures = m.failedByKind().isEmpty() ? "" : m.failedByKind().entrySet().stream()
                .map(e -> e.getKey().name() + " " + e.getValue())
                .collect(Collectors.joining(", ", " (", ")"));
        LOG.info("Polling {} miners: {} reads in {} cycles, {} ok, {} failed{}, {} abandoned at the deadline,"
                        + " {} skipped by open breakers, {} late; longest cycle {} ms, max queue lag {} ms,"
                        + " ingest {} ms, {} refused by the store, {} lost",
                miners, m.polled(), m.cycles(), m.ok(), m.failed(), failures, m.deadlineExceeded(),
                m.skippedByOpenBreaker(), m.late(), m.longestCycle().toMillis(), m.maxQueueLag().toMillis(),
                m.ingestTime().toMillis(), m.ingestRejected(), m.ingestLost());
    }
}
