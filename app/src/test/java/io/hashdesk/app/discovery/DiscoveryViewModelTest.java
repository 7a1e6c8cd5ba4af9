package io.hashdesk.app.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.app.common.JobRunner;
import io.hashdesk.core.credentials.CredentialEntry;
import io.hashdesk.core.credentials.Secret;
import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.domain.Room;
import io.hashdesk.core.domain.Site;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import io.hashdesk.drivers.api.DriverOptions;
import io.hashdesk.drivers.cgminer.CgminerRpcDrivers;
import io.hashdesk.drivers.discovery.DiscoveryTarget;
import io.hashdesk.drivers.discovery.DriverProbe;
import io.hashdesk.drivers.discovery.MinerProbe;
import io.hashdesk.drivers.sim.MinerBlueprint;
import io.hashdesk.drivers.sim.SimulatedFleet;
import io.hashdesk.drivers.sim.SimulationClock;
import io.hashdesk.drivers.sim.server.MinerEndpoint;
import io.hashdesk.drivers.sim.server.SimulatorServer;
import io.hashdesk.drivers.vnish.VnishDrivers;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wizard's view-models against three simulated miners on 127.0.0.1 (one of them already registered) and a
 * closed port; a single thread stands in for the FX thread. Scans touch only loopback addresses.
 */
class DiscoveryViewModelTest {

    private static final List<String> SIMULATED = List.of("sim-01", "sim-02", "sim-03");

    @TempDir
    Path dir;

    private SimulatedFleet fleet;
    private SimulatorServer server;
    private SqliteFarmStore store;
    private VnishDrivers web;
    private CgminerRpcDrivers rpc;
    private final ExecutorService fx = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-fx"));
    private JobRunner jobs;
    private final Set<String> probed = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void start() throws Exception {
        fleet = SimulatedFleet.create(SimulationClock.manual(Instant.parse("2026-11-23T12:00:00Z")),
                List.of(MinerBlueprint.of("sim-01", "antminer-s19j-pro", "1.2.7", 11),
                        MinerBlueprint.of("sim-02", "antminer-s21", "1.3.4", 12),
                        MinerBlueprint.of("sim-03", "antminer-l7", "1.3.4", 13)), 23);
        server = SimulatorServer.start(fleet);
        store = SqliteFarmStore.open(dir.resolve("hashdesk.db"), StoreSettings.defaults(), Clock.systemUTC());
        store.registry().saveSite(new Site("north", "North", ZoneId.of("UTC")));
        store.registry().saveRoom(new Room("hall-a", "north", "Hall A"));
        store.registry().saveMiner(new Miner(MinerId.of("a-01"), "north", new RackPosition("hall-a", "R1", 1, 1),
                address("sim-01"), "antminer-s19j-pro", "", Optional.empty()));
        web = new VnishDrivers(DriverOptions.defaults());
        rpc = new CgminerRpcDrivers(DriverOptions.defaults());
        jobs = new JobRunner(fx);
    }

    @AfterEach
    void stop() {
        jobs.close();
        fx.shutdownNow();
        web.close();
        rpc.close();
        store.close();
        server.close();
        fleet.close();
    }

    private MinerAddress address(String id) {
        MinerEndpoint endpoint = server.endpoint(id);
        return new MinerAddress(endpoint.host(), endpoint.httpPort(), endpoint.rpcPort());
    }

    private DiscoveryViewModel model(MinerProbe probe) throws Exception {
        MinerRegistration registration = new MinerRegistration(store.registry(), store.credentials(),
                MinerModelCatalog.bundled(), ZoneId.of("UTC"));
        MinerProbe recorded = target -> {
            probed.add(target.host() + ":" + target.address().httpPort());
            return probe.probe(target);
        };
        return onFx(() -> new DiscoveryViewModel(recorded, registration, jobs, fx, DiscoverySettings.defaults()));
    }

    private <T> T onFx(Callable<T> read) throws Exception {
        return fx.submit(read).get(10, TimeUnit.SECONDS);
    }

    private void doOnFx(Runnable action) throws Exception {
        fx.submit(action).get(10, TimeUnit.SECONDS);
    }

    private void waitFor(Callable<Boolean> condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!onFx(condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** The three simulated miners and one closed port, as an address list with explicit ports. */
    private String addressList() throws IOException {
        StringBuilder csv = new StringBuilder("host,http_port,rpc_port\n");
        for (String id : SIMULATED) {
            MinerAddress a = address(id);
            csv.append(a.host()).append(',').append(a.httpPort()).append(',').append(a.rpcPort()).append('\n');
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            csv.append("127.0.0.1,").append(socket.getLocalPort()).append('\n');
        }
        return csv.toString();
    }

    private DiscoveryViewModel scannedList() throws Exception {
        DiscoveryViewModel model = model(DriverProbe.webThenRpc(web, rpc));
        String csv = addressList();
        doOnFx(() -> {
            model.useAddressList(csv, "miners.csv");
            model.scan();
        });
        waitFor(() -> !model.scanningProperty().get() && model.stepProperty().get() == DiscoveryViewModel.Step.SCAN,
                "the scan to finish");
        return model;
    }

    @Test
    void aBadRangeIsRefusedWithASentenceAndALargeOneIsWarnedAbout() throws Exception {
        DiscoveryViewModel model = model(target -> Optional.empty());
        doOnFx(() -> model.rangeProperty().set("192.168.1.0/33"));
        assertThat(onFx(() -> model.canScanProperty().get())).isFalse();
        assertThat(onFx(() -> model.inputProblemProperty().get())).contains("192.168.1.0/33").contains("16 to 32");

        doOnFx(() -> {
            model.rangeProperty().set("127.0.0.0/24");
            model.httpPortProperty().set("eighty");
        });
        assertThat(onFx(() -> model.inputProblemProperty().get())).startsWith("Web API port: 'eighty' is not a port");

        doOnFx(() -> {
            model.httpPortProperty().set("80");
            model.rangeProperty().set("127.0.0.0/20");
        });
        assertThat(onFx(() -> model.canScanProperty().get())).isTrue();
        assertThat(onFx(() -> model.inputWarningProperty().get())).startsWith("4,094 addresses");
        doOnFx(() -> model.rangeProperty().set("127.0.0.0/24"));
        assertThat(onFx(() -> model.inputWarningProperty().get())).isEmpty();
    }

    @Test
    void anAddressListWithBadLinesNamesEachLine() throws Exception {
        DiscoveryViewModel model = model(target -> Optional.empty());
        doOnFx(() -> model.useAddressList("127.0.0.1\n127.0.0.300\n127.0.0.2,http\n", "miners.csv"));
        assertThat(onFx(() -> model.canScanProperty().get())).isFalse();
        assertThat(onFx(() -> model.inputProblemProperty().get())).contains("line 2").contains("line 3")
                .doesNotContain("line 1:");
    }

    @Test
    void scanningAnAddressListFindsTheSimulatedMinersAndMarksTheRegisteredOne() throws Exception {
        DiscoveryViewModel model = scannedList();

        List<FoundMiner> found = onFx(() -> List.copyOf(model.found()));
        assertThat(found).extracting(f -> f.miner().address()).containsExactlyInAnyOrderElementsOf(
                SIMULATED.stream().map(this::address).toList());
        assertThat(found).filteredOn(f -> f.miner().address().equals(address("sim-01"))).singleElement()
                .satisfies(f -> {
                    assertThat(f.registeredAs()).contains(MinerId.of("a-01"));
                    assertThat(f.statusText()).isEqualTo("registered as a-01");
                });
        assertThat(found).filteredOn(FoundMiner::isNew).extracting(FoundMiner::modelId)
                .containsExactlyInAnyOrder(Optional.of("antminer-s21"), Optional.of("antminer-l7"));
        assertThat(found).allSatisfy(f -> assertThat(f.firmwareText()).containsIgnoringCase("vnish"));
        assertThat(onFx(() -> model.scanMessageProperty().get()))
                .startsWith("Scanned 4 addresses").endsWith("3 miners found, 2 of them new.");
        assertThat(onFx(() -> model.progressProperty().get())).isEqualTo(1.0);
        assertThat(probed).hasSize(4);
    }

    @Test
    void aTypedSingleAddressIsTheOnlyTargetProbed() throws Exception {
        DiscoveryViewModel model = model(DriverProbe.webThenRpc(web, rpc));
        MinerAddress sim = address("sim-02");
        doOnFx(() -> {
            model.rangeProperty().set(sim.host() + "/32");
            model.httpPortProperty().set(Integer.toString(sim.httpPort()));
            model.rpcPortProperty().set(Integer.toString(sim.rpcPort()));
            model.scan();
        });
        waitFor(() -> !model.scanningProperty().get(), "the scan to finish");
        assertThat(probed).containsExactly(sim.host() + ":" + sim.httpPort());
        assertThat(onFx(() -> model.found().size())).isEqualTo(1);
    }

    @Test
    void cancellingStopsTheScanKeepsWhatWasFoundAndSaysSo() throws Exception {
        MinerProbe slowAfterFirst = target -> {
            if (target.host().equals("127.0.0.1")) {
                return DriverProbe.webThenRpc(web, rpc).probe(new DiscoveryTarget(
                        address("sim-02")));
            }
            Thread.sleep(60_000);
            return Optional.empty();
        };
        DiscoveryViewModel model = model(slowAfterFirst);
        doOnFx(() -> {
            model.rangeProperty().set("127.0.0.0/24");
            model.scan();
        });
        waitFor(() -> model.found().size() == 1, "the first miner listed while the scan runs");
        assertThat(onFx(() -> model.scanningProperty().get())).isTrue();
        // progress reaches the message coalesced, a moment after the row it counts
        waitFor(() -> model.scanMessageProperty().get().matches("\\d+ of 254 addresses · 1 miner found"),
                "the progress line to count the miner found");

        doOnFx(model::cancel);
        waitFor(() -> !model.scanningProperty().get(), "the scan to stop");
        assertThat(onFx(() -> model.scanMessageProperty().get())).isEqualTo(
                "Scan cancelled · 1 miner found before it stopped.");
        assertThat(onFx(() -> model.found().size())).isEqualTo(1);
        assertThat(probed.size()).isLessThan(254);
    }

    @Test
    void registeringTheNewMinersWithANewPasswordSavesItToTheVaultAndNumbersTheSlots() throws Exception {
        DiscoveryViewModel model = scannedList();
        AssignmentViewModel assign = model.assignment();
        doOnFx(() -> {
            model.selectAllNew();
            model.next();
        });
        assertThat(onFx(() -> model.selectedCountProperty().get())).isEqualTo(2);
        assertThat(onFx(() -> model.stepProperty().get())).isEqualTo(DiscoveryViewModel.Step.ASSIGN);
        waitFor(() -> assign.roomProperty().get() != null, "the rooms read");

        doOnFx(() -> {
            assign.newRoomNameProperty().set("Hall B");
            assign.rackProperty().set("R3");
            assign.shelfProperty().set("2");
            assign.firstSlotProperty().set("4");
            assign.modeProperty().set(AssignmentViewModel.CredentialMode.NEW_PASSWORD);
            assign.newLabelProperty().set("Hall B miners");
            assign.passwordProperty().set("b-hall-secret");
            assign.repeatProperty().set("b-hall-secret");
            assign.register();
        });
        waitFor(() -> model.stepProperty().get() == DiscoveryViewModel.Step.DONE, "the miners registered");

        assertThat(onFx(() -> assign.summaryProperty().get())).startsWith("2 miners added to Hall B, R3");
        assertThat(onFx(() -> assign.passwordProperty().get())).isEmpty();
        CredentialEntry entry = store.credentials().list().stream()
                .filter(e -> e.label().equals("Hall B miners")).findFirst().orElseThrow();
        try (Secret secret = store.credentials().read(entry.ref())) {
            assertThat(new String(secret.chars())).isEqualTo("b-hall-secret");
        }
        List<Miner> added = store.registry().miners().stream().filter(m -> !m.id().equals(MinerId.of("a-01")))
                .sorted(Comparator.comparingInt(m -> m.position().slot())).toList();
        assertThat(added).hasSize(2);
        assertThat(added).allSatisfy(m -> {
            assertThat(m.credentials()).contains(entry.ref());
            assertThat(m.position().rack()).isEqualTo("R3");
            assertThat(m.position().shelf()).isEqualTo(2);
            assertThat(m.siteId()).isEqualTo("north");
        });
        assertThat(added).extracting(m -> m.position().slot()).containsExactly(4, 5);
        assertThat(added).extracting(Miner::address).containsExactlyInAnyOrder(address("sim-02"), address("sim-03"));
        assertThat(added.getFirst().position().roomId()).isEqualTo("hall-b");
        assertThat(store.registry().rooms()).extracting(Room::name).contains("Hall B");
    }

    @Test
    void differingPasswordsAreRefusedAndNothingIsRegistered() throws Exception {
        DiscoveryViewModel model = scannedList();
        AssignmentViewModel assign = model.assignment();
        doOnFx(() -> {
            model.selectAllNew();
            model.next();
        });
        waitFor(() -> assign.roomProperty().get() != null, "the rooms read");
        doOnFx(() -> {
            assign.rackProperty().set("R1");
            assign.modeProperty().set(AssignmentViewModel.CredentialMode.NEW_PASSWORD);
            assign.newLabelProperty().set("Hall A");
            assign.passwordProperty().set("one");
            assign.repeatProperty().set("two");
            assign.register();
        });
        assertThat(onFx(() -> assign.problemProperty().get())).contains("two passwords differ");
        assertThat(onFx(() -> assign.passwordProperty().get())).isEmpty();
        assertThat(store.registry().miners()).hasSize(1);
        assertThat(store.credentials().list()).isEmpty();
    }
}
