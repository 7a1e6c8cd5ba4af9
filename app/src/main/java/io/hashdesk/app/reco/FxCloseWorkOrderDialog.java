package io.hashdesk.app.reco;

import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * Asks what was done to close a work order: the technician's words (required), a check box per part the advice said
 * to bring, and a line for other parts. Close stays disabled, with a line saying why, until what was done is given.
 */
final class FxCloseWorkOrderDialog implements CloseWorkOrderDialog {

    static final String WORK_DONE_ID = "work-done";
    static final String OTHER_PARTS_ID = "other-parts";
    static final String CONFIRM_ID = "close-work-order-confirm";

    private final Node owner;

    FxCloseWorkOrderDialog(Node owner) {
        this.owner = owner;
    }

    @Override
    public Optional<WorkOrderClosure> ask(WorkOrderRow order) {
        TextArea workDone = new TextArea();
        workDone.setId(WORK_DONE_ID);
        workDone.setPromptText("e.g. Blew out both heatsinks, replaced the intake fan, ran 15 min: 68 °C at 3,250 W");
        workDone.setPrefRowCount(4);
        workDone.setWrapText(true);
        // parts are ticked, not assumed: the record should say what was really used
        List<CheckBox> partBoxes = order.parts().stream().map(CheckBox::new).toList();
        TextField otherParts = new TextField();
        otherParts.setId(OTHER_PARTS_ID);
        otherParts.setPromptText("Other parts used, separated by commas");
        Label problem = new Label();
        problem.getStyleClass().add("work-order-problem");
        problem.setWrapText(true);

        VBox content = new VBox(8, heading("What was done"), workDone, heading("Parts used"));
        content.getChildren().addAll(partBoxes);
        content.getChildren().addAll(otherParts, problem);
        content.getStyleClass().add("work-order-close-form");

        ButtonType close = new ButtonType("Close work order", ButtonBar.ButtonData.OK_DONE);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Close work order " + order.number());
        dialog.setHeaderText(order.title() + "\n" + String.join(", ", order.miners()));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, close);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setPrefWidth(560);
        if (owner.getScene() != null) {
            dialog.initOwner(owner.getScene().getWindow());
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        dialog.getDialogPane().getStylesheets().add(RecommendationsView.stylesheet());
        Button confirm = (Button) dialog.getDialogPane().lookupButton(close);
        confirm.setId(CONFIRM_ID);
        workDone.textProperty().subscribe(text -> {
            Optional<String> missing = WorkOrderClosure.problem(text);
            problem.setText(missing.orElse(""));
            confirm.setDisable(missing.isPresent());
        });
        return dialog.showAndWait().filter(close::equals).map(answer -> WorkOrderClosure.of(workDone.getText(),
                partBoxes.stream().filter(CheckBox::isSelected).map(CheckBox::getText).toList(),
                otherParts.getText()));
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("work-order-form-heading");
        return label;
    }
}
