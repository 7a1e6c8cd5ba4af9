package io.hashdesk.app.common;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

/**
 * Confirms with a JavaFX dialog over the window that holds {@code owner}. "Keep as is" is the default button, so a
 * stray Enter never changes a miner or what serves.
 */
public final class FxConfirmationDialog implements ConfirmationDialog {

    /** The confirming button's id, for UI tests. */
    public static final String CONFIRM_ID = "confirm-button";

    private final Node owner;

    public FxConfirmationDialog(Node owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirm(Question question) {
        ButtonType yes = new ButtonType(question.confirm(), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType("Keep as is", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question.details(), keep, yes);
        alert.setTitle(question.title());
        alert.setHeaderText(question.summary());
        if (owner.getScene() != null) {
            alert.initOwner(owner.getScene().getWindow());
        }
        alert.getDialogPane().setPrefWidth(560);
        alert.getDialogPane().lookupButton(yes).setId(CONFIRM_ID);
        ((Button) alert.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        return alert.showAndWait().filter(yes::equals).isPresent();
    }
}
