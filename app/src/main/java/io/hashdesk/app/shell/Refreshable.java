package io.hashdesk.app.shell;

/**
 * A screen that can re-read its data on the operator's request (F5), instead of waiting for its next live refresh.
 * Registered with {@link ShellViewModel#onRefresh}.
 */
@FunctionalInterface
public interface Refreshable {

    /** Starts a fresh read in the background; returns at once. */
    void refresh();
}
