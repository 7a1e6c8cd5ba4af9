package io.hashdesk.app.reco;

import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

/**
 * Asks why a recommendation is dismissed: a reason from the list and a note; Dismiss stays disabled, with the line
 * saying what is missing, until the answer is complete.
 */
final class FxDismissDialog implements DismissDialog {

    static final String REASON_ID = "dismiss-reason";
    static final String NOTE_ID = "dismiss-note";
    static final String CONFIRM_ID = "dismiss-confirm";

    private final Node owner;
    private final List<String> reasons;

    FxDismissDialog(Node owner, List<String> reasons) {
        this.owner = owner;
        this.reasons = List.copyOf(reasons);
    }

    @Override
    public Optional<Dismissal> ask(RecommendationCard card) {
        ComboBox<String> reason = new ComboBox<>();
        reason.setId(REASON_ID);
        reason.getItems().setAll(reasons);
        reason.setPromptText("Why?");
        reason.setMaxWidth(Double.MAX_VALUE);
        TextArea note = new TextArea();
        note.setId(NOTE_ID);
        note.setPromptText("A few words for the record (required for \"" + reasons.getLast() + "\")");
        note.setPrefRowCount(3);
        note.setWrapText(true);
        Label problem = new Label();
        problem.getStyleClass().add("dismiss-problem");
        problem.setWrapText(true);

        ButtonType dismiss = new ButtonType("Dismiss", ButtonBar.ButtonData.OK_DONE);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Dismiss the recommendation");
        dialog.setHeaderText(card.headline());
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, dismiss);
        dialog.getDialogPane().setContent(new VBox(8, reason, note, problem));
        dialog.getDialogPane().setPrefWidth(520);
        if (owner.getScene() != null) {
            dialog.initOwner(owner.getScene().getWindow());
        }
        Button confirm = (Button) dialog.getDialogPane().lookupButton(dismiss);
        confirm.setId(CONFIRM_ID);
        Runnable check = () -> {
            Optional<String> missing = Dismissal.problem(reason.getValue(), note.getText(), reasons.getLast());
            problem.setText(missing.orElse(""));
            confirm.setDisable(missing.isPresent());
        };
        reason.valueProperty().subscribe(value -> check.run());
        note.textProperty().subscribe(value -> check.run());
        return dialog.showAndWait().filter(dismiss::equals)
                .map(answer -> new Dismissal(reason.getValue(), note.getText()));
    }
}
