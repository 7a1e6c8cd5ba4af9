package io.hashdesk.app.wiring;

import io.hashdesk.app.common.FxExecutor;
import io.hashdesk.app.common.LiveRefresh;
import io.hashdesk.app.overview.FleetOverviewView;
import io.hashdesk.app.overview.FleetOverviewViewModel;
import io.hashdesk.app.shell.Section;
import io.hashdesk.app.shell.SectionScreen;
import io.hashdesk.app.shell.ShellView;
import io.hashdesk.app.shell.ShellViewModel;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.profit.FarmProfitReport;
import io.hashdesk.core.settings.DataFolder;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.core.store.FleetSummary;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.TelemetryMaintenanceJob;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import java.io.IOException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composition root of the desktop console: resolves the data folder, builds the services and
 * view-models by hand and shows the main window. Started by {@link io.hashdesk.app.Launcher}.
 */
public final class HashdeskApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(HashdeskApp.class);
    private static final String WINDOW_TITLE = "Hashdesk";
    /** Operator overrides of the store's retention and pacing, beside the database. */
    private static final String STORE_SETTINGS_FILE = "store-settings.json";
    private static final Clock CLOCK = Clock.systemUTC();

    private DataFolder dataFolder;
    private AppSettings settings;
    private FarmStore store;
    private LiveRefresh<FleetSummary> fleetRefresh;
    private TelemetryMaintenanceJob maintenance;
    private DemoFarm demoFarm;
    private MinerPolling polling;
    private MarketAndProfit economics;
    private LiveRefresh<FarmProfitReport> profitRefresh;
    private String storeFailure;

    /** Runs on the launcher thread, not the FX thread: opening and migrating the database happens here. */
    @Override
    public void init() {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) ->
                LOG.error("Uncaught failure on thread {}", thread.getName(), error));
        dataFolder = DataFolder.forCurrentUser();
        settings = LaunchOptions.apply(getParameters().getRaw(), System.getProperty(LaunchOptions.DEMO_FARM_PROPERTY),
                AppSettings.load(dataFolder.path()));
        try {
            StoreSettings storeSettings = StoreSettings.withOverrides(dataFolder.path().resolve(STORE_SETTINGS_FILE));
            store = SqliteFarmStore.open(dataFolder.databaseFile(), storeSettings, CLOCK);
            maintenance = TelemetryMaintenanceJob.start(store.telemetry(), storeSettings.maintenanceInterval(), CLOCK);
            startMiners();
        } catch (RuntimeException e) {
            LOG.error("The database in {} could not be opened", dataFolder.path(), e);
            storeFailure = e.getMessage();
        }
    }

    /** The demo farm (unless turned off) and the poller; a demo that cannot start leaves real polling running. */
    private void startMiners() {
        if (settings.demoFarm()) {
            try {
                demoFarm = DemoFarm.start(store.registry());
                DemoEconomics.install(store, demoFarm.siteZone(), CLOCK.instant());
            } catch (IOException | RuntimeException e) {
                LOG.error("The demo farm could not start; polling only the registered miners", e);
            }
        } else {
            DemoFarm.retire(store.registry());
            DemoEconomics.retire(store);
        }
        try {
            economics = MarketAndProfit.start(store, dataFolder.path(), CLOCK);
        } catch (RuntimeException e) {
            // telemetry and the screens still work; the log says which settings file to fix
            LOG.error("Market data and profit could not start: {}", e.getMessage(), e);
        }
        try {
            polling = MinerPolling.start(store, dataFolder.path(), CLOCK);
        } catch (RuntimeException e) {
            // the store and the screens still work; the log says why nothing is being polled
            LOG.error("Polling could not start: {}", e.getMessage(), e);
        }
    }

    @Override
    public void start(Stage stage) {
        BuildInfo build = BuildInfo.load();
        LOG.info("Hashdesk {} starting on Java {}; data folder {} ({})",
                build.version(), Runtime.version(), dataFolder.path(), dataFolder.source());

        Theme.installUserAgentStylesheet();
        ShellViewModel shellModel = new ShellViewModel(dataFolder, build.version());
        if (store != null) {
            shellModel.showDatabase(store.registry().miners().size(), store.telemetry().storageStats().fileBytes());
        } else {
            shellModel.showDatabaseUnavailable(storeFailure);
        }
        FleetOverviewViewModel overview = new FleetOverviewViewModel(CLOCK);
        Map<Section, SectionScreen> screens = new EnumMap<>(Section.class);
        screens.put(Section.FLEET, new SectionScreen(new FleetOverviewView(overview).root(), overview.hasMinersProperty()));
        if (store != null) {
            MinerModelCatalog catalog = MinerModelCatalog.bundled();
            fleetRefresh = new LiveRefresh<>("fleet-summary", () -> store.telemetry().fleetSummary(CLOCK.instant(),
                    catalog.algorithmsOf(store.registry().miners())), overview::update, FxExecutor.fx())
                    .start(settings.fleetRefresh());
        }
        if (economics != null) {
            profitRefresh = new LiveRefresh<>("profit", economics.profitability()::nextDay, overview::updateProfit,
                    FxExecutor.fx()).start(settings.profitRefresh());
        }
        ShellView shell = new ShellView(shellModel, screens);
        Scene scene = new Scene(shell.root(), 1280, 800);
        Theme.style(scene);

        stage.setTitle(WINDOW_TITLE);
        stage.getIcons().setAll(Theme.windowIcons());
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.setScene(scene);
        stage.show();
    }

    @Override
    public void stop() {
        if (fleetRefresh != null) {
            fleetRefresh.close();
        }
        if (profitRefresh != null) {
            profitRefresh.close();
        }
        if (economics != null) {
            economics.close();
        }
        if (polling != null) {
            polling.close();
        }
        if (demoFarm != null) {
            demoFarm.close();
        }
        if (maintenance != null) {
            maintenance.close();
        }
        if (store != null) {
            store.close();
        }
        LOG.info("Hashdesk stopped");
    }
}
