package io.hashdesk.app.reco;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One recommendation's card: check box, headline and badges; where and how many; expected impact with intervals;
 * confidence bar; reasoning; backtest; steps and parts for advice; the evidence and the affected miners folded away;
 * model versions in small print; and its buttons — Apply (or Open work order for maintenance), Dismiss…, Snooze.
 */
final class CardView {

    private CardView() {
    }

    static VBox of(RecommendationCard card, RecommendationsViewModel viewModel, List<Duration> snoozeChoices) {
        VBox box = new VBox(header(card, viewModel), wrapped(card.where(), "reco-where"));
        box.getStyleClass().addAll("reco-card", "urgency-" + card.urgency().name().toLowerCase(Locale.ROOT));
        box.setId("card-" + card.id());
        if (!card.impact().isEmpty()) {
            FlowPane impact = new FlowPane();
            impact.getStyleClass().add("reco-impact");
            card.impact().forEach(line -> {
                Label figure = styled(line.text(), "impact-figure");
                figure.getStyleClass().add("impact-" + line.tone().name().toLowerCase(Locale.ROOT));
                impact.getChildren().add(figure);
            });
            box.getChildren().add(impact);
        }
        box.getChildren().add(confidence(card));
        box.getChildren().add(wrapped(card.recommendation().reasoning(), "reco-reasoning"));
        card.backtest().ifPresent(text -> box.getChildren().add(wrapped("Backtest: " + text, "reco-backtest")));
        if (!card.applicable()) {
            advice(card, box);
        }
        List<String> evidence = card.recommendation().evidence();
        if (!evidence.isEmpty()) {
            box.getChildren().add(folded("Evidence (" + evidence.size() + ")",
                    wrapped("• " + String.join("\n• ", evidence), "reco-evidence"), "reco-evidence-list"));
        }
        if (card.miners().size() > 1) {
            box.getChildren().add(folded("Affected miners (" + card.miners().size() + ")",
                    wrapped(String.join(", ", card.miners()), "reco-miners"), "reco-miner-list"));
        }
        if (!card.models().isEmpty()) {
            box.getChildren().add(styled(card.models(), "reco-models"));
        }
        box.getChildren().add(buttons(card, viewModel, snoozeChoices));
        return box;
    }

    private static HBox header(RecommendationCard card, RecommendationsViewModel viewModel) {
        CheckBox check = new CheckBox();
        check.getStyleClass().add("reco-check");
        check.setSelected(viewModel.isSelected(card));
        // advice has nothing to apply: no box, but its place is kept so headlines line up
        check.setVisible(card.applicable());
        check.selectedProperty().subscribe(checked -> viewModel.select(card, checked));
        Label headline = wrapped(card.headline(), "reco-headline");
        HBox.setHgrow(headline, Priority.ALWAYS);
        Label type = styled(card.typeText(), "badge");
        type.getStyleClass().add("badge-type");
        Label urgency = styled(card.urgencyText(), "badge");
        urgency.getStyleClass().add("badge-" + card.urgency().name().toLowerCase(Locale.ROOT));
        HBox header = new HBox(check, headline, type, urgency);
        header.getStyleClass().add("reco-header");
        return header;
    }

    private static HBox confidence(RecommendationCard card) {
        ProgressBar bar = new ProgressBar(card.confidence());
        bar.getStyleClass().add("reco-confidence-bar");
        Label text = styled("Confidence " + card.confidenceText(), "reco-confidence");
        HBox line = new HBox(text, bar);
        line.getStyleClass().add("reco-confidence-line");
        return line;
    }

    private static void advice(RecommendationCard card, VBox box) {
        List<String> steps = card.recommendation().steps();
        if (!steps.isEmpty()) {
            box.getChildren().addAll(styled("What to do", "reco-section"), wrapped(numbered(steps), "reco-steps"));
        }
        if (!card.recommendation().parts().isEmpty()) {
            box.getChildren().add(wrapped("Parts to bring: " + String.join(", ", card.recommendation().parts()),
                    "reco-parts"));
        }
    }

    /** A section folded away until the operator opens it: what backs the figures, or the miners' names. */
    private static TitledPane folded(String title, Label content, String styleClass) {
        TitledPane pane = new TitledPane(title, content);
        pane.setExpanded(false);
        pane.setAnimated(false);
        pane.getStyleClass().add(styleClass);
        return pane;
    }

    /** Steps one to a line, numbered as a technician ticks them off. */
    static String numbered(List<String> steps) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            text.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(steps.get(i));
        }
        return text.toString();
    }

    private static HBox buttons(RecommendationCard card, RecommendationsViewModel viewModel,
                                List<Duration> snoozeChoices) {
        HBox buttons = new HBox();
        buttons.getStyleClass().add("reco-buttons");
        if (card.applicable()) {
            Button apply = new Button("Apply");
            apply.getStyleClass().add("accent");
            apply.setId("apply-" + card.id());
            apply.disableProperty().bind(viewModel.busyProperty());
            apply.setOnAction(event -> viewModel.apply(card));
            buttons.getChildren().add(apply);
        } else if (card.maintenance()) {
            Button order = new Button("Open work order");
            order.getStyleClass().add("accent");
            order.setOnAction(event -> viewModel.openWorkOrder(card));
            buttons.getChildren().add(order);
        }
        Button dismiss = new Button("Dismiss…");
        dismiss.setId("dismiss-" + card.id());
        dismiss.setOnAction(event -> viewModel.dismiss(card));
        MenuButton snooze = new MenuButton("Snooze");
        snoozeChoices.forEach(length -> {
            MenuItem item = new MenuItem(SnoozeText.of(length));
            item.setOnAction(event -> viewModel.snooze(card, length));
            snooze.getItems().add(item);
        });
        buttons.getChildren().addAll(dismiss, snooze);
        return buttons;
    }

    private static Label styled(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label wrapped(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }
}
