package io.hashdesk.core.polling;

/** A miner's circuit breaker: whether the poller still reads it or only records that it is down. */
public enum BreakerState {
    /** Reads go through; failures back off exponentially. */
    CLOSED,
    /** Too many failures in a row: no reads, only the last known failure is recorded at a slow cadence. */
    OPEN,
    /** The open period has passed and one probe read is going through; success closes the breaker. */
    HALF_OPEN
}
