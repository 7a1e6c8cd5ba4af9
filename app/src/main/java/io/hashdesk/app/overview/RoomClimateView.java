package io.hashdesk.app.overview;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** The overview's room strip: one small card per room with sensors, air on one line and power on the next. */
final class RoomClimateView {

    private static final double GAP = 14;

    private final FlowPane root = new FlowPane(GAP, GAP);

    RoomClimateView(RoomClimateViewModel model) {
        root.setId("room-climate");
        root.getStyleClass().add("room-climate");
        root.visibleProperty().bind(model.visibleProperty());
        root.managedProperty().bind(root.visibleProperty());
        model.cards().addListener((ListChangeListener<RoomClimateViewModel.Card>) change ->
                root.getChildren().setAll(model.cards().stream().map(RoomClimateView::card).toList()));
    }

    private static VBox card(RoomClimateViewModel.Card card) {
        Label title = new Label(card.title());
        title.getStyleClass().add("overview-card-title");
        Label air = new Label(card.air());
        air.getStyleClass().add("room-climate-air");
        Label power = new Label(card.power());
        power.getStyleClass().add("room-climate-power");
        VBox box = new VBox(2, title, air, power);
        if (!card.warning().isEmpty()) {
            Label warning = new Label(card.warning());
            warning.getStyleClass().add("room-climate-warning");
            box.getChildren().add(warning);
        }
        box.setId("room-climate-" + card.roomId());
        box.getStyleClass().addAll("overview-card", "room-climate-card");
        return box;
    }

    FlowPane root() {
        return root;
    }
}
