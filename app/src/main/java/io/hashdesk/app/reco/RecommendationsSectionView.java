package io.hashdesk.app.reco;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Recommendations section: a switch "Recommendations | Work orders (3 open)" over the inbox and the work orders,
 * so a technician finds the jobs where the advice that opened them lives. Which part shows is the view's own state.
 */
final class RecommendationsSectionView {

    static final String SHOW_INBOX_ID = "show-recommendations";
    static final String SHOW_WORK_ORDERS_ID = "show-work-orders";

    private final VBox root;

    RecommendationsSectionView(Region inbox, Region workOrders, ObservableValue<String> workOrdersText) {
        ToggleButton showInbox = new ToggleButton("Recommendations");
        showInbox.setId(SHOW_INBOX_ID);
        showInbox.getStyleClass().add(Styles.LEFT_PILL);
        ToggleButton showWorkOrders = new ToggleButton();
        showWorkOrders.setId(SHOW_WORK_ORDERS_ID);
        showWorkOrders.getStyleClass().add(Styles.RIGHT_PILL);
        showWorkOrders.textProperty().bind(workOrdersText);
        ToggleGroup group = new ToggleGroup();
        group.getToggles().setAll(showInbox, showWorkOrders);
        group.selectToggle(showInbox);
        // a second click on the shown part must not leave neither shown
        group.selectedToggleProperty().addListener((observable, was, now) -> {
            if (now == null) {
                group.selectToggle(was);
            }
        });
        inbox.visibleProperty().bind(showInbox.selectedProperty());
        workOrders.visibleProperty().bind(showWorkOrders.selectedProperty());
        HBox bar = new HBox(showInbox, showWorkOrders);
        bar.getStyleClass().add("reco-section-switch");
        StackPane parts = new StackPane(inbox, workOrders);
        VBox.setVgrow(parts, Priority.ALWAYS);
        root = new VBox(bar, parts);
        root.getStyleClass().add("reco-section-pane");
        root.getStylesheets().add(RecommendationsView.stylesheet());
    }

    VBox root() {
        return root;
    }
}
