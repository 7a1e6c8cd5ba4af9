package io.hashdesk.app.actions;

/** Shows a plan for confirmation before anything is written; the view shows {@link PlanDialog}, tests answer. */
@FunctionalInterface
public interface PlanConfirmation {

    /** Returns whether the operator confirmed; called on the FX thread and may wait there for the answer. */
    boolean confirm(ActionPlan plan);
}
