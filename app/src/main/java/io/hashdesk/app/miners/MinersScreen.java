package io.hashdesk.app.miners;

import atlantafx.base.theme.Styles;
import io.hashdesk.app.common.FxExecutor;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.app.common.LiveRefresh;
import io.hashdesk.app.detail.MinerDetailScreen;
import io.hashdesk.app.detail.MinerDetailSettings;
import io.hashdesk.app.discovery.DiscoveryScreen;
import io.hashdesk.app.shell.Refreshable;
import io.hashdesk.app.shell.SectionScreen;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.store.FarmStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Miners section put together: the row service, view-model and view, and the live refresh that runs only while
 * the table is on screen (one read at start tells the shell whether there is anything to show). Opening a miner
 * (double-click or Enter) swaps the table for the miner's detail screen; its "← All miners" button or Esc swaps back.
 */
public final class MinersScreen implements AutoCloseable, Refreshable {

    private static final Logger LOG = LoggerFactory.getLogger(MinersScreen.class);

    /** How often an empty farm is checked for its first miners; an operator waits that long at most. */
    private static final Duration PRESENCE_CHECK = Duration.ofSeconds(3);

    /** Ctrl+F from anywhere in the section: from a miner's detail it goes back to the table first. */
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private final FleetRows rows;
    private final JobRunner jobs;
    private final FleetTableSettings settings;
    private final FleetTableViewModel viewModel;
    private final FleetTableView view;
    private final MinerDetailScreen detail;
    /** Holds the table or one miner's detail. */
    private final StackPane root = new StackPane();
    private final EventHandler<KeyEvent> findFromDetail = this::findFromDetail;
    /** The fleet table (with "Find miners…" in its filter row once discovery is enabled). */
    private final VBox table = new VBox();
    private Supplier<DiscoveryScreen> discoveryFactory;
    private final BooleanProperty discoveryEnabled = new SimpleBooleanProperty(this, "discoveryEnabled");
    private DiscoveryScreen discovery;
    private LiveRefresh<List<MinerRow>> refresh;
    /** While the farm has no miners the table is not on screen: this notices the first ones (e.g. after the welcome). */
    private LiveRefresh<Boolean> presence;

    public MinersScreen(FarmStore store, MinerModelCatalog catalog, JobRunner jobs, Clock clock,
                        FleetTableSettings settings) {
        this(store, catalog, jobs, clock, settings, MinerDetailSettings.defaults());
    }

    public MinersScreen(FarmStore store, MinerModelCatalog catalog, JobRunner jobs, Clock clock,
                        FleetTableSettings settings, MinerDetailSettings detailSettings) {
        this.settings = settings;
        this.rows = new FleetRows(store, catalog, clock, settings);
        this.jobs = jobs;
        this.viewModel = new FleetTableViewModel(new FleetCsvExport(), jobs);
        this.view = new FleetTableView(viewModel);
        this.detail = new MinerDetailScreen(store, catalog, jobs, clock, detailSettings);
        viewModel.setOnOpenMiner(this::showMiner);
        detail.setOnBack(this::showTable);
        VBox.setVgrow(view.root(), Priority.ALWAYS);
        table.getChildren().setAll(view.root());
        root.getChildren().setAll(table);
        // on the scene, not the root: the focus may sit in the navigation when the operator presses it
        root.sceneProperty().addListener((obs, oldScene, newScene) -> {
            if (oldScene != null) {
                oldScene.removeEventFilter(KeyEvent.KEY_PRESSED, findFromDetail);
            }
            if (newScene != null) {
                newScene.addEventFilter(KeyEvent.KEY_PRESSED, findFromDetail);
            }
        });
        jobs.submit("Read the fleet", context -> rows.read(), viewModel::update,
                failure -> LOG.warn("The fleet table stays empty until the next refresh: {}", failure.getMessage()));
        presence = new LiveRefresh<>("fleet-table-presence", () -> !store.registry().miners().isEmpty(), present -> {
            if (present && !viewModel.hasMinersProperty().get()) {
                jobs.submit("Read the fleet", context -> rows.read(), viewModel::update,
                        failure -> LOG.warn("Could not read the fleet: {}", failure.getMessage()));
            }
        }, FxExecutor.fx()).start(PRESENCE_CHECK);
        viewModel.hasMinersProperty().subscribe(has -> {
            if (has && presence != null) {
                presence.close();
                presence = null;
            }
        });
        view.root().sceneProperty().subscribe(scene -> {
            if (scene == null) {
                stopRefresh();
            } else if (refresh == null) {
                refresh = new LiveRefresh<>("fleet-table", rows::read, viewModel::update, FxExecutor.fx())
                        .start(settings.refresh());
            }
        });
    }

    /** What the shell shows under {@code Section.MINERS}. */
    public SectionScreen sectionScreen() {
        // with discovery the table shows even for an empty farm: its "Find miners…" button is how miners get in
        return new SectionScreen(root, viewModel.hasMinersProperty().or(discoveryEnabled));
    }

    public Node root() {
        return root;
    }

    /** Shows one miner's detail in place of the table (also for other screens that link to a miner). */
    public void showMiner(MinerId id) {
        root.getChildren().setAll(detail.root());
        detail.show(id);
    }

    /** F5: re-reads the fleet now instead of at the next live refresh. */
    @Override
    public void refresh() {
        jobs.submit("Read the fleet", context -> rows.read(), viewModel::update,
                failure -> LOG.warn("The fleet table keeps its rows until the next refresh: {}", failure.getMessage()));
    }

    private void findFromDetail(KeyEvent event) {
        if (FIND.match(event) && root.getChildren().contains(detail.root())) {
            showTable();
            view.focusSearch();
            event.consume();
        }
    }

    private void showTable() {
        root.getChildren().setAll(table);
    }

    /**
     * Adds "Find miners…" to the table's filter row; it opens the discovery wizard in place of the table (built on first use,
     * so its drivers exist only once an operator wants them). Not called beside a site agent, whose database is
     * read-only.
     */
    public void enableDiscovery(Supplier<DiscoveryScreen> wizard) {
        discoveryFactory = wizard;
        discoveryEnabled.set(true);
        Button find = new Button("Find miners…");
        find.setId("find-miners");
        find.getStyleClass().add(Styles.ACCENT);
        find.setOnAction(event -> showDiscovery());
        view.addToolbarButton(find);
    }

    /** Shows the discovery wizard in place of the table; its "Close" comes back to a freshly read table. */
    public void showDiscovery() {
        if (discoveryFactory == null) {
            return;
        }
        if (discovery == null) {
            discovery = discoveryFactory.get();
            discovery.setOnClose(() -> {
                showTable();
                refresh();
            });
        }
        root.getChildren().setAll(discovery.root());
    }

    /** For the shell: the selection for bulk commands. */
    public FleetTableViewModel viewModel() {
        return viewModel;
    }

    private void stopRefresh() {
        if (refresh != null) {
            refresh.close();
            refresh = null;
        }
    }

    @Override
    public void close() {
        if (discovery != null) {
            discovery.close();
        }
        detail.close();
        stopRefresh();
    }
}
