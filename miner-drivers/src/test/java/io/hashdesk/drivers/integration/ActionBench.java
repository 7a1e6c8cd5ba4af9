package io.hashdesk.drivers.integration;

import io.hashdesk.core.action.ActionExecutor;
import io.hashdesk.core.action.ActionJournal;
import io.hashdesk.core.action.ActionListener;
import io.hashdesk.core.action.ActionPlan;
import io.hashdesk.core.action.ActionPlanner;
import io.hashdesk.core.action.ActionSettings;
import io.hashdesk.core.action.ActionState;
import io.hashdesk.core.action.ActionValidator;
import io.hashdesk.core.action.MinerRecord;
import io.hashdesk.core.action.MinerSettingsPort;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import io.hashdesk.drivers.action.DriverSettingsPort;
import io.hashdesk.drivers.api.MinerCredentials;
import io.hashdesk.drivers.api.MinerDriver;
import io.hashdesk.drivers.sim.MinerBlueprint;
import io.hashdesk.drivers.vnish.VnishDrivers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The real action executor over the real port and drivers, journalling into a real SQLite store, against simulated
 * miners on a manual clock: the executor's waits move simulated time, so a 15-minute watch takes milliseconds.
 */
final class ActionBench implements AutoCloseable {

    static final String MODEL = "antminer-s19";
    static final String ROOM = "room-1";

    final SimulatedSite site;
    final VnishDrivers drivers = new VnishDrivers(SimulatedSite.fastOptions());
    final SqliteFarmStore store;
    final ActionSettings settings;
    final ActionValidator validator;
    final ActionPlanner planner;
    final DriverSettingsPort port;
    private final Map<MinerId, MinerDriver> open = new ConcurrentHashMap<>();

    ActionBench(Path dataFolder, ActionSettings settings, List<MinerBlueprint> miners) {
        this.site = SimulatedSite.of(miners);
        this.store = SqliteFarmStore.open(dataFolder.resolve("farm.db"), StoreSettings.defaults(), site.clock());
        this.settings = settings;
        this.validator = new ActionValidator(MinerModelCatalog.bundled(), settings);
        this.planner = new ActionPlanner(validator, settings, miner -> ROOM, site.clock());
        this.port = new DriverSettingsPort(miner -> open.computeIfAbsent(miner,
                id -> drivers.open(site.address(id.value()), MinerCredentials.vnishDefault())));
    }

    ActionJournal journal() {
        return store.actions();
    }

    ActionExecutor executor() {
        return executor(port);
    }

    /** An executor whose calls to miners go through {@code through} (to break the port on purpose). */
    ActionExecutor executor(MinerSettingsPort through) {
        return new ActionExecutor(through, journal(), validator, planner, settings, site.clock(), site::advance);
    }

    /** Runs {@code plan} to its end on the executor and returns its final state. */
    ActionState run(ActionExecutor executor, ActionPlan plan) throws Exception {
        return executor.start(plan, ActionListener.NONE).completion().get(1, TimeUnit.MINUTES);
    }

    MinerRecord minerRecord(String actionId, String miner) {
        return journal().miners(actionId).stream().filter(m -> m.miner().value().equals(miner)).findFirst()
                .orElseThrow(() -> new AssertionError("no miner " + miner + " in action " + actionId));
    }

    void advance(Duration duration) {
        site.advance(duration);
    }

    @Override
    public void close() {
        drivers.close();
        store.close();
        site.close();
    }
}
