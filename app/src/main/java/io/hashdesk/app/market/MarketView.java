package io.hashdesk.app.market;

import io.hashdesk.app.common.FileDialogs;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Market &amp; energy screen: a Market tab (coin figures, manual entry, CSV import, providers) and an
 * Electricity tab (active tariff, 24 h price strip, tariff editor). Builds nodes and binds; no logic.
 */
final class MarketView {

    private static final double PROVIDER_ROW_HEIGHT = 30;

    private final TabPane root;

    MarketView(MarketViewModel market, ManualEntryViewModel manual, CsvImportViewModel csv,
               TariffEditorViewModel tariff, FileDialogs files) {
        Tab marketTab = new Tab("Market", scrolling(marketPage(market, manual, csv, files)));
        marketTab.setId("tab-market");
        Tab energyTab = new Tab("Electricity", scrolling(energyPage(market, tariff)));
        energyTab.setId("tab-electricity");
        root = new TabPane(marketTab, energyTab);
        root.setId("market-screen");
        root.getStyleClass().add("market-screen");
        root.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        MarketStyles.apply(root);
        StackPane.setAlignment(root, Pos.TOP_LEFT);
    }

    TabPane root() {
        return root;
    }

    private static Node marketPage(MarketViewModel market, ManualEntryViewModel manual, CsvImportViewModel csv,
                                   FileDialogs files) {
        Label freshness = new Label();
        freshness.setId("market-freshness");
        freshness.getStyleClass().add("page-hint");
        freshness.textProperty().bind(market.freshnessProperty());
        VBox entry = new ManualEntryView(manual).root();
        VBox importCard = new CsvImportView(csv, files).root();
        HBox.setHgrow(entry, Priority.SOMETIMES);
        HBox.setHgrow(importCard, Priority.ALWAYS);
        entry.setPrefWidth(380);
        entry.setMinWidth(340);
        HBox cards = new HBox(16, entry, importCard);
        Label providersTitle = new Label("Market data providers");
        providersTitle.getStyleClass().add("card-title");
        VBox providers = new VBox(providersTitle, providersTable(market));
        providers.getStyleClass().add("market-card");
        return new VBox(14, freshness, new CoinTableView(market.coins()).root(), cards, providers);
    }

    private static Node energyPage(MarketViewModel market, TariffEditorViewModel tariff) {
        Label name = new Label();
        name.setId("tariff-active-name");
        name.getStyleClass().add("card-title");
        name.textProperty().bind(market.tariffNameProperty());
        Label details = new Label();
        details.setId("tariff-active-details");
        details.getStyleClass().add("page-hint");
        details.setWrapText(true);
        details.textProperty().bind(market.tariffDetailsProperty());
        Label caption = new Label("Next 24 hours, from the current hour (outlined), cheap → dear:");
        caption.getStyleClass().add("card-subtitle");
        Label window = new Label();
        window.setId("tariff-cheapest-window");
        window.getStyleClass().add("cheapest-window");
        window.textProperty().bind(market.cheapestWindowProperty());
        VBox stripBox = new VBox(8, caption, new PriceStripView(market.strip()).root(), window);
        stripBox.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(market.strip()));
        stripBox.managedProperty().bind(stripBox.visibleProperty());
        VBox active = new VBox(6, name, details, stripBox);
        active.getStyleClass().add("market-card");
        return new VBox(14, active, new TariffEditorView(tariff).root());
    }

    private static TableView<ProviderRow> providersTable(MarketViewModel market) {
        TableView<ProviderRow> table = new TableView<>(market.providers());
        table.setId("market-providers");
        table.setFixedCellSize(PROVIDER_ROW_HEIGHT);
        table.setPlaceholder(new Label("Market data providers start with the farm services; until then figures come from manual entry and CSV imports."));
        table.prefHeightProperty().bind(javafx.beans.binding.Bindings.size(market.providers())
                .multiply(PROVIDER_ROW_HEIGHT).add(PROVIDER_ROW_HEIGHT + 4));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Provider", 120, ProviderRow::name));
        table.getColumns().add(column("State", 260, ProviderRow::state));
        table.getColumns().add(column("Last success", 120, ProviderRow::lastSuccess));
        TableColumn<ProviderRow, String> failure = column("Last failure", 420, ProviderRow::lastFailure);
        failure.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                ProviderRow row = getTableRow() == null ? null : getTableRow().getItem();
                pseudoClassStateChanged(MarketStyles.FAILED, !empty && row != null && row.failing());
            }
        });
        table.getColumns().add(failure);
        return table;
    }

    private static TableColumn<ProviderRow, String> column(String title, double width,
                                                           Function<ProviderRow, String> text) {
        TableColumn<ProviderRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(text.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    private static ScrollPane scrolling(Node page) {
        page.getStyleClass().add("market-page");
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("market-scroll");
        return scroll;
    }
}
