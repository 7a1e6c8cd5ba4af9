package io.hashdesk.app.reco;

import io.hashdesk.app.common.EmptyStateView;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The work orders: a card per open one (miners with their rack positions, who opened it, steps, parts to bring,
 * Close…) and below them the latest closed ones (who closed them, what was done, parts used); the empty state while
 * there are none. Bound to {@link WorkOrdersViewModel}.
 */
final class WorkOrdersView {

    static final String EMPTY_TITLE = "No work orders yet";
    static final String EMPTY_MESSAGE = "Maintenance advice — clean, re-paste, replace a fan or a hashboard — becomes a"
            + " work order with the miners' rack positions, the steps and the parts to bring. A technician closes it"
            + " with what was done.";
    static final String EMPTY_NEXT_STEP = "Open one with Open work order on a maintenance recommendation.";

    private final WorkOrdersViewModel viewModel;
    private final VBox root = new VBox();
    private final VBox openList = new VBox();
    private final VBox closedList = new VBox();

    WorkOrdersView(WorkOrdersViewModel viewModel) {
        this.viewModel = viewModel;
        root.getStyleClass().add("reco-screen");
        root.getStylesheets().add(RecommendationsView.stylesheet());
        openList.getStyleClass().add("reco-cards");
        openList.setId("open-work-orders");
        closedList.getStyleClass().add("reco-cards");
        closedList.setId("closed-work-orders");
        Label noneOpen = new Label("Nothing open: every work order has been closed.");
        noneOpen.getStyleClass().add("reco-no-match");
        noneOpen.visibleProperty().bind(Bindings.isEmpty(viewModel.open()));
        noneOpen.managedProperty().bind(noneOpen.visibleProperty());
        Label closedHeading = new Label();
        closedHeading.getStyleClass().add("work-order-list-heading");
        closedHeading.textProperty().bind(viewModel.closedTitleProperty());
        closedHeading.visibleProperty().bind(Bindings.isNotEmpty(viewModel.closed()));
        closedHeading.managedProperty().bind(closedHeading.visibleProperty());
        Label openHeading = new Label();
        openHeading.getStyleClass().add("work-order-list-heading");
        openHeading.textProperty().bind(viewModel.openCountProperty().map(n -> "Open (" + n + ")"));
        VBox lists = new VBox(openHeading, noneOpen, openList, closedHeading, closedList);
        lists.getStyleClass().add("work-order-lists");
        ScrollPane scroll = new ScrollPane(lists);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("reco-scroll");
        var nothing = Bindings.isEmpty(viewModel.open()).and(Bindings.isEmpty(viewModel.closed()));
        Region empty = new EmptyStateView(EMPTY_TITLE, EMPTY_MESSAGE, EMPTY_NEXT_STEP).root();
        empty.visibleProperty().bind(nothing);
        scroll.visibleProperty().bind(nothing.not());
        StackPane body = new StackPane(scroll, empty);
        VBox.setVgrow(body, Priority.ALWAYS);
        Label message = new Label();
        message.setId("work-order-message");
        message.getStyleClass().add("reco-message");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        root.getChildren().setAll(message, body);
        viewModel.open().addListener((ListChangeListener<WorkOrderRow>) change -> showOpen());
        viewModel.closed().addListener((ListChangeListener<WorkOrderRow>) change -> showClosed());
        showOpen();
        showClosed();
    }

    VBox root() {
        return root;
    }

    private void showOpen() {
        openList.getChildren().setAll(viewModel.open().stream().map(this::openCard).toList());
    }

    private void showClosed() {
        closedList.getChildren().setAll(viewModel.closed().stream().map(WorkOrdersView::closedCard).toList());
    }

    private VBox openCard(WorkOrderRow row) {
        VBox card = card(row, "Open", "badge-open");
        card.getChildren().addAll(muted(row.history()), section("Miners"), wrapped(String.join("\n", row.miners())));
        if (!row.steps().isEmpty()) {
            card.getChildren().addAll(section("Steps"), wrapped(CardView.numbered(row.steps())));
        }
        if (!row.parts().isEmpty()) {
            card.getChildren().add(wrapped("Parts to bring: " + String.join(", ", row.parts())));
        }
        Button close = new Button("Close…");
        close.setId("close-work-order-" + row.id());
        close.getStyleClass().add("accent");
        close.setOnAction(event -> viewModel.close(row));
        HBox buttons = new HBox(close);
        buttons.getStyleClass().add("reco-buttons");
        card.getChildren().add(buttons);
        return card;
    }

    private static VBox closedCard(WorkOrderRow row) {
        VBox card = card(row, "Closed", "badge-closed");
        card.getChildren().addAll(muted(row.history()),
                muted(String.join(" · ", row.miners())), section("What was done"), wrapped(row.workDone()),
                wrapped(row.partsUsed().isEmpty() ? "No parts used."
                        : "Parts used: " + String.join(", ", row.partsUsed())));
        return card;
    }

    private static VBox card(WorkOrderRow row, String status, String statusStyle) {
        Label number = styled(row.number(), "badge");
        number.getStyleClass().add("badge-type");
        Label title = wrapped(row.title());
        title.getStyleClass().add("reco-headline");
        HBox.setHgrow(title, Priority.ALWAYS);
        Label state = styled(status, "badge");
        state.getStyleClass().add(statusStyle);
        HBox header = new HBox(number, title, state);
        header.getStyleClass().add("reco-header");
        VBox card = new VBox(header);
        card.getStyleClass().addAll("reco-card", "work-order-card", row.isClosed() ? "work-order-closed"
                : "work-order-open");
        card.setId("work-order-" + row.id());
        return card;
    }

    private static Node section(String text) {
        return styled(text, "reco-section");
    }

    private static Label muted(String text) {
        Label label = wrapped(text);
        label.getStyleClass().add("reco-where");
        return label;
    }

    private static Label styled(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("reco-reasoning");
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }
}
