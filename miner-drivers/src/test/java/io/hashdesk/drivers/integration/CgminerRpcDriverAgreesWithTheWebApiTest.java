package io.hashdesk.drivers.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.domain.HashboardReading;
import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.MinerAccessException.Failure;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.drivers.api.MinerCredentials;
import io.hashdesk.drivers.api.MinerDriver;
import io.hashdesk.drivers.api.MinerIdentity;
import io.hashdesk.drivers.api.SettingsChange;
import io.hashdesk.drivers.cgminer.CgminerRpcDrivers;
import io.hashdesk.drivers.sim.MinerBlueprint;
import io.hashdesk.drivers.sim.SimulatedMiner;
import io.hashdesk.drivers.vnish.VnishDrivers;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CGMiner RPC driver, the read-only fallback, against the simulator's RPC port: it sees the same miner the web
 * API shows (same instant of simulated time), including on builds that leave {@code version} and {@code pools}
 * unanswered, and it identifies model and firmware from {@code stats}.
 */
class CgminerRpcDriverAgreesWithTheWebApiTest {

    private static final String POOL = "stratum.example.org:3333";
    private static SimulatedSite site;
    private static VnishDrivers web;
    private static CgminerRpcDrivers rpc;

    static Stream<String> minerIds() {
        return Stream.of("s19-127", "s19jpro-134", "s21-no-version-no-pools", "l7-134");
    }

    @BeforeAll
    static void startFarm() {
        site = SimulatedSite.of(
                MinerBlueprint.of("s19-127", "antminer-s19", "1.2.7", 61),
                MinerBlueprint.of("s19jpro-134", "antminer-s19j-pro", "1.3.4", 62),
                MinerBlueprint.of("s21-no-version-no-pools", "antminer-s21", "1.3.4", 63)
                        .withRpcUnanswered(List.of("version", "pools")),
                MinerBlueprint.of("l7-134", "antminer-l7", "1.3.4", 64),
                MinerBlueprint.of("no-stats-no-version", "antminer-s19", "1.2.7", 65)
                        .withRpcUnanswered(List.of("stats", "version")));
        site.advance(Duration.ofMinutes(3));
        web = new VnishDrivers(SimulatedSite.fastOptions());
        rpc = new CgminerRpcDrivers(SimulatedSite.fastOptions());
    }

    @AfterAll
    static void stopFarm() {
        web.close();
        rpc.close();
        site.close();
    }

    private static MinerDriver rpcDriver(String id) {
        return rpc.open(site.address(id), MinerCredentials.vnishDefault());
    }

    @ParameterizedTest
    @MethodSource("minerIds")
    void rpcSnapshotAgreesWithTheWebSnapshotOfTheSameInstant(String id) throws Exception {
        TelemetrySnapshot viaWeb;
        TelemetrySnapshot viaRpc;
        try (MinerDriver webDriver = web.open(site.address(id), MinerCredentials.vnishDefault());
             MinerDriver rpcDriver = rpcDriver(id)) {
            viaWeb = webDriver.readSnapshot(MinerId.of(id));
            viaRpc = rpcDriver.readSnapshot(MinerId.of(id));
        }

        assertEquals(MinerStatus.MINING, viaRpc.status());
        assertTrue(viaRpc.problems().isEmpty(), viaRpc.problems().toString());
        assertEquals(viaWeb.hashrateThs(), viaRpc.hashrateThs(), viaWeb.hashrateThs() * 0.03,
                "total hashrate within a few per cent, in TH/s on both interfaces");
        assertEquals(viaWeb.hashrateAvgThs(), viaRpc.hashrateAvgThs(), viaWeb.hashrateAvgThs() * 0.03);
        assertEquals(viaWeb.chipTempMaxC(), viaRpc.chipTempMaxC(), 0.5, "temp2_N is the chip, not the PCB");
        assertEquals(viaWeb.boardTempMaxC(), viaRpc.boardTempMaxC(), 0.5);
        assertEquals(viaWeb.fanRpm(), viaRpc.fanRpm());
        assertEquals(viaWeb.fanPercent(), viaRpc.fanPercent(), 0.5);
        assertEquals(viaWeb.powerWatts(), viaRpc.powerWatts(), viaRpc.boards().size(),
                "the RPC has no total: the sum of the boards' consumption, each rounded to a watt");
        assertEquals(viaWeb.hardwareErrors(), viaRpc.hardwareErrors());
        assertEquals(viaWeb.boards().size(), viaRpc.boards().size());
        for (int i = 0; i < viaWeb.boards().size(); i++) {
            HashboardReading w = viaWeb.boards().get(i);
            HashboardReading r = viaRpc.boards().get(i);
            assertEquals(w.index(), r.index(), "0-based on both interfaces");
            assertEquals(w.hashrateThs(), r.hashrateThs(), w.hashrateThs() * 0.03);
            assertEquals(w.chipTempMaxC(), r.chipTempMaxC(), 0.5);
            assertEquals(w.voltageVolts(), r.voltageVolts(), 1e-6);
        }
        assertNull(viaRpc.preset(), "the RPC does not know presets");
        if (site.miner(id).rpcUnanswered().contains("pools")) {
            assertNull(viaRpc.poolUrl(), "no pools command, no pool: left out rather than failing the read");
            assertNull(viaRpc.acceptedShares());
        } else {
            assertEquals(POOL, viaRpc.poolUrl(), "stratum+tcp:// stripped, the DevFee row skipped");
            assertEquals(viaWeb.acceptedShares(), viaRpc.acceptedShares());
        }
    }

    @ParameterizedTest
    @MethodSource("minerIds")
    void rpcIdentifiesModelAndFirmwareFromStatsEvenWithoutTheVersionCommand(String id) throws Exception {
        SimulatedMiner miner = site.miner(id);
        MinerIdentity identity;
        try (MinerDriver driver = rpcDriver(id)) {
            identity = driver.identify();
        }
        assertEquals(miner.model().fullName(), identity.modelName());
        assertTrue("Vnish".equalsIgnoreCase(identity.firmwareName()), identity.firmwareName());
        assertEquals(miner.firmware().version(), identity.firmwareVersion());
    }

    @Test
    void aBuildAnsweringNeitherStatsNorVersionStillReadsTotalsAndBoardsFromDevs() throws Exception {
        String id = "no-stats-no-version";
        SimulatedMiner miner = site.miner(id);
        TelemetrySnapshot snapshot;
        MinerIdentity identity;
        try (MinerDriver driver = rpcDriver(id)) {
            snapshot = driver.readSnapshot(MinerId.of(id));
            identity = driver.identify();
        }
        double expectedThs = miner.model().hashrateUnit().toThs(miner.reading().hrRealtime());
        assertEquals(expectedThs, snapshot.hashrateThs(), expectedThs * 0.01);
        assertEquals(MinerStatus.MINING, snapshot.status(), "hashing, as far as the totals tell");
        assertEquals(miner.model().boards(), snapshot.boards().size());
        assertEquals(miner.reading().chipTempMaxC(), snapshot.chipTempMaxC(), 0.5);
        assertEquals(POOL, snapshot.poolUrl());
        assertEquals("unknown", identity.modelName(), "nothing on this build names the model");
    }

    @Test
    void theRpcDriverRefusesEveryChangeAsUnsupportedWithoutTouchingTheMiner() {
        SimulatedMiner miner = site.miner("s19-127");
        var before = miner.settings();
        try (MinerDriver driver = rpcDriver("s19-127")) {
            MinerAccessException e = assertThrows(MinerAccessException.class,
                    () -> driver.apply(SettingsChange.none().withPreset("3000")));
            assertSame(Failure.UNSUPPORTED, e.failure());
            assertSame(Failure.UNSUPPORTED, assertThrows(MinerAccessException.class, driver::reboot).failure());
        }
        assertEquals(before, miner.settings());
    }
}
