package io.hashdesk.app.settings;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The Credentials tab: the vault's entries, the add/change form and the assignment of an entry to miners. */
final class CredentialsView {

    private final CredentialsViewModel model;
    private final VBox root = new VBox(12);

    CredentialsView(CredentialsViewModel model) {
        this.model = model;
        root.getStyleClass().add("settings-page");
        root.setPadding(new Insets(16));
        Label message = new Label();
        message.setId("credentials-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        model.failedProperty().subscribe(failed -> message.getStyleClass().setAll("label",
                failed ? "danger" : "success"));
        TableView<CredentialRow> table = table();
        HBox lower = new HBox(24, form(table), assignment(table));
        HBox.setHgrow(lower.getChildren().get(1), Priority.ALWAYS);
        root.getChildren().addAll(caption("Stored credentials — passwords are encrypted and never shown again"), table,
                message, lower);
        VBox.setVgrow(table, Priority.ALWAYS);
    }

    Node root() {
        return root;
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("title-4");
        return label;
    }

    private TableView<CredentialRow> table() {
        TableView<CredentialRow> table = new TableView<>(model.entries());
        table.setId("credentials-table");
        table.setPlaceholder(new Label("No credentials stored: miners use the Vnish factory password (admin)."));
        table.getColumns().add(column("Label", CredentialRow::label, 200));
        table.getColumns().add(column("User name", CredentialRow::username, 120));
        TableColumn<CredentialRow, Number> count = new TableColumn<>("Miners");
        count.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().minerCount()));
        count.setPrefWidth(80);
        table.getColumns().add(count);
        table.getColumns().add(column("Used by", CredentialRow::usedBy, 420));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(180);
        return table;
    }

    private static TableColumn<CredentialRow, String> column(String title,
                                                             java.util.function.Function<CredentialRow, String> value,
                                                             double width) {
        TableColumn<CredentialRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private Node form(TableView<CredentialRow> table) {
        TextField label = new TextField();
        label.setId("credential-label");
        label.setPromptText("e.g. Room A miners");
        label.textProperty().bindBidirectional(model.labelProperty());
        TextField user = new TextField();
        user.setPromptText("optional");
        user.textProperty().bindBidirectional(model.usernameProperty());
        PasswordField password = new PasswordField();
        password.setId("credential-password");
        password.textProperty().bindBidirectional(model.passwordProperty());
        PasswordField repeat = new PasswordField();
        repeat.setId("credential-repeat");
        repeat.textProperty().bindBidirectional(model.repeatProperty());
        Button save = new Button("Save credential");
        save.setId("credential-save");
        save.setDefaultButton(true);
        save.disableProperty().bind(model.busyProperty());
        save.setOnAction(e -> model.save());
        Button change = new Button("Change password of selected");
        change.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        change.setOnAction(e -> model.edit(table.getSelectionModel().getSelectedItem()));
        Button delete = new Button("Delete selected");
        delete.getStyleClass().add("danger");
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                .or(model.busyProperty()));
        delete.setOnAction(e -> model.delete(table.getSelectionModel().getSelectedItem()));

        GridPane grid = new GridPane(8, 8);
        grid.addRow(0, new Label("Label"), label);
        grid.addRow(1, new Label("User name"), user);
        grid.addRow(2, new Label("Password"), password);
        grid.addRow(3, new Label("Repeat password"), repeat);
        VBox box = new VBox(8, caption("Add or change a credential"), grid, new HBox(8, save), new HBox(8, change, delete));
        box.setMinWidth(380);
        return box;
    }

    private Node assignment(TableView<CredentialRow> table) {
        ListView<MinerChoice> miners = new ListView<>(model.miners());
        miners.setId("credential-miners");
        miners.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        miners.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(MinerChoice item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.text());
            }
        });
        miners.setPrefHeight(160);
        ComboBox<Optional<CredentialRow>> choice = new ComboBox<>();
        choice.setId("credential-choice");
        choice.setPromptText("Credential to assign");
        model.entries().subscribe(() -> choice.getItems().setAll(
                java.util.stream.Stream.concat(java.util.stream.Stream.of(Optional.<CredentialRow>empty()),
                        model.entries().stream().map(Optional::of)).toList()));
        choice.setCellFactory(list -> new ChoiceCell());
        choice.setButtonCell(new ChoiceCell());
        Button assign = new Button("Assign to selected miners");
        assign.setId("credential-assign");
        assign.disableProperty().bind(choice.valueProperty().isNull().or(model.busyProperty())
                .or(Bindings.isEmpty(miners.getSelectionModel().getSelectedItems())));
        assign.setOnAction(e -> model.assign(choice.getValue(),
                miners.getSelectionModel().getSelectedItems().stream().map(MinerChoice::id).toList()));
        Label hint = new Label("Select miners (Ctrl/Shift-click for several), pick a credential, assign.");
        hint.getStyleClass().add("text-muted");
        VBox box = new VBox(8, caption("Assign to miners"), hint, miners, new HBox(8, choice, assign));
        VBox.setVgrow(miners, Priority.ALWAYS);
        return box;
    }

    /** Shows an entry by its label, the empty choice as the factory default. */
    private static final class ChoiceCell extends ListCell<Optional<CredentialRow>> {
        @Override
        protected void updateItem(Optional<CredentialRow> item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null
                    : item.map(CredentialRow::label).orElse(CredentialsViewModel.FACTORY_DEFAULT));
        }
    }
}
