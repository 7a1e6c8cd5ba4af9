package io.hashdesk.core.action;

/** Where one miner of an action stands. */
public enum MinerState {
    /** Waiting for its wave. */
    QUEUED(false),
    /** Reading its settings and taking the firmware backup. */
    BACKING_UP(false),
    /** Writing step {@code stepReached + 1} of the plan. */
    APPLYING(false),
    /** Reading the settings back after the last step. */
    VERIFYING(false),
    /** Watched for the settle window before the change is kept. */
    WATCHING(false),
    /** Runs the new settings, watched through. */
    KEPT(true),
    /** Being put back to its old settings. */
    ROLLING_BACK(false),
    /** Back at its old settings (or never changed). */
    ROLLED_BACK(true),
    /** Outside the limits; never written. */
    REFUSED(true),
    /** Not started: unreachable before any write, over the rate limit, cancelled, or changed since by someone else. */
    SKIPPED(true),
    /** Could not be brought to known settings even from the firmware backup; needs a person. */
    FAILED(true),
    /** Stopped answering mid-change; its journal says which step it reached, recovery retries it. */
    UNREACHABLE(false);

    private final boolean finished;

    MinerState(boolean finished) {
        this.finished = finished;
    }

    /** True when nothing more will happen to this miner in this action. */
    public boolean finished() {
        return finished;
    }
}
