package io.hashdesk.core.action;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.MutableClock;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A farm for executor tests: a real SQLite store in a temp folder, a fake port, a clock the sleeper moves (so a
 * 15-minute watch takes milliseconds), and the bundled model catalog.
 */
final class ActionFarm implements AutoCloseable {

    static final String MODEL = "antminer-s19j-pro";
    static final String POOL_PASSWORD = "pool-pass-Zq81x";
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    final Path dir;
    final MutableClock clock = new MutableClock(T0);
    final Sleeper sleeper = clock::advance;
    final FakeMinerPort port = new FakeMinerPort(clock);
    final Map<MinerId, String> rooms = new HashMap<>();
    ActionSettings settings;
    SqliteFarmStore store;
    ActionValidator validator;
    ActionPlanner planner;
    ActionExecutor executor;

    ActionFarm(Path dir, ActionSettings settings) {
        this.dir = dir;
        this.settings = settings;
        open();
    }

    ActionFarm(Path dir) {
        this(dir, ActionSettings.defaults());
    }

    /** The defaults, but one miner at a time: runs are then the same every time, call for call. */
    static ActionSettings oneAtATime() {
        ActionSettings s = ActionSettings.defaults();
        return new ActionSettings(1, 1, s.stepSizes(), s.readBackTolerances(), s.settleTime(), s.watchWindow(),
                s.observeEvery(), s.hashrateGrace(), s.rollbackWhen(), s.retries(), s.retryDelay(), s.restoreWait(),
                s.writesPerMinerPerHour(), s.atNewSettingsOnRecovery(), s.recoveryRetryEvery(),
                s.operatorLimits());
    }

    /** (Re)opens the store and builds the executor on it, as the app does at start. */
    void open() {
        store = SqliteFarmStore.open(dir.resolve("farm.db"), StoreSettings.defaults(), clock);
        validator = new ActionValidator(MinerModelCatalog.bundled(), settings);
        planner = new ActionPlanner(validator, settings, miner -> rooms.getOrDefault(miner, "room-a"), clock);
        executor = new ActionExecutor(port, store.actions(), validator, planner, settings, clock, sleeper);
    }

    ActionRecovery recovery() {
        return new ActionRecovery(port, store.actions(), validator, settings, clock, sleeper);
    }

    ActionJournal journal() {
        return store.actions();
    }

    /** A miner on manual clocks 600 MHz / 13.5 V with one pool whose password is {@link #POOL_PASSWORD}. */
    static SettingValues stock() {
        return SettingValues.none().withClocks(600, 13.5).withCooling(70, 30).withThrottle(100)
                .withMiningPaused(false).withPools(List.of(new PoolTarget("stratum+tcp://pool.example.com:3333",
                        "farm.worker1", POOL_PASSWORD)));
    }

    FakeMinerPort.FakeMiner addMiner(String id, String room) {
        rooms.put(MinerId.of(id), room);
        return port.add(MinerId.of(id), stock());
    }

    static SettingChange clocks(String miner, int mhz, double volts) {
        return new SettingChange(MinerId.of(miner), MODEL, SettingValues.none().withClocks(600, 13.5),
                SettingValues.none().withClocks(mhz, volts));
    }

    ActionPlan plan(SettingChange... changes) {
        return planner.plan("Test change", "operator-ann", "reco-1", List.of(changes));
    }

    /** Runs a plan to its end. */
    ActionState run(ActionPlan plan) throws Exception {
        return executor.start(plan, ActionListener.NONE).completion().get(30, TimeUnit.SECONDS);
    }

    MinerRecord minerRecord(String actionId, String miner) {
        return journal().miners(actionId).stream().filter(m -> m.miner().value().equals(miner)).findFirst()
                .orElseThrow();
    }

    SettingValues settingsOf(String miner) {
        return port.miner(MinerId.of(miner)).settings;
    }

    @Override
    public void close() {
        store.close();
    }
}
