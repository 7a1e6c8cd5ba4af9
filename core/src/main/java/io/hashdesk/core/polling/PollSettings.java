package io.hashdesk.core.polling;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.settings.JsonSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How often and how carefully the poller talks to miners. Defaults live in {@code poll-defaults.json} beside this
 * class; an operator's file overrides any subset of them.
 *
 * @param interval                  a healthy miner is polled this often
 * @param troubleInterval           a miner that answers but is not mining, or runs hot, is polled this often
 * @param minerIntervals            per-miner replacements of {@code interval}, keyed by miner id
 * @param hotChipTempC              a chip at or above this temperature puts the miner on the trouble interval
 * @param perMinerTimeout           the poller abandons a read that has not returned this long after it started,
 *                                  whatever the driver's own request timeouts say
 * @param timedOutTimeout           the shorter deadline (never longer than {@code perMinerTimeout}) for a miner
 *                                  whose last read timed out; such reads run in
 *                                  their own pool of {@code maxConcurrency} slots, so hung miners can neither hold
 *                                  the healthy ones' slots nor stretch the tick by a full {@code perMinerTimeout}
 * @param stragglerAfter            a read running longer than this is a straggler: it hands its slot on (at most
 *                                  {@code maxConcurrency} stragglers per lane) and the cycle is stored without
 *                                  waiting for it; its outcome is stored with a later cycle. Far above a LAN
 *                                  miner's normal reply time, far below the deadlines
 * @param maxConcurrency            reads holding a slot at once, so a large farm does not open a socket per miner
 * @param tickInterval              how often the poller looks for miners that are due
 * @param inventoryRefreshInterval  how often the registry is re-read for added, changed and removed miners
 * @param backoffInitial            wait after the first transient failure
 * @param backoffMax                longest wait between transient failures while the breaker is closed
 * @param backoffMultiplier         each further transient failure multiplies the wait by this
 * @param backoffJitter             each wait is spread by up to this fraction either way, so miners that failed
 *                                  together (a switch going down) do not come back in lockstep
 * @param nonTransientBackoff       wait after a failure retrying cannot fix (refused credentials, unsupported
 *                                  firmware); the miner's record changing ends it early
 * @param breakerFailureThreshold   consecutive failures that open a miner's circuit breaker
 * @param breakerOpenDuration       an open breaker lets a probe read through after this long
 * @param openBreakerRecordInterval while the breaker is open the miner's status is recorded this often, without
 *                                  a read, so the store and the UI see it as down rather than stale
 * @param lateAfter                 a read that starts more than this after its due time counts as late
 * @param summaryLogInterval        the one-line activity summary is logged at most this often
 */
public record PollSettings(Duration interval, Duration troubleInterval, Map<String, Duration> minerIntervals,
                           double hotChipTempC, Duration perMinerTimeout, Duration timedOutTimeout, Duration stragglerAfter,
                           int maxConcurrency,
                           Duration tickInterval,
                           Duration inventoryRefreshInterval, Duration backoffInitial, Duration backoffMax,
                           double backoffMultiplier, double backoffJitter, Duration nonTransientBackoff,
                           int breakerFailureThreshold, Duration breakerOpenDuration,
                           Duration openBreakerRecordInterval, Duration lateAfter, Duration summaryLogInterval) {

    /** Beyond this many reads in flight the OS runs out of sockets long before the poller needs them. */
    static final int MAX_CONCURRENCY = 65_536;

    private static final String DEFAULTS = "poll-defaults.json";

    public PollSettings {
        requirePositive(interval, "interval");
        requirePositive(troubleInterval, "troubleInterval");
        requirePositive(perMinerTimeout, "perMinerTimeout");
        requirePositive(timedOutTimeout, "timedOutTimeout");
        requirePositive(stragglerAfter, "stragglerAfter");
        requirePositive(tickInterval, "tickInterval");
        requirePositive(inventoryRefreshInterval, "inventoryRefreshInterval");
        requirePositive(backoffInitial, "backoffInitial");
        requirePositive(backoffMax, "backoffMax");
        requirePositive(nonTransientBackoff, "nonTransientBackoff");
        requirePositive(breakerOpenDuration, "breakerOpenDuration");
        requirePositive(openBreakerRecordInterval, "openBreakerRecordInterval");
        requirePositive(lateAfter, "lateAfter");
        requirePositive(summaryLogInterval, "summaryLogInterval");
        minerIntervals = copyIntervals(minerIntervals);
        if (troubleInterval.compareTo(interval) > 0) {
            throw new IllegalArgumentException("troubleInterval (" + troubleInterval
                    + ") must not be longer than interval (" + interval + ")");
        }
        if (backoffInitial.compareTo(backoffMax) > 0) {
            throw new IllegalArgumentException("backoffInitial (" + backoffInitial
                    + ") must not be longer than backoffMax (" + backoffMax + ")");
        }
        if (!(hotChipTempC > 0) || Double.isInfinite(hotChipTempC)) {
            throw new IllegalArgumentException("hotChipTempC must be a positive temperature, got " + hotChipTempC);
        }
        if (maxConcurrency < 1 || maxConcurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("maxConcurrency must be 1–" + MAX_CONCURRENCY + ", got " + maxConcurrency);
        }
        if (!(backoffMultiplier >= 1) || Double.isInfinite(backoffMultiplier)) {
            throw new IllegalArgumentException("backoffMultiplier must be ≥ 1, got " + backoffMultiplier);
        }
        if (!(backoffJitter >= 0 && backoffJitter < 1)) {
            throw new IllegalArgumentException("backoffJitter must be in [0, 1), got " + backoffJitter);
        }
        if (breakerFailureThreshold < 1) {
            throw new IllegalArgumentException("breakerFailureThreshold must be ≥ 1, got " + breakerFailureThreshold);
        }
    }

    /** The interval a healthy miner is polled at: its own entry in {@code minerIntervals}, else {@code interval}. */
    public Duration intervalFor(MinerId miner) {
        return minerIntervals.getOrDefault(miner.value(), interval);
    }

    /** The bundled defaults. */
    public static PollSettings defaults() {
        return JsonSettings.defaults(PollSettings.class, DEFAULTS);
    }

    /**
     * The defaults with the fields present in an operator's JSON file replacing them; a missing file means no
     * overrides. A malformed file is an error naming the file, never silently ignored.
     */
    public static PollSettings withOverrides(Path overridesFile) {
        return JsonSettings.withOverrides(PollSettings.class, DEFAULTS, overridesFile);
    }

    private static Map<String, Duration> copyIntervals(Map<String, Duration> intervals) {
        Objects.requireNonNull(intervals, "minerIntervals (use {})");
        intervals.forEach((miner, every) -> {
            MinerId.of(miner); // throws, quoting the key, when it cannot be a miner id
            requirePositive(every, "minerIntervals." + miner);
        });
        return Map.copyOf(intervals);
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
        }
    }
}
