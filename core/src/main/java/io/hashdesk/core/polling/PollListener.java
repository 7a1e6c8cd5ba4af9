package io.hashdesk.core.polling;

/**
 * Told about each completed poll cycle, e.g. by the UI's live refresh. Called on a thread of its own, never a
 * poll thread; a listener slower than the cycles sees only the latest one ("latest wins"), and can read
 * {@link PollScheduler#health()} for the whole fleet.
 */
@FunctionalInterface
public interface PollListener {

    void cycleCompleted(PollCycle cycle);
}
