package io.hashdesk.drivers.api;

import java.time.Duration;

/**
 * The time budget of one driver call, shared by the requests it makes. Drivers give each request the smaller of its
 * own timeout and what is left here, so a call never outlives {@link DriverOptions#operationTimeout()}.
 */
public final class Deadline {

    private final long endNanos;
    private final Duration budget;

    private Deadline(long endNanos, Duration budget) {
        this.endNanos = endNanos;
        this.budget = budget;
    }

    public static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos(), budget);
    }

    /** Time left, never negative. */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    /**
     * The time left (at least 1 ms, because socket and HTTP timeouts read 0 as "wait forever"), or a timeout naming
     * {@code what} when less than that is left.
     *
     * @throws MinerTimeoutException when the budget is spent
     */
    public Duration requireTimeLeft(String what) throws MinerTimeoutException {
        Duration left = remaining();
        if (left.toMillis() < 1) {
            throw new MinerTimeoutException("Out of time (" + budget.toMillis() + " ms) before " + what);
        }
        return left;
    }

    /**
     * The time one request of this call may take: its own limit, or less when the call has less left.
     *
     * @throws MinerTimeoutException when the budget is spent
     */
    public Duration forRequest(Duration requestLimit, String what) throws MinerTimeoutException {
        Duration left = requireTimeLeft(what);
        return left.compareTo(requestLimit) < 0 ? left : requestLimit;
    }

    /** The whole budget this deadline started with. */
    public Duration budget() {
        return budget;
    }
}
