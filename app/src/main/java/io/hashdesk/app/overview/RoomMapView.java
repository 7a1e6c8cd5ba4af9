package io.hashdesk.app.overview;

import io.hashdesk.app.overview.MapLayout.MapPlace;
import io.hashdesk.app.overview.MapLayout.MapRack;
import io.hashdesk.app.overview.MapLayout.MapRoom;
import io.hashdesk.core.domain.MinerId;
import java.util.HashMap;
import java.util.Map;
import javafx.collections.ObservableList;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The room map card: a grid of small cells per rack (shelves as rows, slots as columns), racks side by side per room,
 * rooms one below the other in a scroll pane; a toggle between temperature and status colours, a legend, a hover text
 * per miner and a click that opens it. The grid is rebuilt only when the layout changes; live reads restyle the cells.
 */
final class RoomMapView {

    /** Cell edge by fleet size: big enough to hit with a mouse for a demo farm, still one screen at a thousand. */
    private static final double LARGE_CELL = 18;
    private static final double SMALL_CELL = 11;
    private static final double TINY_CELL = 7;
    private static final int LARGE_UP_TO = 300;
    private static final int SMALL_UP_TO = 1_500;

    private final RoomMapViewModel viewModel;
    private final VBox rooms = new VBox();
    private final Map<MinerId, CellNode> cellNodes = new HashMap<>();
    private final VBox root;

    RoomMapView(RoomMapViewModel viewModel) {
        this.viewModel = viewModel;
        Label title = new Label("Room map");
        title.getStyleClass().add("overview-card-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(title, spacer, colouringToggle());
        header.getStyleClass().add("room-map-header");
        FlowPane legend = new FlowPane();
        legend.setId("room-map-legend");
        legend.getStyleClass().add("room-map-legend");
        viewModel.legendProperty().subscribe(entries -> legend.getChildren().setAll(entries.stream()
                .map(RoomMapView::swatch).toList()));
        rooms.getStyleClass().add("room-map-rooms");
        ScrollPane scroll = new ScrollPane(rooms);
        scroll.setId("room-map-scroll");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("room-map-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root = new VBox(header, legend, scroll);
        root.getStyleClass().addAll("overview-card", "room-map");
        viewModel.layoutProperty().subscribe(this::build);
        viewModel.cellsProperty().subscribe(this::restyle);
    }

    VBox root() {
        return root;
    }

    /** The id of a miner's cell, for UI tests: {@code map-cell-m-001}. */
    static String cellId(MinerId miner) {
        return "map-cell-" + miner.value();
    }

    private Node colouringToggle() {
        ToggleGroup group = new ToggleGroup();
        HBox toggle = new HBox();
        toggle.getStyleClass().add("room-map-colouring");
        for (MapColouring mode : MapColouring.values()) {
            ToggleButton button = new ToggleButton(mode.label());
            button.setId("map-colour-" + mode.name().toLowerCase(java.util.Locale.ROOT));
            button.setToggleGroup(group);
            button.setSelected(viewModel.colouringProperty().get() == mode);
            button.setOnAction(event -> {
                viewModel.colouringProperty().set(mode);
                button.setSelected(true);
            });
            toggle.getChildren().add(button);
        }
        return toggle;
    }

    private static Node swatch(LegendEntry entry) {
        Region colour = new Region();
        colour.getStyleClass().addAll("map-swatch", entry.styleClass());
        Label label = new Label(entry.text(), colour);
        label.getStyleClass().add("room-map-legend-entry");
        return label;
    }

    private void build(MapLayout layout) {
        cellNodes.clear();
        double edge = layout.miners() <= LARGE_UP_TO ? LARGE_CELL : layout.miners() <= SMALL_UP_TO ? SMALL_CELL
                : TINY_CELL;
        rooms.getChildren().setAll(layout.rooms().stream().map(room -> roomNode(room, edge)).toList());
        restyle(viewModel.cellsProperty().get());
    }

    private Node roomNode(MapRoom room, double edge) {
        Label name = new Label(room.name() + " · " + room.miners() + (room.miners() == 1 ? " miner" : " miners"));
        name.getStyleClass().add("room-map-room-name");
        FlowPane racks = new FlowPane();
        racks.getStyleClass().add("room-map-racks");
        racks.getChildren().setAll(room.racks().stream().map(rack -> rackNode(rack, edge)).toList());
        VBox box = new VBox(name, racks);
        box.setId("room-" + room.id());
        box.getStyleClass().add("room-map-room");
        return box;
    }

    private Node rackNode(MapRack rack, double edge) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("room-map-rack-grid");
        for (MapPlace place : rack.places()) {
            Region cell = cell(place.miner(), edge);
            grid.add(cell, place.slot() - 1, place.shelf() - 1);
        }
        Label name = new Label(rack.name());
        name.getStyleClass().add("room-map-rack-name");
        VBox box = new VBox(name, grid);
        box.getStyleClass().add("room-map-rack");
        return box;
    }

    private Region cell(MinerId miner, double edge) {
        Region cell = new Region();
        cell.setId(cellId(miner));
        cell.getStyleClass().add("map-cell");
        cell.setMinSize(edge, edge);
        cell.setPrefSize(edge, edge);
        cell.setMaxSize(edge, edge);
        cell.setCursor(Cursor.HAND);
        Tooltip hover = new Tooltip();
        hover.setShowDelay(Duration.millis(150));
        Tooltip.install(cell, hover);
        cell.setOnMouseClicked(event -> viewModel.open(miner));
        cellNodes.put(miner, new CellNode(cell, hover));
        return cell;
    }

    private void restyle(Map<MinerId, MapCell> cells) {
        cells.forEach((miner, look) -> {
            CellNode node = cellNodes.get(miner);
            if (node == null) {
                return;
            }
            ObservableList<String> classes = node.region().getStyleClass();
            if (classes.size() != 2 || !classes.get(1).equals(look.styleClass())) {
                classes.setAll("map-cell", look.styleClass());
            }
            node.hover().setText(look.description());
        });
    }

    private record CellNode(Region region, Tooltip hover) {
    }
}
