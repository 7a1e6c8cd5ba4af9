package io.hashdesk.app.shell;

import io.hashdesk.app.common.EmptyStateView;
import java.net.URL;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;

/**
 * The main window's frame: header, navigation on the left, the selected section in the middle and
 * a status bar. Binds to {@link ShellViewModel}; holds no logic of its own.
 */
public final class ShellView {

    private static final PseudoClass UNAVAILABLE = PseudoClass.getPseudoClass("unavailable");

    private final ShellViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final Map<Section, ToggleButton> navItems = new EnumMap<>(Section.class);
    private final Map<Section, SectionScreen> screens;
    private final EventHandler<KeyEvent> shortcuts = this::onKey;

    public ShellView(ShellViewModel viewModel) {
        this(viewModel, Map.of(), List.of());
    }

    /** A shell whose sections show the given screens once they have data, and their empty states until then. */
    public ShellView(ShellViewModel viewModel, Map<Section, SectionScreen> screens) {
        this(viewModel, screens, List.of());
    }

    /**
     * A shell with screens, as above, and extra actions in its status bar.
     *
     * @param statusActions nodes placed at the right of the status bar, before the version (e.g. Copy diagnostics)
     */
    public ShellView(ShellViewModel viewModel, Map<Section, SectionScreen> screens, List<Node> statusActions) {
        this.viewModel = viewModel;
        this.screens = Map.copyOf(screens);
        root.getStyleClass().add("shell");
        root.setTop(header());
        root.setLeft(navigation());
        root.setCenter(content);
        root.setBottom(statusBar(statusActions));
        content.getStyleClass().add("shell-content");
        root.getStylesheets().add(stylesheet());
        root.sceneProperty().addListener((obs, oldScene, newScene) -> {
            if (oldScene != null) {
                oldScene.removeEventFilter(KeyEvent.KEY_PRESSED, shortcuts);
            }
            if (newScene != null) {
                newScene.addEventFilter(KeyEvent.KEY_PRESSED, shortcuts);
            }
        });

        viewModel.selectedSectionProperty().addListener((obs, old, section) -> show(section));
        this.screens.forEach((section, screen) -> screen.hasData().addListener((obs, had, has) -> {
            if (viewModel.getSelectedSection() == section) {
                show(section);
            }
        }));
        show(viewModel.getSelectedSection());
    }

    public BorderPane root() {
        return root;
    }

    /** The id of a section's navigation item, for styling and UI tests: {@code nav-miners}. */
    public static String navId(Section section) {
        return "nav-" + section.name().toLowerCase(Locale.ROOT);
    }

    private Node header() {
        Region logo = new Region();
        logo.getStyleClass().add("app-logo");
        Label name = new Label("Hashdesk");
        name.getStyleClass().add("app-name");
        Label sectionTitle = new Label();
        sectionTitle.setId("section-title");
        sectionTitle.getStyleClass().add("section-title");
        sectionTitle.textProperty().bind(viewModel.selectedSectionProperty().map(Section::title));

        HBox header = new HBox(logo, name, divider(), sectionTitle);
        header.getStyleClass().add("app-header");
        return header;
    }

    private Node navigation() {
        ToggleGroup group = new ToggleGroup();
        VBox nav = new VBox();
        nav.getStyleClass().add("nav-bar");
        for (Section section : viewModel.sections()) {
            ToggleButton item = new ToggleButton(section.title());
            item.setId(navId(section));
            item.getStyleClass().add("nav-item");
            item.setTooltip(new Tooltip(section.title() + " (" + viewModel.shortcutText(section) + ")"));
            Label badge = new Label();
            badge.setId(navId(section) + "-badge");
            badge.getStyleClass().add("nav-badge");
            badge.textProperty().bind(viewModel.badgeProperty(section));
            // no badge, no graphic: an empty one would still push the title aside
            item.graphicProperty().bind(viewModel.badgeProperty(section).map(text -> text.isEmpty() ? null : badge));
            item.setContentDisplay(ContentDisplay.RIGHT);
            item.setToggleGroup(group);
            item.setMaxWidth(Double.MAX_VALUE);
            // Clicking the selected item would un-toggle it; the view-model stays the source of truth.
            item.setOnAction(event -> {
                viewModel.select(section);
                item.setSelected(true);
            });
            navItems.put(section, item);
            nav.getChildren().add(item);
        }
        return nav;
    }

    private Node statusBar(List<Node> statusActions) {
        Label dataFolder = new Label(viewModel.dataFolderText());
        dataFolder.setId("status-data-folder");
        Label database = new Label();
        database.setId("status-database");
        database.textProperty().bind(viewModel.databaseTextProperty());
        database.getStyleClass().add("status-database");
        viewModel.databaseAvailableProperty().subscribe(available -> database.pseudoClassStateChanged(UNAVAILABLE, !available));
        // a long failure reason is cut to fit the bar; the tooltip carries all of it
        Tooltip fullText = new Tooltip();
        fullText.textProperty().bind(viewModel.databaseTextProperty());
        database.setTooltip(fullText);
        // the short "N miners · size" line always fits; only a failure reason may be cut
        database.minWidthProperty().bind(viewModel.databaseAvailableProperty()
                .map(available -> available ? Region.USE_PREF_SIZE : Region.USE_COMPUTED_SIZE));
        // the path is cut before the version and the read-only notice when the bar is full; the tooltip has all of it
        dataFolder.setTooltip(new Tooltip(viewModel.dataFolderText()));
        Label version = new Label(viewModel.versionText());
        version.setId("status-version");
        version.setMinWidth(Region.USE_PREF_SIZE);
        Label mode = new Label();
        mode.setId("status-mode");
        mode.getStyleClass().add("status-read-only");
        mode.setMinWidth(Region.USE_PREF_SIZE);
        mode.textProperty().bind(viewModel.modeTextProperty());
        mode.visibleProperty().bind(viewModel.modeTextProperty().isNotEmpty());
        mode.managedProperty().bind(mode.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        HBox bar = new HBox(dataFolder, database, mode, spacer);
        bar.getChildren().addAll(statusActions);
        bar.getChildren().add(version);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    /** Ctrl/Alt+digit switches sections, F5 refreshes the one shown, F1 lists the shortcuts. */
    private void onKey(KeyEvent event) {
        if ((event.isShortcutDown() || event.isAltDown()) && event.getCode().isDigitKey()) {
            int number = digit(event.getCode());
            viewModel.sectionAtShortcut(number).ifPresent(section -> {
                viewModel.select(section);
                event.consume();
            });
        } else if (event.getCode() == KeyCode.F5) {
            viewModel.refreshSelected();
            event.consume();
        } else if (event.getCode() == KeyCode.F1) {
            showKeyboardHelp();
            event.consume();
        }
    }

    private static int digit(KeyCode code) {
        String name = code.getName();
        return Character.getNumericValue(name.charAt(name.length() - 1));
    }

    private void showKeyboardHelp() {
        // a grid, not tab-separated text: tab stops in a dialog's label do not line the actions up
        GridPane keys = new GridPane();
        keys.setId("keyboard-help");
        keys.getStyleClass().add("keyboard-help");
        List<KeyboardShortcut> shortcuts = viewModel.keyboardShortcuts();
        for (int row = 0; row < shortcuts.size(); row++) {
            Label key = new Label(shortcuts.get(row).keys());
            key.getStyleClass().add("keyboard-help-keys");
            keys.addRow(row, key, new Label(shortcuts.get(row).action()));
        }
        Alert help = new Alert(Alert.AlertType.INFORMATION);
        help.setTitle("Keyboard shortcuts");
        help.setHeaderText("Keyboard shortcuts");
        help.getDialogPane().setContent(keys);
        help.getDialogPane().getStylesheets().add(stylesheet());
        // as wide as its longest line: the alert's default width cuts the actions off
        help.getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
        help.setOnShown(event -> help.getDialogPane().getScene().getWindow().sizeToScene());
        help.initModality(Modality.NONE);
        if (root.getScene() != null) {
            help.initOwner(root.getScene().getWindow());
        }
        help.show();
    }

    private static String stylesheet() {
        URL css = ShellView.class.getResource("shell.css");
        if (css == null) {
            throw new IllegalStateException("shell.css is missing beside ShellView; the build is broken");
        }
        return css.toExternalForm();
    }

    private void show(Section section) {
        navItems.get(section).setSelected(true);
        SectionScreen screen = screens.get(section);
        if (screen != null && screen.hasData().get()) {
            content.getChildren().setAll(screen.node());
            return;
        }
        EmptyStateView empty = new EmptyStateView(section.emptyTitle(), section.emptyMessage(), section.emptyNextStep());
        content.getChildren().setAll(empty.root());
    }

    private static Node divider() {
        Region divider = new Region();
        divider.getStyleClass().add("header-divider");
        return divider;
    }
}
