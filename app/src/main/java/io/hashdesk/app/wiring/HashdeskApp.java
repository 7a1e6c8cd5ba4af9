package io.hashdesk.app.wiring;

import io.hashdesk.app.agent.AgentLock;
import io.hashdesk.app.alerts.AlertsScreen;
import io.hashdesk.app.common.FileDialogs;
import io.hashdesk.app.common.FxExecutor;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.app.common.LiveRefresh;
import io.hashdesk.app.detail.MinerDetailSettings;
import io.hashdesk.app.diagnostics.DatabaseFacts;
import io.hashdesk.app.diagnostics.DiagnosticsArchive;
import io.hashdesk.app.diagnostics.DiagnosticsView;
import io.hashdesk.app.diagnostics.DiagnosticsViewModel;
import io.hashdesk.app.discovery.DiscoveryScreen;
import io.hashdesk.app.discovery.DiscoverySettings;
import io.hashdesk.app.market.MarketScreen;
import io.hashdesk.app.market.ProviderStatus;
import io.hashdesk.app.models.ModelCommands;
import io.hashdesk.app.models.ModelsScreen;
import io.hashdesk.app.models.ModelsScreenSettings;
import io.hashdesk.app.miners.FleetTableSettings;
import io.hashdesk.app.miners.MinersScreen;
import io.hashdesk.app.overview.FleetOverviewScreen;
import io.hashdesk.app.overview.FleetOverviewViewModel;
import io.hashdesk.app.overview.OverviewSettings;
import io.hashdesk.app.settings.SettingsScreen;
import io.hashdesk.app.shell.Section;
import io.hashdesk.app.shell.SectionScreen;
import io.hashdesk.app.shell.ShellView;
import io.hashdesk.app.shell.ShellViewModel;
import io.hashdesk.app.welcome.WelcomeView;
import io.hashdesk.app.welcome.WelcomeViewModel;
import io.hashdesk.core.alert.AlertMonitor;
import io.hashdesk.core.domain.Site;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.market.CoinCatalog;
import io.hashdesk.core.market.MarketSettings;
import io.hashdesk.core.profit.FarmProfitReport;
import io.hashdesk.core.profit.FarmProfitability;
import io.hashdesk.core.profit.ProfitSettings;
import io.hashdesk.core.settings.DataFolder;
import io.hashdesk.core.store.FleetSummary;
import io.hashdesk.core.store.StoreException;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import io.hashdesk.ml.registry.RegistrySettings;
import java.nio.file.Files;
import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composition root of the desktop console: resolves the data folder, builds the services and view-models by hand
 * and shows the main window. Started by {@link io.hashdesk.app.Launcher}. On a first run it asks the welcome
 * questions before starting any miner; when a site agent holds the data folder it opens the database read-only and
 * starts nothing that writes.
 */
public final class HashdeskApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(HashdeskApp.class);
    private static final String WINDOW_TITLE = "Hashdesk";
    private static final Clock CLOCK = Clock.systemUTC();

    private final FileDialogs fileDialogs;

    private DataFolder dataFolder;
    private AppSettings settings;
    private SqliteFarmStore store;
    private OptionalLong agentPid = OptionalLong.empty();
    private ConsoleFirstRun firstRun;
    private volatile FarmServices services;
    /** Set when the services start after the window is up; see {@link #startDeferredServices}. */
    private StoreSettings deferredServices;
    private final Object servicesLock = new Object();
    private boolean stopping;
    private String storeFailure;
    private volatile JobRunner jobs;
    private FleetOverviewViewModel overview;
    private LiveRefresh<FleetSummary> fleetRefresh;
    private LiveRefresh<FarmProfitReport> profitRefresh;
    private LiveRefresh<Map.Entry<Integer, Long>> databaseRefresh;
    private FleetOverviewScreen fleetOverview;
    private MinersScreen miners;
    private MarketScreen market;
    private ModelsScreen models;
    private Optional<AlertMonitor> alertMonitor = Optional.empty();
    private AlertsScreen alerts;
    private AdviceAndActions advice;
    private RecommendationScreens adviceScreens;

    /** What the launcher starts: the system's file dialogs. */
    public HashdeskApp() {
        this(FileDialogs.system());
    }

    /** For tests that click through the whole console: they answer its file dialogs with prepared files. */
    public HashdeskApp(FileDialogs fileDialogs) {
        this.fileDialogs = Objects.requireNonNull(fileDialogs, "fileDialogs");
    }

    /** Runs on the launcher thread, not the FX thread: opening and migrating the database happens here. */
    @Override
    public void init() {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) ->
                LOG.error("Uncaught failure on thread {}", thread.getName(), error));
        dataFolder = DataFolder.forCurrentUser();
        settings = LaunchOptions.apply(getParameters().getRaw(), System.getProperty(LaunchOptions.DEMO_FARM_PROPERTY),
                AppSettings.load(dataFolder.path()));
        // decided before the store is opened, since opening creates the file
        boolean welcome = !Files.exists(dataFolder.databaseFile()) || !settings.welcomeDone();
        agentPid = AgentLock.holder(dataFolder.path());
        try {
            StoreSettings storeSettings = FarmServices.storeSettings(dataFolder.path());
            if (agentPid.isPresent()) {
                store = SqliteFarmStore.openReadOnly(dataFolder.databaseFile(), storeSettings, CLOCK);
                LOG.info("The site agent (pid {}) is polling into {}: the database is open read-only and nothing is"
                        + " polled from here", agentPid.getAsLong(), dataFolder.path());
            } else if (welcome) {
                store = SqliteFarmStore.open(dataFolder.databaseFile(), storeSettings, CLOCK);
                alertMonitor = FarmServices.alertMonitor(store, dataFolder.path(), CLOCK);
                advice = AdviceAndActions.openOrNull(store, dataFolder, CLOCK);
                firstRun = new ConsoleFirstRun(store, dataFolder.path(), profitSettingsForTheWelcome(),
                        ZoneId.systemDefault(), demoFarm -> services = startServices(storeSettings, demoFarm));
            } else {
                store = SqliteFarmStore.open(dataFolder.databaseFile(), storeSettings, CLOCK);
                alertMonitor = FarmServices.alertMonitor(store, dataFolder.path(), CLOCK);
                advice = AdviceAndActions.openOrNull(store, dataFolder, CLOCK);
                deferredServices = storeSettings;
            }
        } catch (RuntimeException e) {
            LOG.error("The database in {} could not be opened", dataFolder.path(), e);
            storeFailure = e.getMessage();
        }
    }

    private FarmServices startServices(StoreSettings storeSettings, boolean demoFarm) {
        FarmServices started = FarmServices.start(store, dataFolder, storeSettings, demoFarm, true, alertMonitor,
                Optional.ofNullable(advice), CLOCK);
        if (jobs != null) {
            trainThroughJobs(started);
        }
        return started;
    }

    /** Retraining shows in the window's job list, with progress and cancel, once there is a window. */
    private void trainThroughJobs(FarmServices started) {
        started.models().ifPresent(models -> models.runThrough(ScheduledRetraining.through(jobs)));
    }

    /** The welcome's suggested price comes from here; a broken file is reported when market and profit start. */
    private ProfitSettings profitSettingsForTheWelcome() {
        try {
            return ProfitSettings.inDataFolder(dataFolder.path());
        } catch (IllegalArgumentException e) {
            return ProfitSettings.defaults();
        }
    }

    @Override
    public void start(Stage stage) {
        BuildInfo build = BuildInfo.load();
        LOG.info("Hashdesk {} starting on Java {}; data folder {} ({})",
                build.version(), Runtime.version(), dataFolder.path(), dataFolder.source());

        Theme.installUserAgentStylesheet();
        SettingsScreen.applySavedTheme(dataFolder.path());
        jobs = new JobRunner(FxExecutor.fx());
        ShellViewModel shellModel = new ShellViewModel(dataFolder, build.version());
        if (store != null) {
            // counted in the background and again now and then: the demo farm registers its miners after the welcome
            databaseRefresh = new LiveRefresh<>("database-facts", () -> Map.entry(store.registry().miners().size(),
                    store.telemetry().storageStats().fileBytes()),
                    counted -> shellModel.showDatabase(counted.getKey(), counted.getValue()), FxExecutor.fx())
                    .start(settings.databaseRefresh());
            agentPid.ifPresent(shellModel::showReadOnly);
        } else {
            shellModel.showDatabaseUnavailable(storeFailure);
        }
        overview = new FleetOverviewViewModel(CLOCK);
        Map<Section, SectionScreen> screens = new EnumMap<>(Section.class);
        if (store != null) {
            MinerModelCatalog catalog = MinerModelCatalog.bundled();
            fleetOverview = new FleetOverviewScreen(store, catalog, jobs, CLOCK,
                    OverviewSettings.load(dataFolder.path()), overview);
            screens.put(Section.FLEET, fleetOverview.sectionScreen());
            shellModel.onRefresh(Section.FLEET, fleetOverview);
            fleetRefresh = new LiveRefresh<>("fleet-summary", () -> store.telemetry().fleetSummary(CLOCK.instant(),
                    catalog.algorithmsOf(store.registry().miners())), overview::update, FxExecutor.fx())
                    .start(settings.fleetRefresh());
            miners = new MinersScreen(store, catalog, jobs, CLOCK, FleetTableSettings.load(dataFolder.path()),
                    MinerDetailSettings.load(dataFolder.path()));
            screens.put(Section.MINERS, miners.sectionScreen());
            if (!store.readOnly()) {
                miners.enableDiscovery(() -> new DiscoveryScreen(store, catalog, jobs,
                        DiscoverySettings.load(dataFolder.path()), siteZone()));
            }
            shellModel.onRefresh(Section.MINERS, miners);
            fleetOverview.setOnOpenMiner(id -> {
                shellModel.select(Section.MINERS);
                miners.showMiner(id);
            });
            market = new MarketScreen(store, CoinCatalog.bundled(), marketSettings(), this::providerStatuses,
                    siteZone(), jobs, CLOCK, fileDialogs);
            screens.put(Section.MARKET, market.sectionScreen());
            models = new ModelsScreen(store.modelVersions(), registrySettings(), catalog, this::modelCommands, jobs,
                    CLOCK, ModelsScreenSettings.load(dataFolder.path()), System.getProperty("user.name", "operator"));
            screens.put(Section.MODELS, models.sectionScreen());
            shellModel.onRefresh(Section.MODELS, models);
            screens.put(Section.SETTINGS, new SettingsScreen(store, dataFolder, jobs, CLOCK).sectionScreen());
            if (advice != null) {
                adviceScreens = RecommendationScreens.add(advice, store, dataFolder.path(), jobs, CLOCK, screens,
                        shellModel);
            }
        }
        alertMonitor.ifPresent(monitor -> {
            alerts = new AlertsScreen(store.alerts(), monitor, jobs, CLOCK, System.getProperty("user.name", "operator"));
            screens.put(Section.ALERTS, alerts.sectionScreen());
            alerts.unacknowledgedCountProperty().subscribe(count -> shellModel.showBadge(Section.ALERTS,
                    count.intValue()));
            if (fleetOverview != null) {
                fleetOverview.showAlerts(alerts.unacknowledgedCountProperty(), () -> shellModel.select(Section.ALERTS));
            }
        });
        startProfitRefresh();

        DiagnosticsArchive archive = new DiagnosticsArchive(dataFolder, build.version(), this::databaseFacts, CLOCK);
        DiagnosticsViewModel diagnostics = new DiagnosticsViewModel(context -> archive.write(), jobs,
                HashdeskApp::copyToClipboard);
        ShellView shell = new ShellView(shellModel, screens, List.of(new DiagnosticsView(diagnostics).root()));
        Parent root = shell.root();
        if (firstRun != null && store != null) {
            WelcomeViewModel welcome = new WelcomeViewModel(firstRun, jobs);
            welcome.discoveryWantedProperty().subscribe(wanted -> {
                if (wanted && miners != null) {
                    shellModel.select(Section.MINERS);
                    miners.showDiscovery();
                }
            });
            welcome.doneProperty().subscribe(done -> {
                if (done) {
                    startProfitRefresh();
                }
            });
            root = new StackPane(shell.root(), new WelcomeView(welcome).root());
        }
        Scene scene = new Scene(root, 1280, 800);
        Theme.style(scene);

        stage.setTitle(WINDOW_TITLE);
        stage.getIcons().setAll(Theme.windowIcons());
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.setScene(scene);
        stage.show();
        startDeferredServices();
    }

    /**
     * Polling, the demo farm, market data and model training start once the window is up, so it shows at once; the
     * screens already read the store and fill in as the first poll cycle lands.
     */
    private void startDeferredServices() {
        if (deferredServices == null) {
            return;
        }
        StoreSettings storeSettings = deferredServices;
        jobs.submit("Starting polling and market data", context -> {
            FarmServices started = startServices(storeSettings, settings.demoFarm());
            synchronized (servicesLock) {
                if (stopping) {
                    started.close();
                    return null;
                }
                services = started;
            }
            return started;
        }, started -> startProfitRefresh(), failure -> LOG.error("The farm's services could not start", failure));
    }

    /** Profit per day on the overview: from the running services, or read-only beside the agent. */
    private void startProfitRefresh() {
        if (profitRefresh != null || store == null) {
            return;
        }
        Optional<FarmProfitability> profitability;
        if (store.readOnly()) {
            try {
                profitability = Optional.of(MarketAndProfit.readOnly(store, dataFolder.path(), CLOCK));
            } catch (IllegalArgumentException e) {
                LOG.error("Profit cannot be shown: {}", e.getMessage(), e);
                profitability = Optional.empty();
            }
        } else {
            profitability = Optional.ofNullable(services).flatMap(FarmServices::profitability);
        }
        profitability.ifPresent(p -> profitRefresh = new LiveRefresh<>("profit", p::nextDay, overview::updateProfit,
                FxExecutor.fx()).start(settings.profitRefresh()));
    }

    /** Rollback and retrain-now: from the running model training, none before it starts or beside the site agent. */
    private Optional<ModelCommands> modelCommands() {
        FarmServices running = services;
        return running == null ? Optional.empty() : running.models().map(ModelCommands.class::cast);
    }

    /** The Models screen's metric names; a broken settings file is reported where model training starts. */
    private RegistrySettings registrySettings() {
        try {
            return ModelTraining.registrySettings(dataFolder.path());
        } catch (IllegalArgumentException e) {
            return RegistrySettings.defaults();
        }
    }

    /** The market screen's staleness limits; a broken settings file is reported where market data starts. */
    private MarketSettings marketSettings() {
        try {
            return MarketSettings.withOverrides(dataFolder.path().resolve(MarketAndProfit.MARKET_SETTINGS_FILE));
        } catch (IllegalArgumentException e) {
            return MarketSettings.defaults();
        }
    }

    /** The providers' last outcomes; none until the services have started (after the welcome, on a first run). */
    private List<ProviderStatus> providerStatuses() {
        FarmServices running = services;
        return running == null ? List.of() : running.economics().map(e -> e.providerOutcomes().statuses())
                .orElse(List.of());
    }

    private ZoneId siteZone() {
        return store.registry().sites().stream().findFirst().map(Site::timeZone).orElse(ZoneId.systemDefault());
    }

    private DatabaseFacts databaseFacts() {
        if (store == null) {
            throw new StoreException(storeFailure);
        }
        return new DatabaseFacts(store.schemaVersion(), store.telemetry().storageStats(), store.readOnly());
    }

    private static void copyToClipboard(String text) {
        Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, text));
    }

    @Override
    public void stop() {
        if (fleetOverview != null) {
            fleetOverview.close();
        }
        if (alerts != null) {
            alerts.close();
        }
        if (miners != null) {
            miners.close();
        }
        if (market != null) {
            market.close();
        }
        if (models != null) {
            models.close();
        }
        if (adviceScreens != null) {
            adviceScreens.close();
        }
        if (fleetRefresh != null) {
            fleetRefresh.close();
        }
        if (profitRefresh != null) {
            profitRefresh.close();
        }
        if (databaseRefresh != null) {
            databaseRefresh.close();
        }
        if (jobs != null) {
            jobs.close();
        }
        synchronized (servicesLock) {
            stopping = true;
        }
        if (services != null) {
            services.close();
        }
        if (advice != null) {
            // an action still running stays unfinished in the journal; the next start recovers it
            advice.close();
        }
        if (store != null) {
            store.close();
        }
        LOG.info("Hashdesk stopped");
    }
}
