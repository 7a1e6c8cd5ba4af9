package io.hashdesk.app.welcome;

import atlantafx.base.theme.Styles;
import java.net.URL;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The first-run welcome, laid over the main window until the operator has chosen: the electricity price form and
 * the two ways to start. Binds to {@link WelcomeViewModel}; holds no logic of its own.
 */
public final class WelcomeView {

    private static final double CARD_WIDTH = 620;
    private static final String STYLESHEET = "welcome.css";

    private final StackPane root;

    public WelcomeView(WelcomeViewModel viewModel) {
        Label title = label("Welcome to Hashdesk", "welcome-title");
        Label intro = label("Hashdesk polls your miners, keeps their telemetry on this PC and works out what each one "
                + "earns. Two things to settle before it starts; both can be changed later.", "welcome-text");

        VBox card = new VBox(title, intro, electricity(viewModel),
                label("How do you want to start?", "welcome-heading"), choices(viewModel), progress(viewModel),
                failure(viewModel));
        card.getStyleClass().add("welcome-card");
        card.setMaxSize(CARD_WIDTH, Region.USE_PREF_SIZE);
        root = new StackPane(card);
        root.setId("welcome");
        root.getStyleClass().add("welcome-backdrop");
        root.getStylesheets().add(stylesheet());
        root.visibleProperty().bind(viewModel.doneProperty().not());
        root.managedProperty().bind(root.visibleProperty());
    }

    public StackPane root() {
        return root;
    }

    private static Node electricity(WelcomeViewModel viewModel) {
        TextField price = new TextField();
        price.setId("welcome-price");
        price.setPrefColumnCount(8);
        price.textProperty().bindBidirectional(viewModel.priceTextProperty());
        TextField currency = new TextField();
        currency.setId("welcome-currency");
        currency.setPrefColumnCount(4);
        currency.textProperty().bindBidirectional(viewModel.currencyTextProperty());
        HBox fields = new HBox(price, currency, label("per kWh", "welcome-unit"));
        fields.getStyleClass().add("welcome-fields");
        fields.setAlignment(Pos.CENTER_LEFT);

        Label problem = label("", "welcome-problem");
        problem.setId("welcome-problem");
        problem.textProperty().bind(viewModel.problemProperty());
        problem.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        viewModel.problemProperty().subscribe(text -> {
            price.pseudoClassStateChanged(Styles.STATE_DANGER, text.startsWith("Electricity price"));
            currency.pseudoClassStateChanged(Styles.STATE_DANGER, text.startsWith("Currency"));
        });

        return new VBox(label("Electricity price", "welcome-heading"), fields,
                label("What this site pays for electricity. Profit is worked out with it until you set up a full "
                        + "tariff (time of use, demand charges) under Market & energy.", "welcome-hint"), problem);
    }

    private static Node choices(WelcomeViewModel viewModel) {
        Button demo = new Button("Start with the demo farm");
        demo.setId("welcome-demo");
        demo.getStyleClass().add(Styles.ACCENT);
        demo.setDefaultButton(true);
        demo.setOnAction(event -> viewModel.startWithDemoFarm());
        Button find = new Button("Find my miners");
        find.setId("welcome-find");
        find.setOnAction(event -> viewModel.findMyMiners());
        for (Button button : new Button[] {demo, find}) {
            button.setMaxWidth(Double.MAX_VALUE);
            button.disableProperty().bind(viewModel.executableProperty().not());
        }
        VBox demoChoice = choice(demo, "A simulated farm runs on this PC, so every screen shows live data at once. "
                + "Turn it off later with \"demoFarm\": false in app-settings.json.");
        VBox findChoice = choice(find, "Poll only your own miners: the next step scans a range of addresses (or a "
                + "CSV list) for Vnish miners and adds the ones you pick.");
        HBox row = new HBox(demoChoice, findChoice);
        row.getStyleClass().add("welcome-choices");
        return row;
    }

    private static VBox choice(Button button, String explanation) {
        VBox choice = new VBox(button, label(explanation, "welcome-hint"));
        choice.getStyleClass().add("welcome-choice");
        HBox.setHgrow(choice, Priority.ALWAYS);
        choice.setMaxWidth(Double.MAX_VALUE);
        return choice;
    }

    private static Node progress(WelcomeViewModel viewModel) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        HBox progress = new HBox(spinner, label("Saving your choice and starting…", "welcome-hint"));
        progress.getStyleClass().add("welcome-progress");
        progress.setAlignment(Pos.CENTER_LEFT);
        progress.visibleProperty().bind(viewModel.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        return progress;
    }

    private static Node failure(WelcomeViewModel viewModel) {
        Label failure = label("", "welcome-failure");
        failure.setId("welcome-failure");
        failure.textProperty().bind(viewModel.failureProperty());
        failure.visibleProperty().bind(viewModel.failureProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());
        return failure;
    }

    private static Label label(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    private static String stylesheet() {
        URL url = WelcomeView.class.getResource(STYLESHEET);
        if (url == null) {
            throw new IllegalStateException(STYLESHEET + " is missing beside " + WelcomeView.class.getName()
                    + "; the build is broken");
        }
        return url.toExternalForm();
    }
}
