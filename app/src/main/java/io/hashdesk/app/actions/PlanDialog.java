package io.hashdesk.app.actions;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The plan confirmation: how the change is paced, every miner's every setting from → to, and the refused miners in
 * red with the reason. Cancel is the default answer, so a stray Enter never writes to a miner.
 */
public final class PlanDialog implements PlanConfirmation {

    /** The confirming button's id, for UI tests. */
    public static final String CONFIRM_ID = "plan-confirm";

    private final Node owner;

    public PlanDialog(Node owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirm(ActionPlan plan) {
        ButtonType apply = new ButtonType("Apply to " + PlanText.miners(plan.miners().size()),
                ButtonBar.ButtonData.OK_DONE);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Confirm the change");
        dialog.setHeaderText(plan.title() + "\n" + PlanText.headline(plan));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, apply);
        dialog.getDialogPane().setContent(content(plan));
        dialog.getDialogPane().setPrefSize(760, 520);
        dialog.setResizable(true);
        dialog.getDialogPane().getStylesheets().add(ActionsView.stylesheet());
        if (owner.getScene() != null) {
            dialog.initOwner(owner.getScene().getWindow());
        }
        Button confirm = (Button) dialog.getDialogPane().lookupButton(apply);
        confirm.setId(CONFIRM_ID);
        confirm.setDisable(!plan.changesAnything());
        confirm.setDefaultButton(false);
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        return dialog.showAndWait().filter(apply::equals).isPresent();
    }

    private static VBox content(ActionPlan plan) {
        Label pacing = new Label(PlanText.pacing(plan) + ". Each miner is read back, verified and watched while it"
                + " settles; one that loses hashrate, overheats, drops offline or errors is rolled back"
                + " automatically.");
        pacing.setId("plan-pacing");
        pacing.setWrapText(true);
        pacing.setMinHeight(Region.USE_PREF_SIZE);
        TableView<SettingText.Line> changes = new TableView<>();
        changes.setId("plan-changes");
        changes.getItems().setAll(PlanText.lines(plan));
        changes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        changes.getColumns().setAll(List.of(column("Miner", SettingText.Line::miner, 180),
                column("Setting", SettingText.Line::setting, 170), column("Now", SettingText.Line::from, 150),
                column("After", SettingText.Line::to, 150)));
        changes.setPlaceholder(new Label("No miner can be changed."));
        VBox.setVgrow(changes, Priority.ALWAYS);
        VBox box = new VBox(pacing, changes);
        box.getStyleClass().add("plan-dialog");
        if (!plan.refused().isEmpty()) {
            Label title = new Label("Refused — these miners are not changed:");
            title.getStyleClass().add("plan-refused-title");
            box.getChildren().add(title);
            plan.refused().forEach(r -> {
                Label refused = new Label(r.name() + ": " + r.reason());
                refused.getStyleClass().add("plan-refused");
                refused.setWrapText(true);
                refused.setMinHeight(Region.USE_PREF_SIZE);
                box.getChildren().add(refused);
            });
        }
        return box;
    }

    private static TableColumn<SettingText.Line, String> column(String title,
                                                                Function<SettingText.Line, String> text,
                                                                double width) {
        TableColumn<SettingText.Line, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }
}
