package io.hashdesk.core.action;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running action: its id, a way to cancel it, and its end. Cancelling stops miners from starting and rolls back
 * every miner the action already changed.
 */
public final class ActionRun {

    private final String actionId;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CompletableFuture<ActionState> completion = new CompletableFuture<>();

    ActionRun(String actionId) {
        this.actionId = Objects.requireNonNull(actionId, "action id");
    }

    public String actionId() {
        return actionId;
    }

    /** Asks the action to stop: no more miners start, those already changed are rolled back. Returns at once. */
    public void cancel() {
        cancelled.set(true);
    }

    public boolean cancelRequested() {
        return cancelled.get();
    }

    /**
     * Completes with the action's final state ({@link ActionState#NEEDS_RECOVERY} when a miner was left for
     * recovery), or exceptionally when the executor itself failed (the journal then holds the action as unfinished
     * for {@link ActionRecovery}).
     */
    public CompletableFuture<ActionState> completion() {
        return completion.copy();
    }

    CompletableFuture<ActionState> completionToFinish() {
        return completion;
    }
}
