package io.hashdesk.app.miners;

import io.hashdesk.core.domain.MinerId;
import java.io.File;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The fleet table screen: a filter bar, the table and a footer, bound to {@link FleetTableViewModel}. Keeps the
 * operator's selection across live refreshes by miner id, which the table itself would lose when the rows are replaced.
 */
public final class FleetTableView {

    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    private static final PseudoClass GROUP_START = PseudoClass.getPseudoClass("group-start");
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private final FleetTableViewModel viewModel;
    private final VBox root = new VBox();
    private final TableView<MinerRow> table = new TableView<>();
    private final TextField search = new TextField();
    private final HBox toolbar;
    private final Runnable focusSearch = this::focusSearch;
    private boolean restoringSelection;
    private MinerId focusedMiner;

    public FleetTableView(FleetTableViewModel viewModel) {
        this.viewModel = viewModel;
        root.getStyleClass().add("fleet-table");
        root.getStylesheets().add(stylesheet());
        buildTable();
        toolbar = filterBar();
        root.getChildren().setAll(toolbar, table, footer());
        VBox.setVgrow(table, Priority.ALWAYS);
        // Ctrl+F belongs to this screen only while it is shown
        root.sceneProperty().addListener((obs, oldScene, newScene) -> {
            if (oldScene != null) {
                oldScene.getAccelerators().remove(FIND, focusSearch);
            }
            if (newScene != null) {
                newScene.getAccelerators().put(FIND, focusSearch);
            }
        });
    }

    public VBox root() {
        return root;
    }

    /** Puts a screen's own button (e.g. "Find miners…") at the right end of the filter row, so it costs no row. */
    public void addToolbarButton(Button button) {
        button.setMinWidth(Region.USE_PREF_SIZE);
        toolbar.getChildren().add(button);
    }

    private void buildTable() {
        table.setId("fleet-table");
        TableColumn<MinerRow, MinerRow> group = FleetTableColumns.group(viewModel);
        group.visibleProperty().bind(viewModel.groupingProperty().isNotEqualTo(FleetGrouping.NONE));
        table.getColumns().add(group);
        table.getColumns().addAll(FleetTableColumns.all());
        table.setItems(viewModel.visibleRows());
        // the view-model's sorted list does the sorting, grouped first; the table only says which columns
        table.setSortPolicy(t -> true);
        viewModel.columnOrderProperty().bind(table.comparatorProperty());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No miners to show: Find miners… adds them; clear the search or filters if some are hidden."));
        table.setRowFactory(t -> new MinerTableRow());

        table.getSelectionModel().getSelectedItems().addListener(
                (ListChangeListener<MinerRow>) change -> selectionChanged());
        table.getFocusModel().focusedItemProperty().subscribe(row -> {
            if (!restoringSelection && !viewModel.refreshingProperty().get() && row != null) {
                focusedMiner = row.id();
            }
        });
        viewModel.refreshingProperty().subscribe(refreshing -> {
            if (!refreshing) {
                restoreSelection();
            }
        });
        viewModel.visibleRows().addListener((ListChangeListener<MinerRow>) change -> {
            if (viewModel.groupingProperty().get() != FleetGrouping.NONE) {
                table.refresh();
            }
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && table.getFocusModel().getFocusedItem() != null) {
                viewModel.openMiner(table.getFocusModel().getFocusedItem().id());
                event.consume();
            }
        });
    }

    private void selectionChanged() {
        if (!restoringSelection && !viewModel.refreshingProperty().get()) {
            viewModel.select(table.getSelectionModel().getSelectedItems().stream().map(MinerRow::id).toList());
        }
    }

    /** After the rows were replaced: select the same miners again, wherever they are now. */
    private void restoreSelection() {
        List<MinerId> wanted = viewModel.selectedMinerIds();
        restoringSelection = true;
        try {
            table.getSelectionModel().clearSelection();
            if (!wanted.isEmpty() || focusedMiner != null) {
                Map<MinerId, Integer> index = new HashMap<>();
                List<MinerRow> rows = table.getItems();
                for (int i = 0; i < rows.size(); i++) {
                    index.put(rows.get(i).id(), i);
                }
                int[] indices = wanted.stream().map(index::get).filter(i -> i != null).mapToInt(i -> i).toArray();
                if (indices.length > 0) {
                    table.getSelectionModel().selectIndices(indices[0], indices);
                }
                Integer focus = focusedMiner == null ? null : index.get(focusedMiner);
                if (focus != null) {
                    table.getFocusModel().focus(focus);
                }
            }
        } finally {
            restoringSelection = false;
        }
        selectionChanged();
    }

    private HBox filterBar() {
        search.setId("fleet-search");
        search.setPromptText("Search  (Ctrl+F)");
        search.setTooltip(new Tooltip("Matches miner id, model, room and rack, pool, coin and status"));
        search.textProperty().bindBidirectional(viewModel.searchTextProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        search.setMinWidth(140);
        search.setMaxWidth(360);

        ComboBox<StatusFilter> status = new ComboBox<>();
        status.setId("fleet-status-filter");
        status.getItems().setAll(StatusFilter.choices());
        status.valueProperty().bindBidirectional(viewModel.statusFilterProperty());
        ComboBox<String> room = new ComboBox<>(viewModel.rooms());
        room.setId("fleet-room-filter");
        room.valueProperty().bindBidirectional(viewModel.roomFilterProperty());
        ComboBox<String> model = new ComboBox<>(viewModel.models());
        model.setId("fleet-model-filter");
        model.valueProperty().bindBidirectional(viewModel.modelFilterProperty());
        ComboBox<FleetGrouping> grouping = new ComboBox<>();
        grouping.setId("fleet-grouping");
        grouping.getItems().setAll(FleetGrouping.values());
        grouping.valueProperty().bindBidirectional(viewModel.groupingProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.SOMETIMES);
        Button export = new Button("Export CSV…");
        export.setId("fleet-export");
        export.disableProperty().bind(viewModel.exportingProperty());
        export.setOnAction(event -> chooseExportFile());

        // everything but the search keeps its full text; the search gives up width first
        for (Region fixed : List.of(status, room, model, grouping, export)) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(search, status, room, model, grouping, spacer, export);
        bar.getStyleClass().add("fleet-filter-bar");
        return bar;
    }

    private HBox footer() {
        Label summary = new Label();
        summary.setId("fleet-summary");
        summary.textProperty().bind(viewModel.summaryProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label exportMessage = new Label();
        exportMessage.setId("fleet-export-message");
        exportMessage.textProperty().bind(viewModel.exportMessageProperty());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(viewModel.exportProgressProperty());
        Button cancel = new Button("Cancel");
        cancel.setOnAction(event -> viewModel.cancelExport());
        progress.visibleProperty().bind(viewModel.exportingProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        cancel.visibleProperty().bind(viewModel.exportingProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        HBox footer = new HBox(summary, spacer, exportMessage, progress, cancel);
        footer.getStyleClass().add("fleet-footer");
        return footer;
    }

    private void chooseExportFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the fleet table as shown");
        chooser.setInitialFileName("fleet.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        Scene scene = root.getScene();
        File file = chooser.showSaveDialog(scene == null ? null : scene.getWindow());
        if (file != null) {
            viewModel.exportCsv(file.toPath());
        }
    }

    void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private static String stylesheet() {
        URL css = FleetTableView.class.getResource("fleet-table.css");
        if (css == null) {
            throw new IllegalStateException("fleet-table.css is missing beside FleetTableView; the build is broken");
        }
        return css.toExternalForm();
    }

    /** A table row: dimmed when stale, marked where a group starts, double-click opens the miner. */
    private final class MinerTableRow extends TableRow<MinerRow> {

        MinerTableRow() {
            setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && getItem() != null) {
                    viewModel.openMiner(getItem().id());
                }
            });
        }

        @Override
        protected void updateItem(MinerRow row, boolean empty) {
            super.updateItem(row, empty);
            pseudoClassStateChanged(STALE, !empty && row != null && row.stale());
            pseudoClassStateChanged(GROUP_START, !empty && row != null && getIndex() > 0
                    && !viewModel.groupHeading(row).isEmpty());
        }
    }
}
