package io.hashdesk.app.market;

import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The "enter figures by hand" card, bound to {@link ManualEntryViewModel}; each problem shows under its field. */
final class ManualEntryView {

    private final VBox root;

    ManualEntryView(ManualEntryViewModel viewModel) {
        Label title = new Label("Enter figures by hand");
        title.getStyleClass().add("card-title");
        Label hint = new Label("For a farm without internet, or to correct a provider. Leave a field empty if unknown.");
        hint.getStyleClass().add("card-hint");
        hint.setWrapText(true);

        ComboBox<String> coin = new ComboBox<>();
        coin.setId("manual-coin");
        coin.getItems().setAll(viewModel.coins());
        coin.valueProperty().bindBidirectional(viewModel.coinProperty());

        GridPane form = new GridPane();
        form.getStyleClass().add("entry-form");
        form.addRow(0, new Label("Coin"), coin);
        int row = 1;
        for (ManualEntryViewModel.Field field : ManualEntryViewModel.Field.values()) {
            TextField input = new TextField();
            input.setId("manual-" + field.name().toLowerCase(Locale.ROOT));
            input.textProperty().bindBidirectional(viewModel.valueProperty(field));
            input.setOnAction(e -> viewModel.save());
            GridPane.setHgrow(input, Priority.ALWAYS);
            Label error = errorLabel();
            error.setId("manual-" + field.name().toLowerCase(Locale.ROOT) + "-error");
            error.textProperty().bind(viewModel.errorProperty(field));
            Label label = new Label(field.label);
            label.setMinWidth(Region.USE_PREF_SIZE);
            form.addRow(row++, label, input);
            form.add(error, 1, row++);
        }

        Button save = new Button("Save figures");
        save.setId("manual-save");
        save.setDefaultButton(false);
        save.disableProperty().bind(viewModel.runningProperty());
        save.setOnAction(e -> viewModel.save());
        Label message = new Label();
        message.setId("manual-message");
        message.getStyleClass().add("form-message");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.formMessageProperty());
        viewModel.formFailedProperty().subscribe(f -> message.pseudoClassStateChanged(MarketStyles.FAILED, f));

        root = new VBox(title, hint, form, save, message);
        root.getStyleClass().add("market-card");
    }

    VBox root() {
        return root;
    }

    private static Label errorLabel() {
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        // an empty error takes no room, so the form stays compact until something is wrong
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        return error;
    }
}
