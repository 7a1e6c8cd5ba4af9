package io.hashdesk.app.overview;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import javafx.beans.value.ObservableValue;
import java.net.URL;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * The farm at a glance: TilesFX tiles bound to {@link FleetOverviewViewModel} on top, the freshness line, and the
 * cards (history chart, room map) below, filling the rest of the section.
 */
public final class FleetOverviewView {

    /** Seven tiles fit one row beside the navigation in a 1280-pixel window. */
    private static final double TILE_WIDTH = 132;
    private static final double TILE_HEIGHT = 116;
    private static final double GAP = 14;
    private static final Color TILE_BACKGROUND = Color.web("#161b22");
    private static final Color HOT = Color.web("#f0883e");
    private static final Color ALARM = Color.web("#f85149");
    /** Chip temperature from which the tile turns orange; the model's own limit is checked by the actions. */
    private static final double WARM_CHIP_C = 85;

    private final VBox root;

    /** Tiles only, for a farm without a readable store (the cards need one). */
    public FleetOverviewView(FleetOverviewViewModel viewModel) {
        this(viewModel, List.of());
    }

    /**
     * @param panels cards laid side by side under the tiles, sharing the width (the history chart and the room map)
     */
    public FleetOverviewView(FleetOverviewViewModel viewModel, List<Region> panels) {
        Tile hashrate = numberTile("Hashrate (SHA-256)", "TH/s", 1, viewModel.hashrateThsProperty());
        hashrate.setId("tile-hashrate");
        hashrate.descriptionProperty().bind(viewModel.otherAlgorithmsProperty());
        Tile power = numberTile("Power", "kW", 1, viewModel.powerKilowattsProperty());
        power.setId("tile-power");
        Tile efficiency = numberTile("Efficiency (SHA-256)", "J/TH", 1, viewModel.efficiencyJPerThProperty());
        efficiency.setId("tile-efficiency");
        Tile mining = numberTile("Miners mining", "", 0, viewModel.miningProperty());
        mining.setId("tile-mining");
        mining.descriptionProperty().bind(viewModel.statusBreakdownProperty());
        Tile hottest = numberTile("Hottest chip", "°C", 0, viewModel.hottestChipCProperty());
        hottest.setId("tile-hottest");
        hottest.descriptionProperty().bind(viewModel.hottestMinerProperty());
        hottest.setThreshold(WARM_CHIP_C);
        viewModel.hottestChipCProperty().subscribe(t -> hottest.setValueColor(t.doubleValue() >= WARM_CHIP_C ? HOT : Tile.FOREGROUND));

        Tile profit = numberTile("Profit / day", "", 0, viewModel.profitPerDayProperty());
        profit.setId("tile-profit");
        viewModel.profitUnitProperty().subscribe(profit::setUnit);
        profit.descriptionProperty().bind(viewModel.profitSummaryProperty());
        viewModel.profitPerDayProperty().subscribe(p -> profit.setValueColor(p.doubleValue() < 0 ? HOT : Tile.FOREGROUND));
        Tooltip profitDetails = new Tooltip();
        profitDetails.textProperty().bind(viewModel.profitDetailsProperty());
        Tooltip.install(profit, profitDetails);

        FlowPane tiles = new FlowPane(GAP, GAP, hashrate, power, efficiency, profit, mining, hottest,
                alertsTile(viewModel));
        tiles.setAlignment(Pos.TOP_LEFT);
        Label freshness = new Label();
        freshness.setId("overview-freshness");
        freshness.getStyleClass().add("overview-freshness");
        freshness.textProperty().bind(viewModel.freshnessProperty());
        HBox cards = new HBox(GAP);
        cards.getStyleClass().add("overview-cards");
        cards.getChildren().setAll(panels);
        panels.forEach(panel -> HBox.setHgrow(panel, Priority.ALWAYS));
        VBox.setVgrow(cards, Priority.ALWAYS);
        root = new VBox(GAP, tiles, freshness, cards);
        root.getStyleClass().add("fleet-overview");
        root.getStylesheets().add(stylesheet());
    }

    private static Tile alertsTile(FleetOverviewViewModel viewModel) {
        Tile alerts = numberTile("Active alerts", "", 0, viewModel.activeAlertsProperty());
        alerts.setId("tile-alerts");
        alerts.descriptionProperty().bind(viewModel.alertsSummaryProperty());
        viewModel.activeAlertsProperty().subscribe(n -> alerts.setValueColor(n.intValue() > 0 ? ALARM : Tile.FOREGROUND));
        alerts.visibleProperty().bind(viewModel.alertsAvailableProperty());
        alerts.managedProperty().bind(alerts.visibleProperty());
        alerts.setCursor(Cursor.HAND);
        alerts.setOnMouseClicked(event -> viewModel.openAlerts());
        Tooltip.install(alerts, new Tooltip("Open the Alerts section (Ctrl+3)"));
        return alerts;
    }

    private static String stylesheet() {
        URL css = FleetOverviewView.class.getResource("overview.css");
        if (css == null) {
            throw new IllegalStateException("overview.css is missing beside FleetOverviewView; the build is broken");
        }
        return css.toExternalForm();
    }

    public VBox root() {
        return root;
    }

    private static Tile numberTile(String title, String unit, int decimals, ObservableValue<? extends Number> value) {
        Tile tile = TileBuilder.create()
                .skinType(Tile.SkinType.NUMBER)
                .prefSize(TILE_WIDTH, TILE_HEIGHT)
                .title(title)
                .unit(unit)
                .decimals(decimals)
                .backgroundColor(TILE_BACKGROUND)
                .animated(false)
                .build();
        value.subscribe(v -> tile.setValue(v.doubleValue()));
        return tile;
    }
}
