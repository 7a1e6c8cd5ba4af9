package io.hashdesk.drivers.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.drivers.cgminer.CgminerRpcDrivers;
import io.hashdesk.drivers.discovery.DiscoveredMiner;
import io.hashdesk.drivers.discovery.DiscoveryTarget;
import io.hashdesk.drivers.discovery.DriverProbe;
import io.hashdesk.drivers.discovery.MinerProbe;
import io.hashdesk.drivers.discovery.NetworkScanner;
import io.hashdesk.drivers.discovery.ScanProgress;
import io.hashdesk.drivers.sim.Fault;
import io.hashdesk.drivers.sim.MinerBlueprint;
import io.hashdesk.drivers.sim.SimulatedMiner;
import io.hashdesk.drivers.vnish.VnishDrivers;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Discovery over loopback: 40 live simulated miners (both firmware lines, five whose web API answers only HTTP 500
 * so that their RPC identifies them), three simulated miners that are switched off and 57 closed port pairs. The
 * scan finds exactly the live miners with model and firmware, reports progress, finishes quickly, and looks at
 * nothing but the targets it was given.
 */
class DiscoveryFindsSimulatedMinersTest {

    private static final List<String> MODELS = List.of("antminer-s19", "antminer-s19j-pro", "antminer-s21",
            "antminer-l7", "antminer-s19-pro", "antminer-t19", "antminer-s19-xp");
    private static final int LIVE = 40;
    private static final int SWITCHED_OFF = 3;
    private static final int CLOSED = 57;
    private static final int TARGETS = LIVE + SWITCHED_OFF + CLOSED;
    private static final String NOT_ASKED_FOR = "not-asked-for";

    /** Records what the scanner reports and which targets it had probed. */
    private static final class ScanRecorder implements ScanProgress {
        final Set<DiscoveryTarget> probed = ConcurrentHashMap.newKeySet();
        final AtomicInteger probes = new AtomicInteger();
        final AtomicInteger lastDone = new AtomicInteger();
        final AtomicInteger progressCalls = new AtomicInteger();
        final Set<Integer> totals = ConcurrentHashMap.newKeySet();
        final List<DiscoveredMiner> found = new CopyOnWriteArrayList<>();

        MinerProbe around(MinerProbe probe) {
            return target -> {
                probes.incrementAndGet();
                probed.add(target);
                return probe.probe(target);
            };
        }

        @Override
        public void scanned(int done, int total, int foundSoFar) {
            progressCalls.incrementAndGet();
            lastDone.accumulateAndGet(done, Math::max);
            totals.add(total);
        }

        @Override
        public void found(DiscoveredMiner miner) {
            found.add(miner);
        }
    }

    private static String liveId(int i) {
        return String.format("live-%02d", i);
    }

    private static List<MinerBlueprint> blueprints() {
        List<MinerBlueprint> units = new ArrayList<>();
        for (int i = 0; i < LIVE; i++) {
            units.add(MinerBlueprint.of(liveId(i), MODELS.get(i % MODELS.size()), i % 2 == 0 ? "1.2.7" : "1.3.4",
                    200 + i));
        }
        for (int i = 0; i < SWITCHED_OFF; i++) {
            units.add(MinerBlueprint.of("off-" + i, "antminer-s19", "1.3.4", 300 + i));
        }
        units.add(MinerBlueprint.of(NOT_ASKED_FOR, "antminer-s21", "1.3.4", 400));
        return units;
    }

    /** Breaks the web API of every eighth live miner and switches the "off" ones off. */
    private static void injectFaults(SimulatedSite site) {
        for (int i = 3; i < LIVE; i += 8) {
            site.inject(liveId(i), new Fault.ServerError());
        }
        for (int i = 0; i < SWITCHED_OFF; i++) {
            site.inject("off-" + i, new Fault.Unreachable());
        }
    }

    /** Loopback ports nothing listens on: bound to learn a free number, then closed again. */
    private static List<Integer> closedPorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    private static List<DiscoveryTarget> targets(SimulatedSite site, Map<MinerAddress, SimulatedMiner> live)
            throws IOException {
        List<DiscoveryTarget> targets = new ArrayList<>();
        live.keySet().forEach(address -> targets.add(new DiscoveryTarget(address)));
        for (int i = 0; i < SWITCHED_OFF; i++) {
            targets.add(new DiscoveryTarget(site.address("off-" + i)));
        }
        List<Integer> closed = closedPorts(2 * CLOSED);
        for (int i = 0; i < CLOSED; i++) {
            targets.add(new DiscoveryTarget(new MinerAddress("127.0.0.1", closed.get(2 * i), closed.get(2 * i + 1))));
        }
        return targets;
    }

    @Test
    void scanFindsExactlyTheLiveMinersWithModelAndFirmwareAndProbesOnlyTheTargetsGiven() throws Exception {
        try (SimulatedSite site = SimulatedSite.of(blueprints());
             VnishDrivers web = new VnishDrivers(SimulatedSite.fastOptions());
             CgminerRpcDrivers rpc = new CgminerRpcDrivers(SimulatedSite.fastOptions())) {
            site.advance(Duration.ofMinutes(1));
            injectFaults(site);
            Map<MinerAddress, SimulatedMiner> live = new LinkedHashMap<>();
            for (int i = 0; i < LIVE; i++) {
                live.put(site.address(liveId(i)), site.miner(liveId(i)));
            }
            List<DiscoveryTarget> targets = targets(site, live);
            ScanRecorder recorder = new ScanRecorder();

            NetworkScanner.ScanResult result = new NetworkScanner(
                    recorder.around(DriverProbe.webThenRpc(web, rpc)), 64).scan(targets, recorder);

            assertFalse(result.cancelled());
            assertEquals(TARGETS, result.scanned());
            assertTrue(result.took().compareTo(Duration.ofSeconds(15)) < 0, "took " + result.took());
            assertEquals(Set.of(TARGETS), recorder.totals);
            assertEquals(TARGETS, recorder.lastDone.get(), "progress reaches the total");
            assertEquals(TARGETS, recorder.progressCalls.get(), "one progress report per address");
            assertEquals(LIVE, recorder.found.size(), "each miner reported as it is found");
            assertEquals(TARGETS, recorder.probes.get(), "each target probed once");
            assertEquals(new HashSet<>(targets), recorder.probed, "nothing but the given targets was probed");
            assertFoundExactlyTheLiveMiners(result.miners(), live);
            assertTrue(result.miners().stream().noneMatch(m -> m.address().equals(site.address(NOT_ASKED_FOR))));
        }
    }

    private static void assertFoundExactlyTheLiveMiners(List<DiscoveredMiner> found,
                                                       Map<MinerAddress, SimulatedMiner> live) {
        assertEquals(live.keySet(), found.stream().map(DiscoveredMiner::address).collect(Collectors.toSet()));
        assertEquals(LIVE, found.size(), "each miner found once");
        for (DiscoveredMiner miner : found) {
            SimulatedMiner truth = live.get(miner.address());
            assertEquals(truth.model().fullName(), miner.modelName(), truth.id());
            assertEquals("vnish " + truth.firmware().version(), miner.firmware().toLowerCase(Locale.ROOT), truth.id());
            if (truth.faults().stream().anyMatch(Fault.ServerError.class::isInstance)) {
                assertEquals(DiscoveredMiner.Channel.RPC, miner.via(), truth.id() + ": only its RPC answers");
            } else {
                assertEquals(DiscoveredMiner.Channel.WEB_API, miner.via(), truth.id());
                assertEquals(truth.identity().macAddress(), miner.macAddress(), truth.id());
                assertEquals(truth.settings().network().hostname(), miner.hostname(), truth.id());
            }
        }
        assertEquals(5, found.stream().filter(m -> m.via() == DiscoveredMiner.Channel.RPC).count());
    }
}
