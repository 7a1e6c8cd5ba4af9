package io.hashdesk.app.common;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * What a screen shows while it has nothing to show: a line saying what is missing, what the
 * screen is for, and what has to happen first. Honest words instead of a blank pane.
 */
public final class EmptyStateView {

    private static final double CARD_WIDTH = 560;

    private final StackPane root;

    public EmptyStateView(String title, String message, String nextStep) {
        Label titleLabel = label(title, "empty-title");
        titleLabel.setId("empty-state-title");
        Label messageLabel = label(message, "empty-message");
        Label nextStepLabel = label(nextStep, "empty-next-step");

        VBox card = new VBox(titleLabel, messageLabel, nextStepLabel);
        card.getStyleClass().add("empty-state");
        card.setAlignment(Pos.CENTER);
        card.setFillWidth(true);
        card.setMaxSize(CARD_WIDTH, Region.USE_PREF_SIZE);
        root = new StackPane(card);
        root.getStyleClass().add("empty-state-pane");
    }

    public StackPane root() {
        return root;
    }

    private static Label label(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }
}
