package io.hashdesk.app.settings;

import io.hashdesk.core.domain.SensorPosition;
import io.hashdesk.core.sensor.Parity;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The Sensors tab: the sensors with their live status, and the form that adds or changes one. */
final class SensorsView {

    /** Room for five sensors before the table scrolls. */
    private static final double MIN_TABLE_HEIGHT = 230;

    private final SensorsViewModel model;
    private final VBox root;

    SensorsView(SensorsViewModel model) {
        this.model = model;
        TableView<SensorRow> table = table();
        Button add = new Button("New device");
        add.setOnAction(e -> {
            table.getSelectionModel().clearSelection();
            model.newDevice();
        });
        Button remove = new Button("Remove selected");
        remove.setId("sensor-remove");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> model.remove(table.getSelectionModel().getSelectedItem()));
        table.getSelectionModel().selectedItemProperty().subscribe(row -> {
            if (row != null) {
                model.edit(row);
            }
        });
        Button save = new Button("Save device");
        save.setId("sensor-save");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> model.save());
        Label message = new Label();
        message.setId("sensor-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        model.failedProperty().subscribe(failed -> message.getStyleClass().setAll(failed ? "danger" : "success"));
        Label caption = new Label("Room sensors and power meters");
        caption.getStyleClass().add("title-4");
        Label note = new Label("Modbus RTU devices on RS-485 adapters. Devices sharing a port share its baud rate and "
                + "framing and need their own unit ids. Saved to sensors.json in the data folder and read from the "
                + "next poll; profiles (register maps) come from device-profiles.json.");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.getStyleClass().add("text-muted");
        root = new VBox(12, caption, table, new HBox(8, add, remove), form(), new HBox(8, save), message, note);
        root.getStyleClass().add("settings-page");
        VBox.setVgrow(table, Priority.ALWAYS);
        root.setPadding(new Insets(16));
    }

    Node root() {
        return root;
    }

    private TableView<SensorRow> table() {
        TableView<SensorRow> table = new TableView<>(model.rows());
        table.setId("sensor-table");
        table.setPlaceholder(new Label("No sensors yet: fill in the form below and save."));
        table.getColumns().add(column("Sensor", 140, SensorRow::name));
        table.getColumns().add(column("Where", 135, SensorRow::place));
        table.getColumns().add(column("Port", 150, SensorRow::connection));
        table.getColumns().add(column("Profile", 75, SensorRow::profile));
        TableColumn<SensorRow, SensorRow> status = new TableColumn<>("Status");
        status.setPrefWidth(215);
        status.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        status.setCellFactory(column -> new StatusCell());
        table.getColumns().add(status);
        table.getColumns().add(column("Value", 190, SensorRow::value));
        table.getColumns().add(column("Read", 70, SensorRow::lastRead));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setMinHeight(MIN_TABLE_HEIGHT);
        return table;
    }

    private static TableColumn<SensorRow, String> column(String title, double width, Function<SensorRow, String> text) {
        TableColumn<SensorRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty ? null : value);
                // the whole text when the column is too narrow for it
                setTooltip(empty || value == null ? null : new Tooltip(value));
            }
        });
        return column;
    }

    /** The status word in the danger colour when the last read failed, its sentence in a tooltip. */
    private static final class StatusCell extends TableCell<SensorRow, SensorRow> {
        /** A label, not the cell's text: the theme colours labels by their danger and success classes. */
        private final Label word = new Label();

        @Override
        protected void updateItem(SensorRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            word.setText(row.status());
            word.getStyleClass().removeAll("danger", "success");
            word.getStyleClass().add(row.failing() ? "danger" : "success");
            setGraphic(word);
            setTooltip(row.detail().isEmpty() ? null : new Tooltip(row.detail()));
        }
    }

    private GridPane form() {
        GridPane grid = new GridPane(10, 8);
        grid.addRow(0, new Label("Id"), text(model.idProperty(), "sensor-id", "hall-a-intake"),
                new Label("Name"), text(model.nameProperty(), "sensor-name", "Hall A intake air"));
        grid.addRow(1, new Label("Port"), text(model.portProperty(), "sensor-port", "/dev/ttyUSB0 or COM3"),
                new Label("Unit id"), text(model.unitIdProperty(), "sensor-unit", "1–247"));
        ComboBox<Parity> parity = new ComboBox<>();
        parity.getItems().setAll(Parity.values());
        parity.valueProperty().bindBidirectional(model.parityProperty());
        HBox line = new HBox(6, text(model.baudRateProperty(), "sensor-baud", "9600"), new Label("baud"),
                text(model.dataBitsProperty(), "sensor-data-bits", "8"), new Label("data bits"), parity,
                new Label("parity"), text(model.stopBitsProperty(), "sensor-stop-bits", "1"), new Label("stop bits"));
        line.setAlignment(Pos.CENTER_LEFT);
        ComboBox<String> profile = new ComboBox<>();
        profile.setId("sensor-profile");
        profile.getItems().setAll(model.profiles());
        profile.valueProperty().bindBidirectional(model.profileProperty());
        grid.addRow(2, new Label("Line"), line, new Label("Profile"), profile);
        ComboBox<String> room = new ComboBox<>(model.roomChoices());
        room.setId("sensor-room");
        room.setEditable(true);
        room.valueProperty().bindBidirectional(model.roomProperty());
        ComboBox<SensorPosition> position = new ComboBox<>();
        position.setId("sensor-position");
        position.getItems().setAll(SensorPosition.values());
        position.setConverter(new StringConverter<>() {
            @Override
            public String toString(SensorPosition value) {
                return value == null ? "" : switch (value) {
                    case INTAKE -> "intake air";
                    case EXHAUST -> "exhaust air";
                    case CIRCUIT -> "power of a circuit";
                };
            }

            @Override
            public SensorPosition fromString(String text) {
                throw new UnsupportedOperationException("the list is not editable");
            }
        });
        position.valueProperty().bindBidirectional(model.positionProperty());
        grid.addRow(3, new Label("Room"), room, new Label("Rack (optional)"),
                text(model.rackProperty(), "sensor-rack", "whole room"));
        grid.addRow(4, new Label("Measures"), position);
        return grid;
    }

    private static TextField text(StringProperty value, String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(Math.max(4, Math.min(18, prompt.length())));
        field.textProperty().bindBidirectional(value);
        field.setMaxWidth(Region.USE_PREF_SIZE);
        return field;
    }
}
