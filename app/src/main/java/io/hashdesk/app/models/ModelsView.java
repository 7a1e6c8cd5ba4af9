package io.hashdesk.app.models;

import io.hashdesk.app.common.EmptyStateView;
import io.hashdesk.app.models.ModelSlotRow.FeatureDriftRow;
import io.hashdesk.app.models.ModelSlotRow.VersionRow;
import java.net.URL;
import java.util.List;
import java.util.Optional;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Models screen: the commands and their last outcome on top; below, every model slot (those needing attention
 * first) over the selected slot's versions and latest drift check; the empty state until a model has been trained.
 * Bound to {@link ModelsViewModel}.
 */
final class ModelsView {

    static final String EMPTY_TITLE = "No model has been trained yet";
    static final String EMPTY_MESSAGE = "Hashdesk trains its thermal, efficiency, anomaly, failure and hashprice models"
            + " in the background from this farm's own history. Their versions, held-out quality and drift checks"
            + " will be listed here, with rollback to an earlier version.";
    static final String EMPTY_NEXT_STEP = "The first check runs a couple of minutes after Hashdesk starts, then every"
            + " hour. A new farm needs some days of history before its models can be trained; Retrain now checks at"
            + " once.";

    private static final PseudoClass ATTENTION = PseudoClass.getPseudoClass("attention");
    private static final PseudoClass CHAMPION = PseudoClass.getPseudoClass("champion");

    static final String HINT = "Models retrain in the background; a new version serves only if it beats the champion"
            + " on held-out data.";

    private final ModelsViewModel viewModel;
    private final VBox root = new VBox();
    private final TableView<ModelSlotRow> slots = new TableView<>();
    private boolean showingSelection;

    ModelsView(ModelsViewModel viewModel) {
        this.viewModel = viewModel;
        root.getStyleClass().add("models-screen");
        root.getStylesheets().add(stylesheet());
        buildSlotTable();
        SplitPane split = new SplitPane(slots, detail());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        Region empty = new EmptyStateView(EMPTY_TITLE, EMPTY_MESSAGE, EMPTY_NEXT_STEP).root();
        empty.visibleProperty().bind(viewModel.hasModelsProperty().not());
        split.visibleProperty().bind(viewModel.hasModelsProperty());
        StackPane body = new StackPane(split, empty);
        VBox.setVgrow(body, Priority.ALWAYS);
        root.getChildren().setAll(toolbar(), body);
    }

    VBox root() {
        return root;
    }

    private HBox toolbar() {
        Label message = new Label();
        message.setId("models-message");
        message.getStyleClass().add("models-message");
        message.setWrapText(true);
        // the last command's outcome, or what the screen is for until there is one
        message.textProperty().bind(viewModel.messageProperty().map(text -> text.isEmpty() ? HINT : text));
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);

        Button rollBack = new Button("Roll back…");
        rollBack.setId("models-roll-back");
        rollBack.disableProperty().bind(viewModel.rollBackPossibleProperty().not());
        rollBack.setOnAction(event -> viewModel.rollBackSelected());

        Button retrain = new Button("Retrain now");
        retrain.setId("models-retrain");
        retrain.getStyleClass().add("accent");
        retrain.disableProperty().bind(viewModel.commandsAvailableProperty().not().or(viewModel.retrainingProperty()));
        retrain.setOnAction(event -> viewModel.retrainNow());
        Tooltip retrainTip = new Tooltip();
        retrainTip.textProperty().bind(viewModel.commandsAvailableProperty().map(available -> available
                ? "Trains every model that is due (never trained, past its interval or drifted) now, instead of at the"
                + " next scheduled check. Progress and Cancel are in the job list."
                : ModelsViewModel.NOT_RUNNING));
        retrainTip.setWrapText(true);
        retrainTip.setMaxWidth(420);

        Tooltip rollBackTip = new Tooltip();
        rollBackTip.textProperty().bind(viewModel.rollBackExplanationProperty());
        rollBackTip.setWrapText(true);
        rollBackTip.setMaxWidth(420);
        HBox bar = new HBox(message, withTooltip(rollBack, rollBackTip), withTooltip(retrain, retrainTip));
        bar.getStyleClass().add("models-toolbar");
        return bar;
    }

    /** A disabled control shows no tooltip of its own, and the tooltip is what says why it is disabled. */
    private static StackPane withTooltip(Button button, Tooltip tooltip) {
        // the message gives way to the buttons, never the other way round
        button.setMinWidth(Region.USE_PREF_SIZE);
        StackPane holder = new StackPane(button);
        holder.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip.install(holder, tooltip);
        return holder;
    }

    private void buildSlotTable() {
        slots.setId("models-table");
        slots.setItems(viewModel.rows());
        slots.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        slots.setPlaceholder(new Label("No model has a version yet."));
        slots.getColumns().setAll(List.of(
                ModelCells.twoLines("Model", ModelSlotRow::family, ModelSlotRow::scopeText, 185),
                ModelCells.twoLines("Serving", r -> r.champion().equals("none") ? "No champion"
                        : r.champion() + " · trained " + r.trainedAt(), r -> r.window().isEmpty() ? "" : "on "
                        + r.window(), 215),
                ModelCells.text("Held-out quality", ModelSlotRow::metric, 205),
                ModelCells.text("Versions", r -> Integer.toString(r.versionCount()), 80),
                ModelCells.verdict("Drift", ModelSlotRow::verdict, ModelSlotRow::driftCheckedAt, 145),
                ModelCells.wrapped("Drifted features", ModelSlotRow::driftedFeatures, 200)));
        slots.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(ModelSlotRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(ATTENTION, !empty && row != null && row.attention() <= 1);
            }
        });
        slots.getSelectionModel().selectedItemProperty().subscribe(row -> {
            if (!showingSelection) {
                viewModel.selectedProperty().set(row);
            }
        });
        viewModel.selectedProperty().subscribe(this::showSelection);
        viewModel.rows().addListener((ListChangeListener<ModelSlotRow>) change ->
                showSelection(viewModel.selectedProperty().get()));
    }

    /** Puts the view-model's selection on the table; a refresh replaces the rows, which clears the table's own. */
    private void showSelection(ModelSlotRow row) {
        showingSelection = true;
        try {
            if (row == null) {
                slots.getSelectionModel().clearSelection();
            } else if (slots.getSelectionModel().getSelectedItem() != row) {
                slots.getSelectionModel().select(row);
            }
        } finally {
            showingSelection = false;
        }
    }

    private VBox detail() {
        Label title = new Label();
        title.setId("models-detail-title");
        title.getStyleClass().add("detail-title");
        title.textProperty().bind(viewModel.selectedProperty().map(ModelSlotRow::title)
                .orElse("Select a model to see its versions and its latest drift check"));
        Label rollback = new Label();
        rollback.getStyleClass().add("detail-hint");
        rollback.setWrapText(true);
        rollback.textProperty().bind(viewModel.rollBackExplanationProperty());
        rollback.visibleProperty().bind(viewModel.selectedProperty().isNotNull());
        rollback.managedProperty().bind(rollback.visibleProperty());

        Tab versions = new Tab("Versions", versionTable());
        versions.textProperty().bind(viewModel.selectedProperty().map(r -> "Versions (" + r.versionCount() + ")")
                .orElse("Versions"));
        Tab drift = new Tab("Drift check", driftTable());
        drift.textProperty().bind(viewModel.selectedProperty().map(r -> "Drift check — " + r.driftCheckedAt())
                .orElse("Drift check"));
        TabPane tabs = new TabPane(versions, drift);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        VBox detail = new VBox(title, rollback, tabs);
        detail.getStyleClass().add("models-detail");
        return detail;
    }

    private TableView<VersionRow> versionTable() {
        TableView<VersionRow> table = new TableView<>(viewModel.versions());
        table.setId("models-versions");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Select a model above."));
        table.getColumns().setAll(List.of(
                ModelCells.text("Version", VersionRow::version, 85),
                ModelCells.text("Trained", VersionRow::createdAt, 135),
                ModelCells.text("Status", VersionRow::status, 105),
                ModelCells.text("Held-out quality", VersionRow::metric, 190),
                ModelCells.wrapped("Why", VersionRow::statusReason, 280),
                ModelCells.wrapped("Other metrics", VersionRow::otherMetrics, 210)));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(VersionRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(CHAMPION, !empty && row != null && row.champion());
            }
        });
        return table;
    }

    private TableView<FeatureDriftRow> driftTable() {
        TableView<FeatureDriftRow> table = new TableView<>(viewModel.drift());
        table.setId("models-drift");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label();
        placeholder.textProperty().bind(viewModel.selectedProperty().map(r -> r.champion().equals("none")
                ? "Only a serving model is checked for drift." : "Not checked yet: the champion is compared with"
                + " recent data at each retraining check.").orElse("Select a model above."));
        table.setPlaceholder(placeholder);
        table.getColumns().setAll(List.of(
                ModelCells.text("Feature", FeatureDriftRow::feature, 200),
                ModelCells.verdict("Verdict", r -> Optional.of(r.verdict()), r -> "", 130),
                ModelCells.text("PSI", FeatureDriftRow::psi, 80),
                ModelCells.text("KS p-value", FeatureDriftRow::ksPValue, 95),
                ModelCells.wrapped("Explanation", FeatureDriftRow::explanation, 500)));
        return table;
    }

    private static String stylesheet() {
        URL css = ModelsView.class.getResource("models.css");
        if (css == null) {
            throw new IllegalStateException("models.css is missing beside ModelsView; the build is broken");
        }
        return css.toExternalForm();
    }
}
