package io.hashdesk.app.wiring;

import io.hashdesk.core.polling.PollListener;
import io.hashdesk.core.polling.PollScheduler;
import io.hashdesk.core.polling.PollSettings;
import io.hashdesk.core.polling.SensorPolling;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.drivers.api.DriverOptions;
import io.hashdesk.drivers.cgminer.CgminerRpcDrivers;
import io.hashdesk.drivers.vnish.VnishDrivers;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Polling as the app runs it: the Vnish and CGMiner drivers behind the poller's reader, each miner unlocked with
 * its password from the credential vault, the scheduler over the registry and the store. Closed in the reverse
 * order it was built, before the store.
 */
final class MinerPolling implements AutoCloseable {

    static final String OVERRIDES_FILE = "poll-settings.json";

    private final VnishDrivers web;
    private final CgminerRpcDrivers rpc;
    private final VaultMinerReader reader;
    private final PollScheduler scheduler;

    private MinerPolling(VnishDrivers web, CgminerRpcDrivers rpc, VaultMinerReader reader, PollScheduler scheduler) {
        this.web = web;
        this.rpc = rpc;
        this.reader = reader;
        this.scheduler = scheduler;
    }

    static MinerPolling start(FarmStore store, Path dataFolder, Clock clock) {
        PollSettings settings = PollSettings.withOverrides(dataFolder.resolve(OVERRIDES_FILE));
        DriverOptions options = DriverOptions.defaults();
        VnishDrivers web = new VnishDrivers(options);
        CgminerRpcDrivers rpc = new CgminerRpcDrivers(options);
        VaultMinerReader reader = new VaultMinerReader(store.credentials(), web, rpc);
        PollScheduler scheduler = new PollScheduler(reader, store.registry()::miners, store.telemetry(), settings, clock);
        scheduler.start();
        return new MinerPolling(web, rpc, reader, scheduler);
    }

    /** Has the scheduler read the room sensors too, at its ticks, without ever waiting for them. */
    void pollSensors(SensorPolling sensors) {
        scheduler.pollSensors(sensors);
    }

    /** Tells {@code listener} about each completed poll cycle, e.g. the alert monitor. */
    void addListener(PollListener listener) {
        scheduler.addListener(listener);
    }

    @Override
    public void close() {
        scheduler.close();
        reader.close();
        web.close();
        rpc.close();
    }
}
