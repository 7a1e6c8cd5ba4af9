package io.hashdesk.drivers.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAccessException.Failure;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.domain.Room;
import io.hashdesk.core.domain.Site;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.Algorithm;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.polling.MinerHealth;
import io.hashdesk.core.polling.PollCycle;
import io.hashdesk.core.polling.PollScheduler;
import io.hashdesk.core.polling.PollSettings;
import io.hashdesk.core.store.FleetSummary;
import io.hashdesk.core.store.MinerRegistry;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import io.hashdesk.drivers.api.DriverOptions;
import io.hashdesk.drivers.api.MinerCredentials;
import io.hashdesk.drivers.cgminer.CgminerRpcDrivers;
import io.hashdesk.drivers.polling.DriverMinerReader;
import io.hashdesk.drivers.sim.Fault;
import io.hashdesk.drivers.sim.MinerBlueprint;
import io.hashdesk.drivers.sim.SimulatedMiner;
import io.hashdesk.drivers.vnish.VnishDrivers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole read path on a simulated farm of twenty miners: drivers behind {@link DriverMinerReader}, the core
 * {@link PollScheduler} ticked by hand on a test clock, and a SQLite farm store. Faulty miners end up in the store
 * with the status their fault means, the fleet totals are the healthy miners' sum, and the scheduler's health says
 * why each faulty miner failed.
 */
class FarmPollingEndToEndTest {

    private static final String SITE = "site-1";
    private static final String ROOM = "hall-a";
    private static final String UNREACHABLE = "m-03";
    private static final String WRONG_PASSWORD = "m-07";
    private static final String SLOW = "m-11";
    /** Both its web API and its RPC answer broken JSON: the reader tries the RPC and still cannot read it. */
    private static final String GARBLED = "m-15";
    private static final Set<String> FAULTY = Set.of(UNREACHABLE, WRONG_PASSWORD, SLOW, GARBLED);
    private static final Duration BETWEEN_TICKS = Duration.ofSeconds(15);
    private static final List<String> MODELS = List.of("antminer-s19", "antminer-s19j-pro", "antminer-s21",
            "antminer-l7", "antminer-s19-xp");

    @TempDir
    Path dir;

    private static List<MinerBlueprint> farm() {
        List<MinerBlueprint> units = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            String firmware = i % 2 == 0 ? "1.3.4" : "1.2.7";
            units.add(MinerBlueprint.of(String.format("m-%02d", i), MODELS.get(i % MODELS.size()), firmware, 100 + i));
        }
        return units;
    }

    private Path pollSettingsFile() throws Exception {
        Path file = dir.resolve("poll.json");
        Files.writeString(file, """
                {"interval": "PT10S", "troubleInterval": "PT5S", "perMinerTimeout": "PT2S", "tickInterval": "PT1S",
                 "backoffInitial": "PT5S", "backoffMax": "PT30S", "lateAfter": "PT5S", "stragglerAfter": "PT5S"}
                """);
        return file;
    }

    private static void register(MinerRegistry registry, SimulatedSite site) {
        registry.saveSite(new Site(SITE, "Test farm", ZoneOffset.UTC));
        registry.saveRoom(new Room(ROOM, SITE, "Hall A"));
        int slot = 1;
        for (SimulatedMiner miner : site.fleet().miners()) {
            registry.saveMiner(new Miner(MinerId.of(miner.id()), SITE, new RackPosition(ROOM, "R1", 1, slot++),
                    site.address(miner.id()), miner.model().id(), "Vnish " + miner.firmware().version(),
                    Optional.empty()));
        }
    }

    @Test
    void aFewTicksStoreEveryMinerWithItsStatusAndTheFleetTotalsOfTheHealthyOnes() throws Exception {
        PollSettings settings = PollSettings.withOverrides(pollSettingsFile());
        assertEquals(Duration.ofSeconds(2), settings.perMinerTimeout());
        DriverOptions options = DriverOptions.defaults().withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofMillis(1_500));
        MutableClock clock = new MutableClock(SimulatedSite.START);
        try (SimulatedSite site = SimulatedSite.of(farm());
             SqliteFarmStore store = SqliteFarmStore.open(dir.resolve("farm.db"), StoreSettings.defaults(), clock);
             VnishDrivers web = new VnishDrivers(options, clock, VnishDrivers.DEFAULT_MAX_REQUESTS_IN_FLIGHT);
             CgminerRpcDrivers rpc = new CgminerRpcDrivers(options, clock);
             DriverMinerReader reader = new DriverMinerReader(web, rpc, m -> MinerCredentials.vnishDefault());
             PollScheduler scheduler = new PollScheduler(reader, store.registry()::miners, store.telemetry(),
                     settings, clock)) {
            site.advance(Duration.ofMinutes(3));
            site.inject(UNREACHABLE, new Fault.Unreachable());
            site.inject(WRONG_PASSWORD, new Fault.WrongPassword());
            site.inject(SLOW, new Fault.SlowReply(4_000));
            site.inject(GARBLED, new Fault.MalformedJson());
            register(store.registry(), site);

            List<PollCycle> cycles = new ArrayList<>();
            for (int tick = 0; tick < 3; tick++) {
                scheduler.pollDue().ifPresent(cycles::add);
                clock.advance(BETWEEN_TICKS);
                site.advance(BETWEEN_TICKS);
            }
            // One more tick with simulated time held, so the store's latest readings and the units agree.
            scheduler.pollDue().ifPresent(cycles::add);

            assertFalse(cycles.isEmpty());
            assertEquals(20, cycles.getFirst().snapshots().size(), "every registered miner is due at first");
            assertEquals(0, cycles.stream().mapToLong(c -> c.ingest().rejected().size()).sum(),
                    "the store accepted every snapshot");
            assertStoredStatuses(store.telemetry().latest(), site);
            assertFleetTotalsAreTheHealthyMinersSum(store.telemetry().fleetSummary(clock.instant(),
                    MinerModelCatalog.bundled().algorithmsOf(store.registry().miners())), store.telemetry().latest(), site);
            assertHealthNamesTheFailures(scheduler.health());
        }
    }

    private static void assertStoredStatuses(Map<MinerId, TelemetrySnapshot> latest, SimulatedSite site) {
        assertEquals(20, latest.size(), "every miner has a latest snapshot: " + latest.keySet());
        assertEquals(MinerStatus.OFFLINE, latest.get(MinerId.of(UNREACHABLE)).status());
        assertEquals(MinerStatus.AUTH_FAILED, latest.get(MinerId.of(WRONG_PASSWORD)).status());
        assertEquals(MinerStatus.OFFLINE, latest.get(MinerId.of(SLOW)).status(), "a timeout counts as offline");
        assertEquals(MinerStatus.UNKNOWN, latest.get(MinerId.of(GARBLED)).status(), "answering, but not understood");
        for (SimulatedMiner miner : site.fleet().miners()) {
            if (FAULTY.contains(miner.id())) {
                assertNull(latest.get(MinerId.of(miner.id())).hashrateThs(), miner.id() + ": status only");
                continue;
            }
            TelemetrySnapshot snapshot = latest.get(MinerId.of(miner.id()));
            assertEquals(MinerStatus.MINING, snapshot.status(), miner.id());
            double truthThs = miner.model().hashrateUnit().toThs(miner.reading().hrRealtime());
            assertEquals(truthThs, snapshot.hashrateThs(), truthThs * 0.01, miner.id() + " hashrate in TH/s");
        }
    }

    private static void assertFleetTotalsAreTheHealthyMinersSum(FleetSummary summary,
                                                               Map<MinerId, TelemetrySnapshot> latest,
                                                               SimulatedSite site) {
        assertEquals(20, summary.registeredMiners());
        assertEquals(16, summary.count(MinerStatus.MINING));
        assertEquals(1, summary.count(MinerStatus.UNKNOWN));
        assertEquals(2, summary.count(MinerStatus.OFFLINE));
        assertEquals(1, summary.count(MinerStatus.AUTH_FAILED));
        assertEquals(0, summary.staleMiners());
        for (Algorithm algorithm : Algorithm.values()) {
            double storedSum = latest.values().stream().filter(s -> s.status() == MinerStatus.MINING)
                    .filter(s -> site.fleet().miner(s.minerId().value()).orElseThrow().model().catalog().algorithm() == algorithm)
                    .mapToDouble(TelemetrySnapshot::hashrateThs).sum();
            double truthSum = site.fleet().miners().stream().filter(m -> !FAULTY.contains(m.id()))
                    .filter(m -> m.model().catalog().algorithm() == algorithm)
                    .mapToDouble(m -> m.model().hashrateUnit().toThs(m.reading().hrRealtime())).sum();
            assertTrue(truthSum > 0, "the test farm has " + algorithm + " miners");
            assertEquals(storedSum, summary.totals(algorithm).hashrateThs(), 1e-6, algorithm.displayName());
            assertEquals(truthSum, summary.totals(algorithm).hashrateThs(), truthSum * 0.01,
                    "the " + algorithm.displayName() + " total is what those units hash, kept apart from the others");
        }
    }

    private static void assertHealthNamesTheFailures(Map<MinerId, MinerHealth> health) {
        assertEquals(20, health.size());
        assertFailure(health, UNREACHABLE, Failure.UNREACHABLE, MinerStatus.OFFLINE);
        assertFailure(health, WRONG_PASSWORD, Failure.AUTH_FAILED, MinerStatus.AUTH_FAILED);
        assertFailure(health, SLOW, Failure.TIMEOUT, MinerStatus.OFFLINE);
        assertFailure(health, GARBLED, Failure.MALFORMED_REPLY, MinerStatus.UNKNOWN);
        health.values().stream().filter(h -> !FAULTY.contains(h.minerId().value())).forEach(h -> {
            assertFalse(h.failing(), h.toString());
            assertTrue(h.lastSuccessAt().isPresent(), h.toString());
        });
    }

    private static void assertFailure(Map<MinerId, MinerHealth> health, String id, Failure kind, MinerStatus status) {
        MinerHealth h = health.get(MinerId.of(id));
        assertNotNull(h, id);
        assertTrue(h.failing(), h.toString());
        assertSame(status, h.status());
        assertSame(kind, h.lastFailure().orElseThrow().kind(), h.toString());
        assertFalse(h.lastFailure().orElseThrow().message().isBlank());
    }
}
