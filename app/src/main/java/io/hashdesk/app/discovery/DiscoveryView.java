package io.hashdesk.app.discovery;

import java.io.File;
import java.net.URL;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The discovery wizard as a full pane: a header with the three steps, then the step's content — what to scan, the
 * scan with its results, or placing the ticked miners ({@link AssignmentView}). Builds nodes and binds, nothing else.
 */
final class DiscoveryView {

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");

    private final DiscoveryViewModel model;
    private final VBox root = new VBox();
    private final VBox body = new VBox();
    private final Button close = new Button("Close");
    private final Node enter;
    private final Node results;
    private final Node assign;
    private final Node done;

    DiscoveryView(DiscoveryViewModel model) {
        this.model = model;
        root.getStyleClass().add("discovery");
        root.getStylesheets().add(stylesheet());
        enter = enterStep();
        results = resultsStep();
        AssignmentView assignment = new AssignmentView(model.assignment(), model::back);
        assign = assignment.root();
        done = doneStep();
        VBox.setVgrow(body, Priority.ALWAYS);
        root.getChildren().setAll(header(), body);
        model.stepProperty().subscribe(step -> body.getChildren().setAll(switch (step) {
            case ENTER -> enter;
            case SCAN -> results;
            case ASSIGN -> assign;
            case DONE -> done;
        }));
    }

    VBox root() {
        return root;
    }

    void setOnClose(Runnable onClose) {
        close.setOnAction(event -> onClose.run());
    }

    private Node header() {
        Label title = new Label("Find miners");
        title.getStyleClass().add("discovery-title");
        HBox steps = new HBox(stepLabel("1 Range", DiscoveryViewModel.Step.ENTER),
                stepLabel("2 Scan and pick", DiscoveryViewModel.Step.SCAN),
                stepLabel("3 Place and register", DiscoveryViewModel.Step.ASSIGN));
        steps.getStyleClass().add("discovery-steps");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        close.setId("discovery-close");
        HBox header = new HBox(title, steps, spacer, close);
        header.getStyleClass().add("discovery-header");
        return header;
    }

    private Label stepLabel(String text, DiscoveryViewModel.Step step) {
        Label label = new Label(text);
        label.getStyleClass().add("discovery-step");
        model.stepProperty().subscribe(now -> label.pseudoClassStateChanged(
                CURRENT, now == step));
        return label;
    }

    private Node enterStep() {
        ToggleGroup source = new ToggleGroup();
        RadioButton byRange = new RadioButton("A range of addresses");
        RadioButton byList = new RadioButton("A list of addresses from a CSV file");
        byRange.setToggleGroup(source);
        byList.setToggleGroup(source);
        byRange.setSelected(!model.useAddressListProperty().get());
        byList.setSelected(model.useAddressListProperty().get());
        source.selectedToggleProperty().subscribe(t -> model.useAddressListProperty().set(t == byList));
        model.useAddressListProperty().subscribe(list -> source.selectToggle(list ? byList : byRange));

        TextField range = new TextField();
        range.setId("discovery-range");
        range.setPromptText("e.g. 192.168.1.0/24 or 192.168.1.25");
        range.textProperty().bindBidirectional(model.rangeProperty());
        range.disableProperty().bind(model.useAddressListProperty());
        Button chooseFile = new Button("Choose file…");
        chooseFile.setOnAction(event -> chooseAddressFile());
        Label fileName = new Label();
        fileName.textProperty().bind(Bindings.when(model.addressListNameProperty().isEmpty())
                .then("one address per line: host[,http_port[,rpc_port]]").otherwise(model.addressListNameProperty()));
        fileName.getStyleClass().add("discovery-hint");
        TextField http = portField(model.httpPortProperty(), "discovery-http-port");
        TextField rpc = portField(model.rpcPortProperty(), "discovery-rpc-port");

        GridPane form = new GridPane();
        form.getStyleClass().add("discovery-form");
        form.addRow(0, byRange, range);
        form.addRow(1, byList, new HBox(8, chooseFile, fileName));
        form.addRow(2, new Label("Web API port"), http);
        form.addRow(3, new Label("RPC port"), rpc);
        GridPane.setHgrow(range, Priority.ALWAYS);

        Label problem = message(model.inputProblemProperty().getValue(), "discovery-problem");
        problem.textProperty().bind(model.inputProblemProperty());
        Label warning = message("", "discovery-warning");
        warning.textProperty().bind(model.inputWarningProperty());
        Label promise = message("Only the addresses entered here are contacted; nothing is changed on a miner.",
                "discovery-hint");
        Button scan = new Button("Scan");
        scan.setId("discovery-scan");
        scan.setDefaultButton(true);
        scan.disableProperty().bind(model.canScanProperty().not());
        scan.setOnAction(event -> model.scan());
        VBox step = new VBox(form, problem, warning, promise, new HBox(scan));
        step.getStyleClass().add("discovery-step-body");
        return step;
    }

    private void chooseAddressFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose a list of miner addresses");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV or text", "*.csv", "*.txt"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            model.readAddressList(file.toPath());
        }
    }

    private static TextField portField(StringProperty port, String id) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(6);
        field.setMaxWidth(Region.USE_PREF_SIZE);
        field.textProperty().bindBidirectional(port);
        return field;
    }

    private Node resultsStep() {
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(model.progressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        Button cancel = new Button("Cancel");
        cancel.setId("discovery-cancel");
        cancel.visibleProperty().bind(model.scanningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(event -> model.cancel());
        Label message = new Label();
        message.setId("discovery-scan-message");
        message.textProperty().bind(model.scanMessageProperty());

        TableView<FoundMiner> table = new TableView<>(model.found());
        table.setId("discovery-found");
        table.setEditable(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Miners appear here as they answer."));
        TableColumn<FoundMiner, Boolean> pick = new TableColumn<>("Add");
        pick.setCellValueFactory(cell -> cell.getValue().selectedProperty());
        pick.setCellFactory(column -> new CheckBoxTableCell<>() {
            @Override
            public void updateItem(Boolean item, boolean empty) {
                super.updateItem(item, empty);
                FoundMiner row = getTableRow() == null ? null : getTableRow().getItem();
                setDisable(row == null || !row.isNew());
            }
        });
        pick.setEditable(true);
        pick.setMaxWidth(60);
        table.getColumns().addAll(List.of(pick, text("Address", FoundMiner::addressText),
                text("Model", FoundMiner::modelText), text("Firmware", FoundMiner::firmwareText),
                text("In the farm", FoundMiner::statusText)));
        VBox.setVgrow(table, Priority.ALWAYS);

        Button back = new Button("← Range");
        back.disableProperty().bind(model.scanningProperty());
        back.setOnAction(event -> model.back());
        Button selectNew = new Button("Select all new");
        selectNew.setId("discovery-select-new");
        selectNew.setOnAction(event -> model.selectAllNew());
        Label picked = new Label();
        picked.textProperty().bind(model.selectedCountProperty().asString("%d ticked"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button next = new Button("Next: place them →");
        next.setId("discovery-next");
        next.setDefaultButton(true);
        next.disableProperty().bind(model.selectedCountProperty().isEqualTo(0).or(model.scanningProperty()));
        next.setOnAction(event -> model.next());
        HBox progressRow = new HBox(10, progress, cancel);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        HBox actions = new HBox(10, back, selectNew, picked, spacer, next);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox step = new VBox(progressRow, message, table, actions);
        step.getStyleClass().add("discovery-step-body");
        return step;
    }

    private Node doneStep() {
        Label summary = message("", "discovery-summary");
        summary.setId("discovery-summary");
        summary.textProperty().bind(model.assignment().summaryProperty());
        Button again = new Button("Find more miners");
        again.setOnAction(event -> model.startOver());
        VBox step = new VBox(summary, new Label("They appear in the Miners table with their first readings."),
                new HBox(again));
        step.getStyleClass().add("discovery-step-body");
        return step;
    }

    private static TableColumn<FoundMiner, String> text(String title, Function<FoundMiner, String> value) {
        TableColumn<FoundMiner, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        column.setEditable(false);
        return column;
    }

    static Label message(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.managedProperty());
        return label;
    }

    static String stylesheet() {
        URL css = DiscoveryView.class.getResource("discovery.css");
        if (css == null) {
            throw new IllegalStateException("discovery.css is missing beside DiscoveryView; the build is broken");
        }
        return css.toExternalForm();
    }
}
