package io.hashdesk.app.models;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

/** Confirms with a JavaFX dialog over the window that holds {@code owner}; Cancel is the default answer. */
final class FxConfirmationDialog implements ConfirmationDialog {

    /** The confirming button's id, for UI tests. */
    static final String CONFIRM_ID = "confirm-button";

    private final Node owner;

    FxConfirmationDialog(Node owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirm(Question question) {
        ButtonType yes = new ButtonType(question.confirm(), ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question.details(), ButtonType.CANCEL, yes);
        alert.setTitle(question.title());
        alert.setHeaderText(question.summary());
        if (owner.getScene() != null) {
            alert.initOwner(owner.getScene().getWindow());
        }
        alert.getDialogPane().setPrefWidth(560);
        alert.getDialogPane().lookupButton(yes).setId(CONFIRM_ID);
        // a change to what serves is never the answer to a stray Enter
        ((Button) alert.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        return alert.showAndWait().filter(yes::equals).isPresent();
    }
}
