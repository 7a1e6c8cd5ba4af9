package io.hashdesk.app.detail;

import java.net.URL;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The miner detail screen: a header with the miner's identity and live values, the range toggle with the load's
 * progress, six history charts, the current settings and the event history. Binds to {@link MinerDetailViewModel};
 * Esc or "← All miners" goes back to the list.
 */
public final class MinerDetailView {

    private static final KeyCombination BACK = new KeyCodeCombination(KeyCode.ESCAPE);
    private static final int CHART_COLUMNS = 3;
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    private final MinerDetailViewModel viewModel;
    private final ZoneId zone;
    private final BorderPane root = new BorderPane();
    private final Button back = new Button("← All miners");
    private final List<TimeChart> charts = new ArrayList<>();
    private final Runnable goBack;

    public MinerDetailView(MinerDetailViewModel viewModel, ZoneId zone) {
        this.viewModel = viewModel;
        this.zone = zone;
        this.goBack = viewModel::back;
        root.getStyleClass().add("miner-detail");
        root.getStylesheets().add(stylesheet());
        root.setTop(new VBox(titleBar(), liveValues()));
        VBox events = eventsCard();
        HBox.setHgrow(events, Priority.ALWAYS);
        HBox bottom = new HBox(settingsCard(), events);
        bottom.getStyleClass().add("detail-bottom");
        VBox body = new VBox(rangeBar(), chartGrid(), bottom);
        body.getStyleClass().add("detail-body");
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("detail-scroll");
        root.setCenter(scroll);
        viewModel.historyProperty().subscribe(history -> charts.forEach(chart -> chart.show(history)));
        // Esc belongs to this screen only while it is shown
        root.sceneProperty().addListener((obs, oldScene, newScene) -> {
            if (oldScene != null) {
                oldScene.getAccelerators().remove(BACK, goBack);
            }
            if (newScene != null) {
                newScene.getAccelerators().put(BACK, goBack);
            }
        });
    }

    public BorderPane root() {
        return root;
    }

    /** Puts the keyboard on the back button, so Enter or Space go back as well. */
    public void focusBack() {
        back.requestFocus();
    }

    private HBox titleBar() {
        back.setId("detail-back");
        back.getStyleClass().add("back-button");
        back.setOnAction(event -> viewModel.back());
        Label id = headerLabel("detail-miner-id", HeaderText::minerId, "detail-miner-id");
        Label status = headerLabel("detail-status", HeaderText::status, "status-pill");
        viewModel.headerProperty().subscribe(header -> status.getStyleClass().setAll("label", "status-pill",
                header == null ? "status-never-polled" : header.statusStyle()));
        Label identity = new Label();
        identity.setId("detail-identity");
        identity.getStyleClass().add("detail-identity");
        identity.textProperty().bind(viewModel.headerProperty().map(h -> String.join("   ·   ", h.model(),
                h.location(), h.address())).orElse(""));
        HBox bar = new HBox(back, id, status, identity);
        bar.getStyleClass().add("detail-title-bar");
        return bar;
    }

    private FlowPane liveValues() {
        FlowPane strip = new FlowPane(
                tile("Hashrate", "live-hashrate", HeaderText::hashrate, HeaderText::percentOfRated),
                tile("Power", "live-power", HeaderText::power, null),
                tile("Efficiency", "live-efficiency", HeaderText::efficiency, null),
                tile("Hottest chip", "live-chip-temp", HeaderText::chipTemp, null),
                tile("Fans", "live-fan", HeaderText::fan, null),
                tile("Pool", "live-pool", HeaderText::pool, null),
                tile("Uptime", "live-uptime", HeaderText::uptime, null),
                tile("Last seen", "live-last-seen", HeaderText::lastSeen, null));
        strip.getStyleClass().add("live-strip");
        return strip;
    }

    private VBox tile(String caption, String id, Function<HeaderText, String> value,
                      Function<HeaderText, String> note) {
        Label captionLabel = new Label(caption);
        captionLabel.getStyleClass().add("tile-caption");
        VBox tile = new VBox(captionLabel, headerLabel(id, value, "tile-value"));
        if (note != null) {
            tile.getChildren().add(headerLabel(id + "-note", note, "tile-note"));
        }
        viewModel.headerProperty().subscribe(h -> tile.pseudoClassStateChanged(STALE, h != null && h.stale()));
        tile.getStyleClass().add("live-tile");
        // a tile is as wide as its value: the strip wraps instead of cutting "2,985 W" to "2,98…"
        tile.setMinWidth(Region.USE_PREF_SIZE);
        return tile;
    }

    private Label headerLabel(String id, Function<HeaderText, String> text, String styleClass) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(styleClass);
        label.textProperty().bind(viewModel.headerProperty().map(text).orElse(DetailText.MISSING));
        return label;
    }

    private HBox rangeBar() {
        Label caption = new Label("History");
        caption.getStyleClass().add("range-caption");
        ToggleGroup group = new ToggleGroup();
        HBox toggles = new HBox();
        toggles.getStyleClass().add("range-toggles");
        for (DetailRange range : DetailRange.values()) {
            ToggleButton toggle = new ToggleButton(range.label());
            toggle.setId("range-" + range.name().toLowerCase(Locale.ROOT));
            toggle.setToggleGroup(group);
            toggle.setOnAction(event -> viewModel.selectRange(range));
            toggles.getChildren().add(toggle);
        }
        viewModel.rangeProperty().subscribe(range ->
                ((ToggleButton) toggles.getChildren().get(range.ordinal())).setSelected(true));
        Label message = new Label();
        message.setId("detail-message");
        message.getStyleClass().add("detail-message");
        message.textProperty().bind(viewModel.messageProperty());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(viewModel.loadProgressProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("detail-cancel");
        cancel.setOnAction(event -> viewModel.cancelLoad());
        showWhile(viewModel.loadingProperty(), progress, cancel);
        HBox bar = new HBox(caption, toggles, message, progress, cancel);
        bar.getStyleClass().add("range-bar");
        return bar;
    }

    private GridPane chartGrid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("chart-grid");
        for (int c = 0; c < CHART_COLUMNS; c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / CHART_COLUMNS);
            grid.getColumnConstraints().add(column);
        }
        for (ChartKind kind : ChartKind.values()) {
            TimeChart chart = new TimeChart(kind, zone);
            charts.add(chart);
            grid.add(chart.root(), kind.ordinal() % CHART_COLUMNS, kind.ordinal() / CHART_COLUMNS);
        }
        return grid;
    }

    private VBox settingsCard() {
        GridPane rows = new GridPane();
        rows.getStyleClass().add("settings-rows");
        viewModel.headerProperty().subscribe(header -> {
            rows.getChildren().clear();
            if (header != null) {
                for (int i = 0; i < header.settings().size(); i++) {
                    Label value = new Label(header.settings().get(i).value());
                    value.setId("setting-" + header.settings().get(i).label().toLowerCase(Locale.ROOT));
                    value.getStyleClass().add("setting-value");
                    rows.addRow(i, new Label(header.settings().get(i).label()), value);
                }
            }
        });
        VBox card = new VBox(cardTitle("Current settings"), rows);
        card.getStyleClass().addAll("detail-card", "settings-card");
        return card;
    }

    private VBox eventsCard() {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.getDefault()).withZone(zone);
        TableView<MinerEvent> table = new TableView<>(viewModel.events());
        table.setId("detail-events");
        Label nothing = new Label("Nothing happened in this range: no status changes, lost hashboards, stopped fans"
                + " or hot chips.");
        nothing.setWrapText(true);
        nothing.getStyleClass().add("events-empty");
        table.setPlaceholder(nothing);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<MinerEvent, String> time = new TableColumn<>("Time");
        time.setCellValueFactory(cell -> new SimpleStringProperty(
                format.format(cell.getValue().at())));
        time.setPrefWidth(120);
        time.setMaxWidth(140);
        TableColumn<MinerEvent, MinerEvent> what = new TableColumn<>("Event");
        what.setCellValueFactory(cell -> new SimpleObjectProperty<>(cell.getValue()));
        what.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(MinerEvent event, boolean empty) {
                super.updateItem(event, empty);
                setText(empty || event == null ? null : event.text());
                getStyleClass().removeIf(c -> c.startsWith("event-"));
                if (!empty && event != null) {
                    getStyleClass().add("event-" + event.severity().name().toLowerCase(Locale.ROOT));
                }
            }
        });
        table.getColumns().setAll(List.of(time, what));
        VBox card = new VBox(cardTitle("Event history"), table);
        VBox.setVgrow(table, Priority.ALWAYS);
        card.getStyleClass().addAll("detail-card", "events-card");
        return card;
    }

    private static Label cardTitle(String text) {
        Label title = new Label(text);
        title.getStyleClass().add("card-title");
        return title;
    }

    private static void showWhile(ObservableValue<Boolean> condition, Region... nodes) {
        for (Region node : nodes) {
            node.visibleProperty().bind(condition);
            node.managedProperty().bind(condition);
        }
    }

    private static String stylesheet() {
        URL css = MinerDetailView.class.getResource("miner-detail.css");
        if (css == null) {
            throw new IllegalStateException("miner-detail.css is missing beside MinerDetailView; the build is broken");
        }
        return css.toExternalForm();
    }
}
