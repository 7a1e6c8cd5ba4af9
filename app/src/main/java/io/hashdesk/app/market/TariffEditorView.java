package io.hashdesk.app.market;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The tariff editor card, bound to {@link TariffEditorViewModel}: flat price or time-of-use hour bands. */
final class TariffEditorView {

    private final VBox root;
    private final TariffEditorViewModel viewModel;

    TariffEditorView(TariffEditorViewModel viewModel) {
        this.viewModel = viewModel;
        Label title = new Label("Edit the tariff");
        title.getStyleClass().add("card-title");
        Label loadedFrom = new Label();
        loadedFrom.getStyleClass().add("card-hint");
        loadedFrom.setWrapText(true);
        loadedFrom.textProperty().bind(viewModel.loadedFromProperty());
        loadedFrom.managedProperty().bind(loadedFrom.textProperty().isNotEmpty());

        TextField name = field("tariff-name", 220);
        name.textProperty().bindBidirectional(viewModel.nameProperty());
        TextField currency = field("tariff-currency", 70);
        currency.textProperty().bindBidirectional(viewModel.currencyProperty());
        ToggleGroup kinds = new ToggleGroup();
        RadioButton flat = new RadioButton("Flat price");
        flat.setId("tariff-flat");
        RadioButton timeOfUse = new RadioButton("Time of use");
        timeOfUse.setId("tariff-time-of-use");
        flat.setToggleGroup(kinds);
        timeOfUse.setToggleGroup(kinds);
        viewModel.kindProperty().subscribe(k -> kinds.selectToggle(k == TariffEditorViewModel.Kind.FLAT ? flat
                : timeOfUse));
        flat.setOnAction(e -> viewModel.kindProperty().set(TariffEditorViewModel.Kind.FLAT));
        timeOfUse.setOnAction(e -> viewModel.kindProperty().set(TariffEditorViewModel.Kind.TIME_OF_USE));

        GridPane head = new GridPane();
        head.getStyleClass().add("entry-form");
        head.addRow(0, new Label("Name"), name, new Label("Currency"), currency, flat, timeOfUse);

        TextField flatPrice = field("tariff-flat-price", 110);
        flatPrice.textProperty().bindBidirectional(viewModel.flatPriceProperty());
        HBox flatRow = new HBox(8, new Label("Price per kWh"), flatPrice);
        flatRow.getStyleClass().add("form-row");
        showWhen(flatRow, TariffEditorViewModel.Kind.FLAT);

        CheckBox sameWeekend = new CheckBox("Weekends priced like weekdays");
        sameWeekend.setId("tariff-same-weekend");
        sameWeekend.selectedProperty().bindBidirectional(viewModel.weekendLikeWeekdayProperty());
        VBox weekendBands = bandsEditor("Weekend bands (Saturday, Sunday)", viewModel.weekend(), "weekend");
        weekendBands.visibleProperty().bind(sameWeekend.selectedProperty().not());
        weekendBands.managedProperty().bind(weekendBands.visibleProperty());
        VBox bands = new VBox(8, bandsEditor("Weekday bands (local time; 'to' 00:00 is midnight)",
                viewModel.weekday(), "weekday"), sameWeekend, weekendBands);
        showWhen(bands, TariffEditorViewModel.Kind.TIME_OF_USE);

        Button save = new Button("Save and use this tariff");
        save.setId("tariff-save");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(viewModel.runningProperty());
        save.setOnAction(e -> viewModel.save());
        Label message = new Label();
        message.setId("tariff-message");
        message.getStyleClass().add("form-message");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        viewModel.failedProperty().subscribe(f -> message.pseudoClassStateChanged(MarketStyles.FAILED, f));

        root = new VBox(title, loadedFrom, head, flatRow, bands, save, message);
        root.getStyleClass().add("market-card");
    }

    VBox root() {
        return root;
    }

    private void showWhen(Node node, TariffEditorViewModel.Kind kind) {
        node.visibleProperty().bind(viewModel.kindProperty().isEqualTo(kind));
        node.managedProperty().bind(node.visibleProperty());
    }

    private VBox bandsEditor(String caption, ObservableList<BandDraft> bands, String idPrefix) {
        Label title = new Label(caption);
        title.getStyleClass().add("card-subtitle");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("band-grid");
        Button add = new Button("Add band");
        add.setId(idPrefix + "-add-band");
        add.setOnAction(e -> viewModel.addBand(bands));
        bands.addListener((ListChangeListener<BandDraft>) c -> fill(grid, bands, idPrefix));
        fill(grid, bands, idPrefix);
        return new VBox(6, title, grid, add);
    }

    private static void fill(GridPane grid, ObservableList<BandDraft> bands, String idPrefix) {
        grid.getChildren().clear();
        grid.addRow(0, header("Band"), header("From"), header("To"), header("Price / kWh"));
        for (int i = 0; i < bands.size(); i++) {
            BandDraft band = bands.get(i);
            String id = idPrefix + "-band-" + (i + 1);
            TextField name = field(id + "-name", 140);
            name.textProperty().bindBidirectional(band.nameProperty());
            TextField from = field(id + "-from", 70);
            from.textProperty().bindBidirectional(band.fromProperty());
            TextField to = field(id + "-to", 70);
            to.textProperty().bindBidirectional(band.toProperty());
            TextField price = field(id + "-price", 100);
            price.textProperty().bindBidirectional(band.priceProperty());
            Button remove = new Button("Remove");
            remove.getStyleClass().add("flat");
            remove.setOnAction(e -> bands.remove(band));
            grid.addRow(i + 1, name, from, to, price, remove);
        }
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("figure-detail");
        return label;
    }

    private static TextField field(String id, double width) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(1);
        field.setPrefWidth(width);
        return field;
    }
}
