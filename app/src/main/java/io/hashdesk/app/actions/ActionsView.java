package io.hashdesk.app.actions;

import java.net.URL;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Actions screen: the followed action's live progress (bar, summary, Cancel, a row per miner) on top when there
 * is one; below, the history with predicted vs measured outcomes over the selected action's audit trail, and
 * Roll back…. Bound to {@link ActionsViewModel}.
 */
final class ActionsView {

    static final String HINT = "Every change written to a miner: how it went, predicted vs measured, and each write.";

    private final ActionsViewModel viewModel;
    private final VBox root = new VBox();
    private final TableView<HistoryRow> history = new TableView<>();
    private boolean showingSelection;

    ActionsView(ActionsViewModel viewModel) {
        this.viewModel = viewModel;
        root.getStyleClass().add("actions-screen");
        root.getStylesheets().add(stylesheet());
        buildHistory();
        SplitPane split = new SplitPane(history, auditPane());
        split.setOrientation(Orientation.VERTICAL);
        // the audit trail needs room too while a running action's progress sits above both
        split.setDividerPositions(0.45);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().setAll(toolbar(), progressPane(), split);
    }

    VBox root() {
        return root;
    }

    private HBox toolbar() {
        Label message = new Label();
        message.setId("actions-message");
        message.getStyleClass().add("actions-message");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty().map(text -> text.isEmpty() ? HINT : text));
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        Button rollBack = new Button("Roll back…");
        rollBack.setId("actions-roll-back");
        rollBack.setMinWidth(Region.USE_PREF_SIZE);
        rollBack.disableProperty().bind(viewModel.canRollBackProperty().not());
        rollBack.setOnAction(event -> viewModel.rollBackSelected());
        HBox bar = new HBox(message, rollBack);
        bar.getStyleClass().add("actions-toolbar");
        return bar;
    }

    private VBox progressPane() {
        Label title = new Label();
        title.setId("progress-title");
        title.getStyleClass().add("progress-title");
        title.textProperty().bind(viewModel.progressTitleProperty());
        ProgressBar bar = new ProgressBar();
        bar.setId("progress-bar");
        bar.progressProperty().bind(viewModel.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label summary = new Label();
        summary.setId("progress-summary");
        summary.getStyleClass().add("progress-summary");
        summary.textProperty().bind(viewModel.progressSummaryProperty());
        summary.setMinWidth(Region.USE_PREF_SIZE);
        Button cancel = new Button("Cancel");
        cancel.setId("progress-cancel");
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.disableProperty().bind(viewModel.runningProperty().not());
        cancel.setOnAction(event -> viewModel.cancel());

        TableView<ProgressRow> miners = new TableView<>(viewModel.progressRows());
        miners.setId("progress-table");
        miners.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        miners.setPlaceholder(new Label("Waiting for the first miner…"));
        miners.getColumns().setAll(List.of(ActionCells.text("Miner", ProgressRow::miner, 220),
                ActionCells.toned("Status", ProgressRow::status, r -> r.stage().name(), 150),
                ActionCells.text("Detail", ProgressRow::detail, 500)));
        miners.setPrefHeight(230);
        miners.setMinHeight(150);

        VBox pane = new VBox(title, new HBox(bar, summary, cancel), miners);
        ((HBox) pane.getChildren().get(1)).getStyleClass().add("progress-line");
        pane.getStyleClass().add("progress-pane");
        pane.setMinHeight(Region.USE_PREF_SIZE);
        pane.visibleProperty().bind(viewModel.followingProperty());
        pane.managedProperty().bind(pane.visibleProperty());
        return pane;
    }

    private void buildHistory() {
        history.setId("history-table");
        history.setItems(viewModel.history());
        history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        history.setPlaceholder(new Label("Nothing has been applied yet. Actions start from Apply on a"
                + " recommendation."));
        history.getColumns().setAll(List.of(ActionCells.text("When", HistoryRow::when, 105),
                ActionCells.text("Who", HistoryRow::who, 75),
                ActionCells.text("What", HistoryRow::what, 250),
                ActionCells.toned("Status", HistoryRow::status, r -> r.record().status().name(), 130),
                ActionCells.text("Predicted", HistoryRow::predicted, 215),
                ActionCells.text("Measured", HistoryRow::measured, 125),
                ActionCells.toned("In interval", HistoryRow::verdict, r -> r.insideInterval() ? "inside" : "outside",
                        95)));
        history.getSelectionModel().selectedItemProperty().subscribe(row -> {
            if (!showingSelection) {
                viewModel.selectedProperty().set(row);
            }
        });
        viewModel.history().addListener((ListChangeListener<HistoryRow>) change -> showSelection());
    }

    /** A refresh replaces the rows, which clears the table's own selection; the view-model's is put back. */
    private void showSelection() {
        showingSelection = true;
        try {
            HistoryRow row = viewModel.selectedProperty().get();
            if (row == null) {
                history.getSelectionModel().clearSelection();
            } else {
                history.getSelectionModel().select(row);
            }
        } finally {
            showingSelection = false;
        }
    }

    private VBox auditPane() {
        Label title = new Label();
        title.getStyleClass().add("audit-title");
        title.textProperty().bind(viewModel.selectedProperty().map(r -> "Audit trail — " + r.what())
                .orElse("Select an action to see its audit trail: every write, read-back and rollback"));
        TableView<ActionsViewModel.AuditRow> audit = new TableView<>(viewModel.audit());
        audit.setId("audit-table");
        audit.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        audit.setPlaceholder(new Label("No writes recorded for this action."));
        audit.getColumns().setAll(List.of(ActionCells.text("At", ActionsViewModel.AuditRow::at, 135),
                ActionCells.text("Who", ActionsViewModel.AuditRow::operator, 70),
                ActionCells.text("Miner", ActionsViewModel.AuditRow::miner, 150),
                ActionCells.text("What", ActionsViewModel.AuditRow::what, 140),
                ActionCells.text("Before", ActionsViewModel.AuditRow::before, 150),
                ActionCells.text("After", ActionsViewModel.AuditRow::after, 150),
                ActionCells.text("Result", ActionsViewModel.AuditRow::result, 220)));
        VBox.setVgrow(audit, Priority.ALWAYS);
        VBox pane = new VBox(title, audit);
        pane.getStyleClass().add("audit-pane");
        return pane;
    }

    static String stylesheet() {
        URL css = ActionsView.class.getResource("actions.css");
        if (css == null) {
            throw new IllegalStateException("actions.css is missing beside ActionsView; the build is broken");
        }
        return css.toExternalForm();
    }
}
