package io.hashdesk.core.action;

/**
 * Told of every change in a running action, on the executor's threads (a UI hands it over to its own thread and
 * coalesces). Must return quickly and not throw.
 */
@FunctionalInterface
public interface ActionListener {

    /** A listener that ignores everything. */
    ActionListener NONE = progress -> { };

    void progress(ActionProgress progress);
}
