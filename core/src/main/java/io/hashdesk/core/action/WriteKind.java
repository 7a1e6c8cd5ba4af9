package io.hashdesk.core.action;

/** Why settings were written to a miner. */
public enum WriteKind {
    /** A step of applying the action. */
    APPLY,
    /** A step of putting the old settings back. */
    ROLLBACK,
    /** The firmware's settings backup restored, when writing the old settings back did not take. */
    RESTORE
}
