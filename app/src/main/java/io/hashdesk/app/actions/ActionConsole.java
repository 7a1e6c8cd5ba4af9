package io.hashdesk.app.actions;

import io.hashdesk.core.reco.Recommendation;
import java.util.List;

/**
 * What the console asks of the action executor: turn recommendations into a plan to confirm, run a confirmed plan,
 * follow it, and look back at what was done. Every method may block on the store or on miners, so the screens call
 * them from background jobs, never on the FX thread.
 */
public interface ActionConsole {

    /**
     * Plans applying {@code recommendations} together, without touching a miner: each miner's changes validated
     * against its model's hard limits and the operator's limits, split into steps and waves.
     *
     * @throws IllegalArgumentException if a recommendation cannot be applied (advice only, or expired)
     */
    ActionPlan plan(List<Recommendation> recommendations, String operator);

    /**
     * Starts a confirmed plan in the background and returns at once.
     *
     * @return the new action's id, for {@link #progress}
     */
    String start(ActionPlan plan, String operator);

    /** Where a started action is now, miner by miner. */
    ActionProgress progress(String actionId);

    /** Stops a running action: miners not yet changed stay as they are, changed ones are rolled back. */
    void cancel(String actionId, String operator);

    /** Past and running actions, newest first, at most {@code limit}. */
    List<ActionRecord> history(int limit);

    /** Every write to a miner the action made, oldest first. */
    List<AuditEntry> audit(String actionId);

    /**
     * Puts every miner an applied action changed back to its settings from before, as a new action.
     *
     * @return the rollback action's id, for {@link #progress}
     * @throws IllegalStateException if the action cannot be rolled back (still running, or already rolled back)
     */
    String rollBack(String actionId, String operator);
}
