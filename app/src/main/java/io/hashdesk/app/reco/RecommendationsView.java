package io.hashdesk.app.reco;

import io.hashdesk.app.common.EmptyStateView;
import io.hashdesk.core.reco.RecommendationType;
import io.hashdesk.core.reco.Urgency;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;

/**
 * The Recommendations inbox: filters, Apply to all selected and Run now on top, the last command's outcome under
 * them, then a card per recommendation; the empty state while nothing is open. Bound to
 * {@link RecommendationsViewModel}.
 */
final class RecommendationsView {

    static final String EMPTY_TITLE = "Nothing to recommend right now";
    static final String EMPTY_MESSAGE = "Hashdesk looks for better power presets, clocks and cooling, cheaper hours,"
            + " better coins and pools, failing units and risks, and lists each here with its expected impact,"
            + " confidence and reasoning.";
    static final String EMPTY_NEXT_STEP = "The engine runs on a schedule; Run now looks at once. Recommendations need a"
            + " few days of telemetry and trained models.";

    private final RecommendationsViewModel viewModel;
    private final List<Duration> snoozeChoices;
    private final VBox root = new VBox();
    private final VBox cardList = new VBox();

    RecommendationsView(RecommendationsViewModel viewModel, List<Duration> snoozeChoices) {
        this.viewModel = viewModel;
        this.snoozeChoices = List.copyOf(snoozeChoices);
        root.getStyleClass().add("reco-screen");
        root.getStylesheets().add(stylesheet());
        cardList.getStyleClass().add("reco-cards");
        cardList.setId("reco-cards");
        ScrollPane scroll = new ScrollPane(cardList);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("reco-scroll");
        Label noMatch = new Label("No recommendation matches the filters.");
        noMatch.getStyleClass().add("reco-no-match");
        Region empty = new EmptyStateView(EMPTY_TITLE, EMPTY_MESSAGE, EMPTY_NEXT_STEP).root();
        empty.visibleProperty().bind(viewModel.hasAnyProperty().not());
        scroll.visibleProperty().bind(viewModel.hasAnyProperty());
        noMatch.visibleProperty().bind(viewModel.hasAnyProperty().and(Bindings.isEmpty(viewModel.cards())));
        StackPane body = new StackPane(scroll, noMatch, empty);
        VBox.setVgrow(body, Priority.ALWAYS);
        Label message = new Label();
        message.setId("reco-message");
        message.getStyleClass().add("reco-message");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        root.getChildren().setAll(toolbar(), message, body);
        viewModel.cards().addListener((ListChangeListener<RecommendationCard>) change -> showCards());
        showCards();
    }

    VBox root() {
        return root;
    }

    private HBox toolbar() {
        CheckComboBox<RecommendationType> types = filter("All types", viewModel.typeChoices(),
                RecommendationCard::typeText, viewModel::filterTypes);
        types.setId("filter-type");
        CheckComboBox<String> rooms = filter("All rooms", viewModel.roomChoices(), room -> room,
                viewModel::filterRooms);
        rooms.setId("filter-room");
        CheckComboBox<Urgency> urgencies = filter("All urgencies",
                FXCollections.observableArrayList(Urgency.CRITICAL, Urgency.HIGH, Urgency.MEDIUM, Urgency.LOW),
                RecommendationsView::words, viewModel::filterUrgencies);
        urgencies.setId("filter-urgency");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button applySelected = new Button();
        applySelected.setId("apply-selected");
        applySelected.getStyleClass().add("accent");
        applySelected.textProperty().bind(viewModel.selectedCountProperty().map(n -> "Apply to all selected ("
                + n + ")"));
        applySelected.disableProperty().bind(viewModel.selectedCountProperty().isEqualTo(0)
                .or(viewModel.busyProperty()));
        applySelected.setOnAction(event -> viewModel.applySelected());
        applySelected.setMinWidth(Region.USE_PREF_SIZE);
        Button runNow = new Button("Run now");
        runNow.setId("reco-run-now");
        runNow.setOnAction(event -> viewModel.runNow());
        runNow.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(types, rooms, urgencies, gap, applySelected, runNow);
        bar.getStyleClass().add("reco-toolbar");
        return bar;
    }

    private static String words(Urgency urgency) {
        String lower = urgency.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /** A multi-choice filter; ticking nothing shows everything, as its title says. */
    private static <T> CheckComboBox<T> filter(String allTitle, ObservableList<T> items, Function<T, String> text,
                                               Consumer<List<T>> onChange) {
        CheckComboBox<T> box = new CheckComboBox<>(items);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : text.apply(item);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("filters are picked, not typed");
            }
        });
        box.setTitle(allTitle);
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<T>) change -> {
            List<T> checked = List.copyOf(box.getCheckModel().getCheckedItems());
            box.setTitle(checked.isEmpty() ? allTitle : checked.stream().map(text).reduce((a, b) -> a + ", " + b)
                    .orElse(allTitle));
            onChange.accept(checked);
        });
        box.setPrefWidth(170);
        return box;
    }

    /** Rebuilds the cards in one batch when the shown list changes (a refresh that changes nothing keeps them). */
    private void showCards() {
        cardList.getChildren().setAll(viewModel.cards().stream()
                .map(card -> CardView.of(card, viewModel, snoozeChoices)).toList());
    }

    /** The section's stylesheet, for the work orders and the dialogs as well as the inbox. */
    static String stylesheet() {
        URL css = RecommendationsView.class.getResource("recommendations.css");
        if (css == null) {
            throw new IllegalStateException("recommendations.css is missing beside RecommendationsView; the build is"
                    + " broken");
        }
        return css.toExternalForm();
    }
}
