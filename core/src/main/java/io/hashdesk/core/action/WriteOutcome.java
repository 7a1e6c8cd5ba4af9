package io.hashdesk.core.action;

/** How a journalled write ended. */
public enum WriteOutcome {
    /** Journalled before the write and not finished: after a crash, it may or may not have reached the miner. */
    PENDING,
    /** The miner took it and reads back what was asked. */
    DONE,
    /** The miner answered but reads back something else. */
    MISMATCH,
    /** The miner refused it. */
    REJECTED,
    /** The miner did not answer, even after the retries. */
    UNANSWERED,
    /** Not sent: the validator refused the values right before the write. */
    REFUSED
}
