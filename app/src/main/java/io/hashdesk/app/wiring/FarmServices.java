package io.hashdesk.app.wiring;

import io.hashdesk.core.alert.AlertMonitor;
import io.hashdesk.core.alert.AlertSettings;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.profit.FarmProfitability;
import io.hashdesk.core.settings.DataFolder;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.TelemetryMaintenanceJob;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background work that keeps a farm's data, started alike by the console and the headless site agent:
 * telemetry maintenance, the demo farm (or retiring it), market data with the profit history, polling (miners and
 * room sensors), the scheduled retraining of the farm's models, and recommendations with the actions that apply
 * them. A part that cannot start is logged and leaves the others running. Closed in reverse order, polling before the demo farm
 * so its last cycle is stored, and all of it before the store closes.
 */
final class FarmServices implements AutoCloseable {

    /** Operator overrides of the store's retention and pacing, beside the database. */
    static final String STORE_SETTINGS_FILE = "store-settings.json";
    private static final Logger LOG = LoggerFactory.getLogger(FarmServices.class);

    private final TelemetryMaintenanceJob maintenance;
    private DemoFarm demoFarm;
    private MarketAndProfit economics;
    private MinerPolling polling;
    private RoomSensors sensors;
    private ModelTraining models;
    /** The executor this opened itself (the agent's), closed with it; the console's is closed by the console. */
    private AdviceAndActions ownAdvice;

    private FarmServices(TelemetryMaintenanceJob maintenance) {
        this.maintenance = maintenance;
    }

    /** The store's settings: its defaults with {@value #STORE_SETTINGS_FILE} in the data folder over them. */
    static StoreSettings storeSettings(Path dataFolder) {
        return StoreSettings.withOverrides(dataFolder.resolve(STORE_SETTINGS_FILE));
    }

    /**
     * Starts the services over an open, writable store.
     *
     * @param withDemoFarm       serve and poll the demo farm; otherwise retire its miners, pools and tariff
     * @param withMarketAndProfit refresh market data and keep the profit history
     * @param alerts              judges every poll cycle for alerts (see {@link #alertMonitor})
     * @param advice              the console's executor, whose recommendation passes start here once the models
     *                            have; empty: open one (the agent's: it recovers unfinished actions and advises)
     */
    static FarmServices start(FarmStore store, DataFolder folder, StoreSettings storeSettings, boolean withDemoFarm,
                              boolean withMarketAndProfit, Optional<AlertMonitor> alerts,
                              Optional<AdviceAndActions> advice, Clock clock) {
        Path dataFolder = folder.path();
        FarmServices services = new FarmServices(
                TelemetryMaintenanceJob.start(store.telemetry(), storeSettings.maintenanceInterval(), clock));
        if (withDemoFarm) {
            try {
                services.demoFarm = DemoFarm.start(store.registry());
                DemoEconomics.install(store, services.demoFarm.siteZone(), clock.instant());
            } catch (IOException | RuntimeException e) {
                LOG.error("The demo farm could not start; polling only the registered miners", e);
            }
        } else {
            DemoFarm.retire(store.registry());
            DemoEconomics.retire(store);
        }
        if (withMarketAndProfit) {
            try {
                services.economics = MarketAndProfit.start(store, dataFolder, clock);
            } catch (RuntimeException e) {
                // telemetry still works; the log says which settings file to fix
                LOG.error("Market data and profit could not start: {}", e.getMessage(), e);
            }
        }
        try {
            services.polling = MinerPolling.start(store, dataFolder, clock);
            alerts.ifPresent(services.polling::addListener);
        } catch (RuntimeException e) {
            // the store and the screens still work; the log says why nothing is being polled
            LOG.error("Polling could not start: {}", e.getMessage(), e);
        }
        if (services.polling != null) {
            try {
                services.sensors = RoomSensors.start(store, dataFolder,
                        Optional.ofNullable(services.demoFarm).flatMap(DemoFarm::roomSensors), services.polling, clock);
            } catch (RuntimeException e) {
                // the miners are polled without the room sensors; the log names the file to fix
                LOG.error("Room sensors could not start: {}", e.getMessage(), e);
            }
        }
        try {
            services.models = ModelTraining.start(store, folder, clock);
        } catch (RuntimeException e) {
            // polling and the screens go on; the champions already trained stay in the registry
            LOG.error("Model training could not start: {}", e.getMessage(), e);
        }
        try {
            if (advice.isEmpty()) {
                services.ownAdvice = AdviceAndActions.open(store, folder, clock);
            }
            advice.orElse(services.ownAdvice).startRecovery();
            advice.orElse(services.ownAdvice).startAdvice(
                    Optional.ofNullable(services.models).map(ModelTraining::registry));
        } catch (RuntimeException e) {
            // everything else runs; the log names the settings file to fix
            LOG.error("Recommendations could not start: {}", e.getMessage(), e);
        }
        return services;
    }

    /**
     * The alert monitor over a writable store, with the operator's {@code alert-settings.json}; empty (and logged)
     * when those settings are broken, so polling and the screens go on without alerts.
     */
    static Optional<AlertMonitor> alertMonitor(FarmStore store, Path dataFolder, Clock clock) {
        try {
            return Optional.of(new AlertMonitor(store.alerts(), store.registry(), store.telemetry(),
                    MinerModelCatalog.bundled(), AlertSettings.load(dataFolder), clock));
        } catch (RuntimeException e) {
            LOG.error("Alerts could not start: {}", e.getMessage(), e);
            return Optional.empty();
        }
    }

    /** Market data and profit, when they started. */
    Optional<MarketAndProfit> economics() {
        return Optional.ofNullable(economics);
    }

    Optional<FarmProfitability> profitability() {
        return Optional.ofNullable(economics).map(MarketAndProfit::profitability);
    }

    /** The registry and retraining timer, when they started. */
    Optional<ModelTraining> models() {
        return Optional.ofNullable(models);
    }

    boolean polling() {
        return polling != null;
    }

    boolean demoFarm() {
        return demoFarm != null;
    }

    @Override
    public void close() {
        if (ownAdvice != null) {
            ownAdvice.close();
        }
        if (models != null) {
            models.close();
        }
        if (economics != null) {
            economics.close();
        }
        if (polling != null) {
            polling.close();
        }
        if (sensors != null) {
            sensors.close();
        }
        if (demoFarm != null) {
            demoFarm.close();
        }
        maintenance.close();
    }
}
