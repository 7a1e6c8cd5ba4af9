package io.hashdesk.app.overview;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/** The farm at a glance as TilesFX tiles, bound to {@link FleetOverviewViewModel}. */
public final class FleetOverviewView {

    private static final double TILE_WIDTH = 230;
    private static final double TILE_HEIGHT = 170;
    private static final double GAP = 14;
    private static final Color TILE_BACKGROUND = Color.web("#161b22");
    private static final Color HOT = Color.web("#f0883e");
    /** Chip temperature from which the tile turns orange; the model's own limit is checked by the actions. */
    private static final double WARM_CHIP_C = 85;

    private final VBox root;

    public FleetOverviewView(FleetOverviewViewModel viewModel) {
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

        FlowPane tiles = new FlowPane(GAP, GAP, hashrate, power, efficiency, profit, mining, hottest);
        tiles.setAlignment(Pos.TOP_LEFT);
        Label freshness = new Label();
        freshness.setId("overview-freshness");
        freshness.getStyleClass().add("overview-freshness");
        freshness.textProperty().bind(viewModel.freshnessProperty());
        root = new VBox(GAP, tiles, freshness);
        root.getStyleClass().add("fleet-overview");
        root.setMaxHeight(Region.USE_PREF_SIZE);
        // an overview reads from the top, not floating in the middle of a tall window
        StackPane.setAlignment(root, Pos.TOP_LEFT);
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
