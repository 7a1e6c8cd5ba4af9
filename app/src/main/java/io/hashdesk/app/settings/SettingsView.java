package io.hashdesk.app.settings;

import io.hashdesk.app.settings.DisplaySettings.HashrateUnit;
import io.hashdesk.app.settings.DisplaySettings.ThemeChoice;
import io.hashdesk.app.settings.SettingsViewModel.PollField;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The Settings section: one tab each for credentials, polling, room sensors, display and the data folder. */
final class SettingsView {

    private final SettingsViewModel model;
    private final TabPane tabs = new TabPane();

    SettingsView(SettingsViewModel model, CredentialsView credentials, SensorsView sensors) {
        this.model = model;
        tabs.setId("settings-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab sensorsTab = new Tab("Sensors", sensors.root());
        sensorsTab.setId("settings-sensors-tab");
        tabs.getTabs().addAll(new Tab("Credentials", credentials.root()), new Tab("Polling", polling()), sensorsTab,
                new Tab("Display", display()), new Tab("Data folder", dataFolder()));
    }

    Node root() {
        return tabs;
    }

    private static VBox page(String title, Node... children) {
        Label caption = new Label(title);
        caption.getStyleClass().add("title-4");
        VBox page = new VBox(12, caption);
        page.getChildren().addAll(children);
        page.setPadding(new Insets(16));
        page.getStyleClass().add("settings-page");
        return page;
    }

    private static Label note(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("text-muted");
        return label;
    }

    private Node polling() {
        GridPane grid = new GridPane(10, 8);
        addPollRow(grid, 0, PollField.INTERVAL, "Poll every (s)", "a healthy miner");
        addPollRow(grid, 1, PollField.TROUBLE_INTERVAL, "Poll a miner in trouble every (s)", "not mining or running hot");
        addPollRow(grid, 2, PollField.PER_MINER_TIMEOUT, "Give up on a read after (s)", "per miner and read");
        Button save = new Button("Save polling settings");
        save.setId("poll-save");
        save.setOnAction(e -> model.savePolling());
        Label message = new Label();
        message.setWrapText(true);
        message.textProperty().bind(model.pollMessageProperty());
        return page("Polling", grid, save, message,
                note("Saved to poll-settings.json in the data folder; only the values you change are written. "
                        + "They take effect at the next start of Hashdesk (or of the site agent)."));
    }

    private void addPollRow(GridPane grid, int row, PollField field, String label, String hint) {
        TextField value = new TextField();
        value.setId("poll-" + field.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        value.setPrefColumnCount(6);
        value.textProperty().bindBidirectional(model.pollValueProperty(field));
        Label error = new Label();
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.setMaxWidth(520);
        error.textProperty().bind(model.pollErrorProperty(field));
        Label hintLabel = note(hint);
        grid.addRow(row, new Label(label), value, hintLabel, error);
    }

    private Node display() {
        ComboBox<ThemeChoice> theme = new ComboBox<>();
        theme.getItems().setAll(ThemeChoice.values());
        theme.valueProperty().bindBidirectional(model.themeProperty());
        ComboBox<HashrateUnit> unit = new ComboBox<>();
        unit.getItems().setAll(HashrateUnit.values());
        unit.valueProperty().bindBidirectional(model.hashrateUnitProperty());
        Label currency = new Label();
        currency.textProperty().bind(model.currencyProperty());
        GridPane grid = new GridPane(10, 8);
        grid.addRow(0, new Label("Theme"), theme, note("Primer light or dark; applied at once"));
        grid.addRow(1, new Label("Fleet hashrate in"), unit, note("for the fleet totals"));
        grid.addRow(2, new Label("Tariff currency"), currency, note("set with the tariff in Market & energy"));
        Button save = new Button("Save display settings");
        save.setOnAction(e -> model.saveDisplay());
        Label message = new Label();
        message.textProperty().bind(model.displayMessageProperty());
        return page("Display", grid, save, message);
    }

    private Node dataFolder() {
        TextField path = new TextField(model.dataFolderPath());
        path.setEditable(false);
        path.setPrefColumnCount(50);
        Button open = new Button("Open in file manager");
        open.setDisable(!model.canOpenDataFolder());
        open.setOnAction(e -> model.openDataFolder());
        return page("Data folder", path, note(model.dataFolderReason()), open,
                note("It holds the database (hashdesk.db), the settings files, the logs and keys/vault.key, the key"
                        + " to the stored passwords."),
                note(model.dataFolderHowToMove()));
    }
}
