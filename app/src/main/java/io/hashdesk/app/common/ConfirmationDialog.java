package io.hashdesk.app.common;

import java.util.Objects;

/**
 * Asks the operator to confirm a change before it is made (a rollback, a cancel, a model swap); the screens show
 * {@link FxConfirmationDialog}, tests answer directly.
 */
@FunctionalInterface
public interface ConfirmationDialog {

    /** Returns whether the operator confirmed; called on the FX thread and may wait there for the answer. */
    boolean confirm(Question question);

    /**
     * @param title   the dialog's title ("Roll back this action?")
     * @param summary what will change, in one or two sentences
     * @param details what else follows from it
     * @param confirm the confirming button's words ("Roll back")
     */
    record Question(String title, String summary, String details, String confirm) {
        public Question {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(details, "details");
            Objects.requireNonNull(confirm, "confirm");
        }
    }
}
