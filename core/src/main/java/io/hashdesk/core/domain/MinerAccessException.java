package io.hashdesk.core.domain;

import java.util.Objects;

/**
 * Talking to a miner failed, and how. Drivers throw subclasses of this with the matching {@link Failure};
 * the poller and the action executor, which live in core and never see a driver, decide from the failure what
 * the miner's status is and whether to retry. Messages never contain secrets (passwords, tokens).
 */
public class MinerAccessException extends Exception {

    /** What went wrong, as far as it matters to the caller. */
    public enum Failure {
        /** Nothing answers at the address: connection refused, no route, host down. Counts as offline. */
        UNREACHABLE(MinerStatus.OFFLINE, true),
        /** Connected but no complete answer in time. Counts as offline; retried with backoff. */
        TIMEOUT(MinerStatus.OFFLINE, true),
        /** The miner refused the credentials. Retrying with the same ones does not help. */
        AUTH_FAILED(MinerStatus.AUTH_FAILED, false),
        /** The reply could not be understood (bad JSON, wrong type, missing required field, too large). */
        MALFORMED_REPLY(MinerStatus.UNKNOWN, true),
        /** The firmware does not offer the operation (route missing, command unanswered). */
        UNSUPPORTED(MinerStatus.UNKNOWN, false),
        /** The miner answered the request with an error or did not take a setting it was sent. */
        REJECTED(MinerStatus.UNKNOWN, false),
        /** The miner is refusing requests for a while (too many logins); waiting and trying again works. */
        RATE_LIMITED(MinerStatus.UNKNOWN, true);

        private final MinerStatus statusWhenPolling;
        private final boolean transientFailure;

        Failure(MinerStatus statusWhenPolling, boolean transientFailure) {
            this.statusWhenPolling = statusWhenPolling;
            this.transientFailure = transientFailure;
        }

        /** The status a poll that failed this way gives the miner. */
        public MinerStatus statusWhenPolling() {
            return statusWhenPolling;
        }

        /** Whether trying again later may succeed without anyone changing anything. */
        public boolean isTransient() {
            return transientFailure;
        }
    }

    private final Failure failure;

    public MinerAccessException(Failure failure, String message) {
        super(message);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    public MinerAccessException(Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    public Failure failure() {
        return failure;
    }
}
