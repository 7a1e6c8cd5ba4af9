package io.hashdesk.core.action;

/** Where an action stands as a whole. */
public enum ActionState {
    /** Planned and journalled; nothing written yet. */
    PLANNED(false),
    /** Miners are being changed or watched. */
    RUNNING(false),
    /** Every miner that was changed kept its new settings. */
    KEPT(true),
    /** Every miner that was changed is back at its old settings (or was never changed). */
    ROLLED_BACK(true),
    /** Some miners kept the new settings, others were rolled back. */
    PARTLY_ROLLED_BACK(true),
    /** Stopped by the operator; every miner it had changed was rolled back. */
    CANCELLED(true),
    /** Nothing could be applied, or a miner could not be brought back to known settings; see the miners. */
    FAILED(true),
    /** A miner stopped answering mid-change; recovery retries it until it says old or new. */
    NEEDS_RECOVERY(false);

    private final boolean finished;

    ActionState(boolean finished) {
        this.finished = finished;
    }

    /** True when nothing more will happen to the action. */
    public boolean finished() {
        return finished;
    }
}
