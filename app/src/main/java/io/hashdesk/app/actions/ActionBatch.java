package io.hashdesk.app.actions;

import io.hashdesk.core.action.ActionRun;
import io.hashdesk.core.action.ActionState;
import io.hashdesk.core.reco.RecommendationApplier;
import java.util.List;
import java.util.function.Supplier;

/**
 * The executor's plans one confirmation started, one per recommendation, run one after another by core's
 * {@link RecommendationApplier} so that together they never change more miners at once than one action may (or a
 * rollback's single plan). Known to the screens by the id of its first action (or its only one). Thread-safe: the
 * applier's thread and the screen's reads share it.
 */
final class ActionBatch {

    private final String id;
    private final List<io.hashdesk.core.action.ActionPlan> plans;
    private final Supplier<List<ActionRun>> runs;
    private final Runnable cancelRuns;
    private volatile boolean cancelled;

    private ActionBatch(List<io.hashdesk.core.action.ActionPlan> plans, Supplier<List<ActionRun>> runs,
                        Runnable cancelRuns) {
        this.plans = List.copyOf(plans);
        this.id = plans.size() == 1 ? plans.getFirst().id() : "batch-" + plans.getFirst().id();
        this.runs = runs;
        this.cancelRuns = cancelRuns;
    }

    /** Recommendations applied one after another. */
    static ActionBatch of(RecommendationApplier.BulkApply bulk) {
        return new ActionBatch(bulk.plans(), bulk::started, bulk::cancel);
    }

    /** One action on its own, e.g. a rollback. */
    static ActionBatch of(io.hashdesk.core.action.ActionPlan plan, ActionRun run) {
        return new ActionBatch(List.of(plan), () -> List.of(run), run::cancel);
    }

    String id() {
        return id;
    }

    List<io.hashdesk.core.action.ActionPlan> plans() {
        return plans;
    }

    /** Whether the plan at {@code index} was started (its miners are in the journal). */
    boolean started(int index) {
        return index < runs.get().size();
    }

    /** Stops the running action (its changed miners are rolled back); the plans not yet started never start. */
    void cancel() {
        cancelled = true;
        cancelRuns.run();
    }

    boolean cancelled() {
        return cancelled;
    }

    /** Whether an action of the batch ended with something kept, so its recommendation counts as applied. */
    static boolean applied(ActionState state) {
        return state == ActionState.KEPT || state == ActionState.PARTLY_ROLLED_BACK;
    }
}
