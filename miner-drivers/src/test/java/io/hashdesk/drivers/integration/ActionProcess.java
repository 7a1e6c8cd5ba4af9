package io.hashdesk.drivers.integration;

import io.hashdesk.core.action.ActionExecutor;
import io.hashdesk.core.action.ActionPlan;
import io.hashdesk.core.action.ActionPlanner;
import io.hashdesk.core.action.ActionSettings;
import io.hashdesk.core.action.ActionValidator;
import io.hashdesk.core.action.SettingChange;
import io.hashdesk.core.action.SettingValues;
import io.hashdesk.core.action.Sleeper;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import io.hashdesk.drivers.action.DriverSettingsPort;
import io.hashdesk.drivers.api.MinerCredentials;
import io.hashdesk.drivers.api.MinerDriver;
import io.hashdesk.drivers.vnish.VnishDrivers;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * "The app" for the crash test, run in a JVM of its own so it can be killed outright: applies one preset change to
 * the miners named on the command line through the real executor and a SQLite journal, printing every miner's
 * progress as {@code PROGRESS <miner> <state>} so the test knows when to kill it.
 *
 * <p>Arguments: the database file, the preset to set, then {@code id=host:httpPort:rpcPort} per miner.
 */
public final class ActionProcess {

    /** One miner at a time, so killing it mid-action leaves miners done, in flight and not started. */
    static ActionSettings quick() {
        ActionSettings d = ActionSettings.defaults();
        return new ActionSettings(1, 1, d.stepSizes(), d.readBackTolerances(), Duration.ofMillis(500),
                Duration.ofSeconds(6), Duration.ofMillis(500), Duration.ofSeconds(4), d.rollbackWhen(), d.retries(),
                Duration.ofMillis(200), Duration.ofSeconds(3), d.writesPerMinerPerHour(),
                d.atNewSettingsOnRecovery(), d.recoveryRetryEvery(), d.operatorLimits());
    }

    /** The port to the miners named {@code id=host:httpPort:rpcPort}, one driver per miner. */
    static DriverSettingsPort portTo(VnishDrivers drivers, Map<MinerId, MinerAddress> addresses) {
        Map<MinerId, MinerDriver> open = new ConcurrentHashMap<>();
        return new DriverSettingsPort(miner -> open.computeIfAbsent(miner,
                id -> drivers.open(addresses.get(id), MinerCredentials.vnishDefault())));
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path database = Path.of(args[0]);
        String preset = args[1];
        Map<MinerId, MinerAddress> addresses = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            String[] idAndAddress = args[i].split("=", 2);
            String[] parts = idAndAddress[1].split(":");
            addresses.put(MinerId.of(idAndAddress[0]), new MinerAddress(parts[0], Integer.parseInt(parts[1]),
                    Integer.parseInt(parts[2])));
        }
        ActionSettings settings = quick();
        Clock clock = Clock.systemUTC();
        try (VnishDrivers drivers = new VnishDrivers(SimulatedSite.fastOptions());
             SqliteFarmStore store = SqliteFarmStore.open(database, StoreSettings.defaults(), clock)) {
            DriverSettingsPort port = portTo(drivers, addresses);
            ActionValidator validator = new ActionValidator(MinerModelCatalog.bundled(), settings);
            ActionPlanner planner = new ActionPlanner(validator, settings, miner -> ActionBench.ROOM, clock);
            List<SettingChange> changes = new ArrayList<>();
            for (MinerId miner : addresses.keySet()) {
                changes.add(new SettingChange(miner, ActionBench.MODEL, SettingValues.none()
                        .withPreset(port.read(miner).preset()), SettingValues.none().withPreset(preset)));
            }
            ActionPlan plan = planner.plan("Lower to " + preset + " W", "operator", null, changes);
            out.println("PLAN " + plan.id());
            ActionExecutor executor = new ActionExecutor(port, store.actions(), validator, planner, settings, clock,
                    Sleeper.system());
            executor.start(plan, progress -> progress.miner().ifPresent(m -> out.println("PROGRESS "
                    + m.miner().value() + " " + m.state()))).completion().join();
            out.println("DONE");
        }
    }
}
