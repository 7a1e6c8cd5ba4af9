package io.hashdesk.core.alert;

/** Which alerts a list shows: those that need someone, those someone has taken on, and those that are over. */
public enum AlertView {
    /** Open and not acknowledged. */
    OPEN,
    /** Open and acknowledged. */
    ACKNOWLEDGED,
    /** Cleared, newest first, acknowledged or not. */
    CLEARED
}
