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
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * The farm at a glance: TilesFX tiles bound to {@link FleetOverviewViewModel} on top, the freshness line, the rooms'
 * measured air and power when there are sensors, and the cards (history chart, room map) below, filling the rest of
 * the section.
 */
public final class FleetOverviewView {

    /** Seven tiles fit one row beside the navigation in a 1280-pixel window. */
    private static final double TILE_WIDTH = 132;
    /** Below the tile's title label; the two together are as tall as the tiles were with TilesFX's own titles. */
    private static final double TILE_HEIGHT = 96;
    private static final double GAP = 14;
    private static final Color TILE_BACKGROUND = Color.web("#161b22");
    private static final Color HOT = Color.web("#f0883e");
    private static final Color ALARM = Color.web("#f85149");
    /** Chip temperature from which the tile turns orange; the model's own limit is checked by the actions. */
    private static final double WARM_CHIP_C = 85;

    private final VBox root;

    /** Tiles only, for a farm without a readable store (the cards need one). */
    public FleetOverviewView(FleetOverviewViewModel viewModel) {
        this(viewModel, List.of(), List.of());
    }

    /**
     * @param strips rows under the freshness line, each as wide as the section (the rooms' air and power)
     * @param panels cards laid side by side under the tiles, sharing the width (the history chart and the room map)
     */
    public FleetOverviewView(FleetOverviewViewModel viewModel, List<Region> strips, List<Region> panels) {
        Tile hashrate = numberTile("TH/s", 1, viewModel.hashrateThsProperty());
        hashrate.setId("tile-hashrate");
        hashrate.descriptionProperty().bind(viewModel.otherAlgorithmsProperty());
        Tile power = numberTile("kW", 1, viewModel.powerKilowattsProperty());
        power.setId("tile-power");
        Tile efficiency = numberTile("J/TH", 1, viewModel.efficiencyJPerThProperty());
        efficiency.setId("tile-efficiency");
        Tile mining = numberTile("", 0, viewModel.miningProperty());
        mining.setId("tile-mining");
        mining.descriptionProperty().bind(viewModel.statusBreakdownProperty());
        Tile hottest = numberTile("°C", 0, viewModel.hottestChipCProperty());
        hottest.setId("tile-hottest");
        hottest.descriptionProperty().bind(viewModel.hottestMinerProperty());
        hottest.setThreshold(WARM_CHIP_C);
        viewModel.hottestChipCProperty().subscribe(t -> hottest.setValueColor(t.doubleValue() >= WARM_CHIP_C ? HOT : Tile.FOREGROUND));

        Tile profit = numberTile("", 0, viewModel.profitPerDayProperty());
        profit.setId("tile-profit");
        viewModel.profitUnitProperty().subscribe(profit::setUnit);
        profit.descriptionProperty().bind(viewModel.profitSummaryProperty());
        viewModel.profitPerDayProperty().subscribe(p -> profit.setValueColor(p.doubleValue() < 0 ? HOT : Tile.FOREGROUND));
        Tooltip profitDetails = new Tooltip();
        profitDetails.textProperty().bind(viewModel.profitDetailsProperty());
        Tooltip.install(profit, profitDetails);

        FlowPane tiles = new FlowPane(GAP, GAP, titled(hashrate, "Hashrate (SHA-256)"), titled(power, "Power"),
                titled(efficiency, "Efficiency (SHA-256)"), titled(profit, "Profit / day"), titled(mining, "Miners mining"),
                titled(hottest, "Hottest chip"), alertsTile(viewModel));
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
        root = new VBox(GAP, tiles, freshness);
        root.getChildren().addAll(strips);
        root.getChildren().add(cards);
        root.getStyleClass().add("fleet-overview");
        root.getStylesheets().add(stylesheet());
    }

    private static VBox alertsTile(FleetOverviewViewModel viewModel) {
        Tile alerts = numberTile("", 0, viewModel.activeAlertsProperty());
        alerts.setId("tile-alerts");
        alerts.descriptionProperty().bind(viewModel.alertsSummaryProperty());
        viewModel.activeAlertsProperty().subscribe(n -> alerts.setValueColor(n.intValue() > 0 ? ALARM : Tile.FOREGROUND));
        alerts.visibleProperty().bind(viewModel.alertsAvailableProperty());
        VBox titled = titled(alerts, "Active alerts");
        // a filter: the tile's skin consumes the clicks on it
        titled.addEventFilter(MouseEvent.MOUSE_CLICKED, event -> viewModel.openAlerts());
        titled.visibleProperty().bind(alerts.visibleProperty());
        titled.managedProperty().bind(titled.visibleProperty());
        titled.setCursor(Cursor.HAND);
        Tooltip.install(titled, new Tooltip("Open the Alerts section (Ctrl+3)"));
        return titled;
    }

    /**
     * The tile under a title in the app's own font: TilesFX sizes its titles to the tile (about 7 px here), too
     * small to read across a room.
     */
    private static VBox titled(Tile tile, String title) {
        Label label = new Label(title);
        label.getStyleClass().add("overview-tile-title");
        VBox titled = new VBox(label, tile);
        titled.getStyleClass().add("overview-tile");
        return titled;
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

    private static Tile numberTile(String unit, int decimals, ObservableValue<? extends Number> value) {
        Tile tile = TileBuilder.create()
                .skinType(Tile.SkinType.NUMBER)
                .prefSize(TILE_WIDTH, TILE_HEIGHT)
                .unit(unit)
                .decimals(decimals)
                .backgroundColor(TILE_BACKGROUND)
                .animated(false)
                .build();
        value.subscribe(v -> tile.setValue(v.doubleValue()));
        return tile;
    }
}
