package io.hashdesk.app.alerts;

import io.hashdesk.core.alert.AlertSeverity;
import io.hashdesk.core.alert.AlertView;
import java.net.URL;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The alert list: a switch between open, acknowledged and cleared alerts, the table (several rows can be selected)
 * and the acknowledge button, bound to {@link AlertsViewModel}.
 */
public final class AlertsView {

    private final AlertsViewModel viewModel;
    private final VBox root = new VBox();
    private final TableView<AlertRow> table = new TableView<>();
    private final Set<Long> selectedIds = new HashSet<>();
    private boolean restoringSelection;

    public AlertsView(AlertsViewModel viewModel) {
        this.viewModel = viewModel;
        root.getStyleClass().add("alerts");
        root.getStylesheets().add(stylesheet());
        buildTable();
        root.getChildren().setAll(toolbar(), table);
        VBox.setVgrow(table, Priority.ALWAYS);
    }

    public VBox root() {
        return root;
    }

    private HBox toolbar() {
        ToggleGroup group = new ToggleGroup();
        ToggleButton open = viewToggle(group, AlertView.OPEN, "alerts-view-open");
        open.textProperty().bind(viewModel.unacknowledgedCountProperty().map(n -> "Needs attention (" + n + ")"));
        ToggleButton acknowledged = viewToggle(group, AlertView.ACKNOWLEDGED, "alerts-view-acknowledged");
        acknowledged.setText("Acknowledged");
        ToggleButton cleared = viewToggle(group, AlertView.CLEARED, "alerts-view-cleared");
        cleared.setText("Cleared");
        HBox views = new HBox(open, acknowledged, cleared);
        views.getStyleClass().add("alerts-views");

        Label message = new Label();
        message.setId("alerts-message");
        message.getStyleClass().add("alerts-message");
        message.textProperty().bind(viewModel.messageProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Button acknowledge = new Button();
        acknowledge.setId("alerts-acknowledge");
        acknowledge.getStyleClass().add("accent");
        acknowledge.textProperty().bind(Bindings.size(table.getSelectionModel().getSelectedItems())
                .map(n -> n.intValue() > 1 ? "Acknowledge " + n + " alerts" : "Acknowledge"));
        acknowledge.disableProperty().bind(Bindings.isEmpty(table.getSelectionModel().getSelectedItems())
                .or(viewModel.acknowledgingProperty())
                .or(viewModel.viewProperty().isNotEqualTo(AlertView.OPEN)));
        acknowledge.setOnAction(event -> acknowledgeSelected());

        HBox bar = new HBox(views, message, spacer, acknowledge);
        bar.getStyleClass().add("alerts-toolbar");
        return bar;
    }

    private ToggleButton viewToggle(ToggleGroup group, AlertView shows, String id) {
        ToggleButton toggle = new ToggleButton();
        toggle.setId(id);
        toggle.setToggleGroup(group);
        toggle.setSelected(viewModel.viewProperty().get() == shows);
        // a toggle group lets the chosen button be un-chosen; the view-model stays the source of truth
        toggle.setOnAction(event -> {
            viewModel.viewProperty().set(shows);
            toggle.setSelected(true);
        });
        return toggle;
    }

    private void buildTable() {
        table.setId("alerts-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setItems(viewModel.rows());
        keepSelectionAcrossRefreshes();
        table.setPlaceholder(placeholder());
        TableColumn<AlertRow, AlertRow> severity = new TableColumn<>("Severity");
        severity.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        severity.setCellFactory(column -> new SeverityCell());
        severity.setMinWidth(100);
        severity.setPrefWidth(100);
        severity.setMaxWidth(110);
        table.getColumns().add(severity);
        table.getColumns().addAll(List.of(
                text("Miner", AlertRow::miner, 120),
                text("Alert", AlertRow::kind, 130),
                text("What was seen", AlertRow::message, 400),
                text("Raised", AlertRow::since, 170),
                text("Status", AlertRow::status, 200)));
        table.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.SPACE && viewModel.viewProperty().get() == AlertView.OPEN) {
                acknowledgeSelected();
            }
        });
    }

    /** A refresh replaces the rows, which clears the table's selection; the operator's picks are kept by alert id. */
    private void keepSelectionAcrossRefreshes() {
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<AlertRow>) change -> {
            if (!restoringSelection) {
                selectedIds.clear();
                table.getSelectionModel().getSelectedItems().forEach(row -> selectedIds.add(row.id()));
            }
        });
        viewModel.rows().addListener((ListChangeListener<AlertRow>) change -> {
            restoringSelection = true;
            try {
                table.getSelectionModel().clearSelection();
                List<AlertRow> rows = viewModel.rows();
                for (int i = 0; i < rows.size(); i++) {
                    if (selectedIds.contains(rows.get(i).id())) {
                        table.getSelectionModel().select(i);
                    }
                }
            } finally {
                restoringSelection = false;
            }
            selectedIds.retainAll(table.getSelectionModel().getSelectedItems().stream().map(AlertRow::id).toList());
        });
    }

    private void acknowledgeSelected() {
        viewModel.acknowledge(table.getSelectionModel().getSelectedItems().stream().map(AlertRow::id).toList());
    }

    private Label placeholder() {
        Label label = new Label();
        label.getStyleClass().add("alerts-placeholder");
        label.setWrapText(true);
        label.textProperty().bind(viewModel.viewProperty().map(shown -> switch (shown) {
            case OPEN -> "Nothing needs attention. Miners that go offline, overheat, lose a fan or a hashboard, "
                    + "or hash well below their rating are listed here.";
            case ACKNOWLEDGED -> "No acknowledged alerts are still open.";
            case CLEARED -> "No alert has cleared yet.";
        }));
        return label;
    }

    private static TableColumn<AlertRow, String> text(String title, Function<AlertRow, String> value, double width) {
        TableColumn<AlertRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /** The severity as a coloured pill. */
    private static final class SeverityCell extends TableCell<AlertRow, AlertRow> {
        private final Label pill = new Label();

        SeverityCell() {
            pill.getStyleClass().add("severity-pill");
        }

        @Override
        protected void updateItem(AlertRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            AlertSeverity severity = row.severity();
            pill.setText(severity == AlertSeverity.CRITICAL ? "Critical" : "Warning");
            pill.getStyleClass().removeIf(s -> s.startsWith("severity-") && !s.equals("severity-pill"));
            pill.getStyleClass().add("severity-" + severity.name().toLowerCase(Locale.ROOT));
            setGraphic(pill);
        }
    }

    private static String stylesheet() {
        URL css = AlertsView.class.getResource("alerts.css");
        if (css == null) {
            throw new IllegalStateException("alerts.css is missing beside AlertsView; the build is broken");
        }
        return css.toExternalForm();
    }
}
