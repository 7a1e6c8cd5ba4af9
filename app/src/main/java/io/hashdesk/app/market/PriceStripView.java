package io.hashdesk.app.market;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The next 24 hours' electricity prices as a row of cells coloured from cheap (green) to dear (red), the current
 * hour marked and the cheapest run of hours outlined. Colours come from the stylesheet by price level.
 */
final class PriceStripView {

    private final HBox root = new HBox();

    PriceStripView(ObservableList<StripHour> hours) {
        root.setId("price-strip");
        root.getStyleClass().add("price-strip");
        hours.addListener((ListChangeListener<StripHour>) change -> rebuild(hours));
        rebuild(hours);
    }

    HBox root() {
        return root;
    }

    private void rebuild(ObservableList<StripHour> hours) {
        root.getChildren().setAll(hours.stream().map(PriceStripView::cell).toList());
    }

    private static VBox cell(StripHour hour) {
        Label price = new Label(hour.price());
        price.getStyleClass().addAll("strip-price", "price-level-" + hour.level());
        price.setMaxWidth(Double.MAX_VALUE);
        price.setTextOverrun(javafx.scene.control.OverrunStyle.CLIP);
        Label label = new Label(hour.label());
        label.getStyleClass().add("strip-hour");
        VBox cell = new VBox(price, label);
        cell.getStyleClass().add("strip-cell");
        cell.pseudoClassStateChanged(MarketStyles.NOW, hour.now());
        cell.pseudoClassStateChanged(MarketStyles.CHEAP_WINDOW, hour.cheapWindow());
        HBox.setHgrow(cell, Priority.ALWAYS);
        cell.setMaxWidth(Double.MAX_VALUE);
        Tooltip.install(cell, new Tooltip(hour.tooltip() + (hour.now() ? "  (now)" : "")
                + (hour.cheapWindow() ? "  (cheapest window)" : "")));
        return cell;
    }
}
