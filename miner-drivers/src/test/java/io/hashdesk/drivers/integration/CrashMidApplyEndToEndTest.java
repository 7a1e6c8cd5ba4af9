package io.hashdesk.drivers.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.action.ActionRecord;
import io.hashdesk.core.action.ActionRecovery;
import io.hashdesk.core.action.ActionSettings;
import io.hashdesk.core.action.ActionValidator;
import io.hashdesk.core.action.MinerRecord;
import io.hashdesk.core.action.MinerState;
import io.hashdesk.core.action.Sleeper;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import io.hashdesk.drivers.sim.MinerBlueprint;
import io.hashdesk.drivers.vnish.VnishDrivers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 7's proof (c): the app applying a preset change to three miners, one after the other, is killed outright
 * ({@code destroyForcibly}) in the middle; recovery at the next start leaves every miner at its old or its new preset,
 * and the journal says which. The app runs in its own JVM ({@link ActionProcess}); the simulated miners run here, their
 * time moving at {@value #SIMULATED_SECONDS_PER_TICK} s every {@value #TICK_MILLIS} ms so the child's real waits see
 * miners restart and settle.
 */
class CrashMidApplyEndToEndTest {

    private static final List<String> MINERS = List.of("c1", "c2", "c3");
    private static final String OLD = "3000";
    private static final String NEW = "2710";
    private static final long TICK_MILLIS = 20;
    private static final long SIMULATED_SECONDS_PER_TICK = 1;
    private static final Duration CHILD_LIMIT = Duration.ofMinutes(1);

    @TempDir
    Path dataFolder;
    private SimulatedSite site;
    private Thread ticker;
    private Process app;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null) {
            app.destroyForcibly().waitFor();
        }
        if (ticker != null) {
            ticker.interrupt();
            ticker.join();
        }
        if (site != null) {
            site.close();
        }
    }

    @ParameterizedTest(name = "killed when the second miner is {0}")
    @ValueSource(strings = {"APPLYING", "WATCHING"})
    void recoveryAfterTheAppIsKilledLeavesEveryMinerAtItsOldOrNewPresetAsTheJournalSays(String killAt)
            throws Exception {
        site = SimulatedSite.of(MINERS.stream().map(id -> MinerBlueprint.of(id, ActionBench.MODEL, "1.3.4",
                id.hashCode()).withPreset(OLD, List.of(OLD, NEW))).toList());
        site.advance(Duration.ofMinutes(5));
        ticker = Thread.ofPlatform().daemon().start(this::tick);
        Path database = dataFolder.resolve("farm.db");

        app = startApp(database);
        String actionId = killWhen(app, "PROGRESS c2 " + killAt);

        try (VnishDrivers drivers = new VnishDrivers(SimulatedSite.fastOptions());
             SqliteFarmStore store = SqliteFarmStore.open(database, StoreSettings.defaults(), Clock.systemUTC())) {
            assertTrue(store.actions().unfinished().stream().anyMatch(a -> a.id().equals(actionId)),
                    "the killed app left its action unfinished");
            ActionSettings settings = ActionProcess.quick();
            ActionRecovery recovery = new ActionRecovery(ActionProcess.portTo(drivers, addresses()),
                    store.actions(), new ActionValidator(MinerModelCatalog.bundled(), settings), settings,
                    Clock.systemUTC(), Sleeper.system());

            List<ActionRecord> recovered = recovery.recover();

            assertEquals(List.of(actionId), recovered.stream().map(ActionRecord::id).toList());
            assertTrue(recovered.getFirst().state().finished(), recovered.toString());
            for (MinerRecord miner : store.actions().miners(actionId)) {
                String preset = site.miner(miner.miner().value()).settings().overclock().preset();
                assertTrue(Set.of(MinerState.KEPT, MinerState.ROLLED_BACK, MinerState.SKIPPED)
                        .contains(miner.state()), miner.toString());
                assertEquals(miner.state() == MinerState.KEPT ? NEW : OLD, preset,
                        miner.miner() + " is " + miner.state() + " in the journal: " + miner.message());
            }
            assertEquals(MinerState.KEPT, state(store, actionId, "c1"), "finished before the kill");
            assertEquals(MinerState.ROLLED_BACK, state(store, actionId, "c2"),
                    "in flight at the kill: recovery puts it back, never having watched it through");
            assertEquals(MinerState.SKIPPED, state(store, actionId, "c3"), "never started");
        }
    }

    private static MinerState state(SqliteFarmStore store, String actionId, String miner) {
        return store.actions().miners(actionId).stream().filter(m -> m.miner().value().equals(miner)).findFirst()
                .orElseThrow().state();
    }

    private Map<MinerId, MinerAddress> addresses() {
        Map<MinerId, MinerAddress> addresses = new LinkedHashMap<>();
        MINERS.forEach(id -> addresses.put(MinerId.of(id), site.address(id)));
        return addresses;
    }

    private Process startApp(Path database) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                ActionProcess.class.getName(), database.toString(), NEW));
        addresses().forEach((id, a) -> command.add(id.value() + "=" + a.host() + ":" + a.httpPort() + ":"
                + a.rpcPort()));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Reads the app's output until {@code line}, kills it there and returns the action's id. */
    private static String killWhen(Process app, String line) throws IOException, InterruptedException {
        Instant giveUp = Instant.now().plus(CHILD_LIMIT);
        String actionId = null;
        BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
        for (String read = out.readLine(); read != null && Instant.now().isBefore(giveUp); read = out.readLine()) {
            if (read.startsWith("PLAN ")) {
                actionId = read.substring("PLAN ".length());
            }
            if (read.equals(line)) {
                app.destroyForcibly();
                assertTrue(app.waitFor(10, TimeUnit.SECONDS), "the app did not die");
                return actionId;
            }
        }
        throw new AssertionError("the app never printed '" + line + "'");
    }

    private void tick() {
        while (!Thread.currentThread().isInterrupted()) {
            site.advance(Duration.ofSeconds(SIMULATED_SECONDS_PER_TICK));
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
