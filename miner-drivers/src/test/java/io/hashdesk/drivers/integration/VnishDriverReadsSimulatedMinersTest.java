package io.hashdesk.drivers.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.domain.HashboardReading;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.HashrateUnit;
import io.hashdesk.drivers.api.MinerCapabilities;
import io.hashdesk.drivers.api.MinerCredentials;
import io.hashdesk.drivers.api.MinerIdentity;
import io.hashdesk.drivers.api.MinerOperation;
import io.hashdesk.drivers.api.PowerPreset;
import io.hashdesk.drivers.sim.MinerBlueprint;
import io.hashdesk.drivers.sim.MinerReading;
import io.hashdesk.drivers.sim.MinerState;
import io.hashdesk.drivers.sim.ModelParameters;
import io.hashdesk.drivers.sim.PresetInfo;
import io.hashdesk.drivers.sim.SimulatedMiner;
import io.hashdesk.drivers.vnish.VnishDriver;
import io.hashdesk.drivers.vnish.VnishDrivers;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Vnish driver against simulated S19, S19j Pro, S21 and L7 units on firmware 1.2.7 and 1.3.4: what it reads is
 * what the simulated unit itself reports, converted to domain units (TH/s, V, 0-based boards, URL without scheme).
 * Simulated time stands still during each test, so the driver and {@code SimulatedMiner.reading()} see one state.
 */
class VnishDriverReadsSimulatedMinersTest {

    private static final String POOL = "stratum.example.org:3333";
    private static SimulatedSite site;
    private static VnishDrivers drivers;

    /** Each model on both firmware lines, started on a numeric preset the unit has tuned. */
    static Stream<String> minerIds() {
        return blueprints().stream().map(MinerBlueprint::id);
    }

    private static List<MinerBlueprint> blueprints() {
        return List.of(
                unit("s19-127", "antminer-s19", "1.2.7", "3000", 11),
                unit("s19-134", "antminer-s19", "1.3.4", "3000", 12),
                unit("s19jpro-127", "antminer-s19j-pro", "1.2.7", "2900", 13),
                unit("s19jpro-134", "antminer-s19j-pro", "1.3.4", "2900", 14),
                unit("s21-127", "antminer-s21", "1.2.7", "3250", 15),
                unit("s21-134", "antminer-s21", "1.3.4", "3250", 16),
                unit("l7-127", "antminer-l7", "1.2.7", "3200", 17),
                unit("l7-134", "antminer-l7", "1.3.4", "3200", 18));
    }

    private static MinerBlueprint unit(String id, String model, String firmware, String preset, long seed) {
        return MinerBlueprint.of(id, model, firmware, seed).withPreset(preset, List.of());
    }

    @BeforeAll
    static void startFarm() {
        site = SimulatedSite.of(blueprints());
        site.advance(Duration.ofMinutes(3));
        drivers = new VnishDrivers(SimulatedSite.fastOptions());
    }

    @AfterAll
    static void stopFarm() {
        drivers.close();
        site.close();
    }

    private static VnishDriver driver(String id) {
        return drivers.open(site.address(id), MinerCredentials.vnishDefault());
    }

    @ParameterizedTest
    @MethodSource("minerIds")
    void snapshotMatchesTheSimulatedUnitsOwnReadingInDomainUnits(String id) throws Exception {
        SimulatedMiner miner = site.miner(id);
        assertEquals(MinerState.MINING, miner.state(), "the unit should be mining before it is read");
        HashrateUnit unit = miner.model().hashrateUnit();
        MinerReading truth = miner.reading();

        TelemetrySnapshot snapshot;
        try (VnishDriver driver = driver(id)) {
            snapshot = driver.readSnapshot(MinerId.of(id));
        }

        assertEquals(MinerStatus.MINING, snapshot.status());
        assertTrue(snapshot.problems().isEmpty(), "plausible values: " + snapshot.problems());
        double expectedThs = unit.toThs(truth.hrRealtime());
        assertEquals(expectedThs, snapshot.hashrateThs(), expectedThs * 1e-3, "total hashrate in TH/s");
        assertEquals(unit.toThs(truth.hrAverage()), snapshot.hashrateAvgThs(), expectedThs * 1e-3);
        double ratedThs = unit.toThs(miner.model().ratedHashrate());
        assertTrue(snapshot.hashrateThs() > ratedThs * 0.5 && snapshot.hashrateThs() < ratedThs * 1.5,
                "hashrate " + snapshot.hashrateThs() + " TH/s is near the rated " + ratedThs + " TH/s");
        assertEquals(truth.powerWatts(), snapshot.powerWatts(), 0.5, "power in W");
        assertEquals(truth.chipTempMaxC(), snapshot.chipTempMaxC(), 0.5, "hottest chip in °C");
        assertEquals(truth.pcbTempMaxC(), snapshot.boardTempMaxC(), 0.5, "hottest PCB sensor in °C");
        assertEquals(truth.fans().stream().map(MinerReading.FanReading::rpm).toList(), snapshot.fanRpm());
        assertEquals(truth.fanDutyPercent(), snapshot.fanPercent(), 0.5);
        assertEquals(miner.currentPreset().name(), snapshot.preset());
        assertEquals(POOL, snapshot.poolUrl(), "active pool as host:port, no scheme, no credentials");
        long accepted = truth.pools().stream().filter(p -> !p.devFee()).mapToLong(MinerReading.PoolReading::accepted)
                .sum();
        assertEquals(accepted, snapshot.acceptedShares(), "share counts leave out the dev-fee pool");
        assertEquals(truth.hwErrors(), snapshot.hardwareErrors());
        assertBoardsMatch(truth, snapshot, unit);
    }

    private static void assertBoardsMatch(MinerReading truth, TelemetrySnapshot snapshot, HashrateUnit unit) {
        assertEquals(truth.boards().size(), snapshot.boards().size());
        for (int i = 0; i < truth.boards().size(); i++) {
            MinerReading.BoardReading board = truth.boards().get(i);
            HashboardReading read = snapshot.boards().get(i);
            assertEquals(board.id() - 1, read.index(), "boards are 0-based in the domain");
            double ths = unit.toThs(board.hrRealtime());
            assertEquals(ths, read.hashrateThs(), Math.max(ths * 1e-3, 1e-6), "board " + read.index() + " TH/s");
            assertEquals(board.chipTempMaxC(), read.chipTempMaxC(), 0.5);
            assertEquals(board.pcbTempMaxC(), read.boardTempMaxC(), 0.5);
            assertEquals(board.freqMhz(), read.frequencyMhz(), 0.01);
            assertEquals(board.voltageMv() / 1000.0, read.voltageVolts(), 1e-9, "measured chain voltage in V");
            assertEquals(board.powerWatts(), read.powerWatts(), 0.5);
        }
    }

    @ParameterizedTest
    @MethodSource("minerIds")
    void identifyNamesModelFirmwareAndTheUnitTheFirmwareCountsIn(String id) throws Exception {
        SimulatedMiner miner = site.miner(id);
        MinerIdentity identity;
        try (VnishDriver driver = driver(id)) {
            identity = driver.identify();
        }
        assertEquals(miner.model().fullName(), identity.modelName());
        assertEquals(miner.model().parameters().code(), identity.modelCode());
        assertEquals("Vnish", identity.firmwareName());
        assertEquals(miner.firmware().version(), identity.firmwareVersion());
        assertEquals(miner.model().scrypt() ? HashrateUnit.MH_S : HashrateUnit.GH_S, identity.hashrateUnit());
        assertEquals(miner.identity().macAddress(), identity.macAddress());
        assertEquals(miner.settings().network().hostname(), identity.hostname());
    }

    @ParameterizedTest
    @MethodSource("minerIds")
    void capabilitiesCarryTheFirmwareLimitsAndThrottleOnlyOnTheOneThreeLine(String id) throws Exception {
        SimulatedMiner miner = site.miner(id);
        ModelParameters m = miner.model().parameters();
        MinerCapabilities caps;
        try (VnishDriver driver = driver(id)) {
            caps = driver.capabilities();
        }
        boolean v13 = miner.firmware().boardsApi();
        assertEquals(v13, caps.supports(MinerOperation.THROTTLE));
        assertTrue(caps.supports(MinerOperation.SELECT_PRESET) && caps.supports(MinerOperation.MANUAL_CLOCKS)
                && caps.supports(MinerOperation.BACKUP_RESTORE));
        assertEquals(m.minFreqMhz(), caps.clocks().frequencyMinMhz());
        assertEquals(m.maxFreqMhz(), caps.clocks().frequencyMaxMhz());
        assertEquals(m.defaultFreqMhz(), caps.clocks().frequencyDefaultMhz());
        assertEquals(m.minVoltage10mV() / 100.0, caps.clocks().voltageMinVolts(), 1e-9, "10 mV steps → V");
        assertEquals(m.maxVoltage10mV() / 100.0, caps.clocks().voltageMaxVolts(), 1e-9);
        assertEquals(m.maxVoltageStockPsu10mV() / 100.0, caps.clocks().voltageMaxStockPsuVolts(), 1e-9);
        assertEquals(miner.model().boards(), caps.boardCount());
        assertEquals(miner.model().chipsPerBoard(), caps.chipsPerBoard());
        assertEquals(3, caps.maxPools());
        assertEquals(miner.model().fans(), caps.cooling().fanMinCountMax());
        assertTrue(caps.cooling().targetTempMinC() < caps.cooling().targetTempMaxC());
        if (v13) {
            assertEquals(m.presetWatts().getLast(), caps.maxPowerLimitWatts());
        } else {
            assertNull(caps.maxPowerLimitWatts(), "1.2 has no power limit");
        }
    }

    @ParameterizedTest
    @MethodSource("minerIds")
    void presetsListEveryPresetInTheFirmwaresOrderWithItsTuneState(String id) throws Exception {
        SimulatedMiner miner = site.miner(id);
        List<PresetInfo> truth = miner.presets();
        List<PowerPreset> presets;
        try (VnishDriver driver = driver(id)) {
            presets = driver.presets();
        }
        assertEquals(truth.stream().map(PresetInfo::name).toList(), presets.stream().map(PowerPreset::name).toList());
        assertTrue(presets.getFirst().isManual(), "disabled (manual clocks) comes first");
        double ratedThs = miner.model().hashrateUnit().toThs(miner.model().ratedHashrate());
        for (int i = 0; i < truth.size(); i++) {
            PresetInfo expected = truth.get(i);
            PowerPreset preset = presets.get(i);
            assertEquals(expected.tuned(), preset.tuned(), preset.name());
            assertEquals(expected.pretty(), preset.label());
            if (!preset.isManual()) {
                assertEquals(Integer.valueOf(expected.name()), preset.targetWatts());
                assertNotNull(preset.expectedHashrateThs(), "hashrate from the label " + preset.label());
                assertTrue(preset.expectedHashrateThs() > ratedThs * 0.2
                        && preset.expectedHashrateThs() < ratedThs * 2, preset.label() + " → "
                        + preset.expectedHashrateThs() + " TH/s");
            }
        }
        assertTrue(presets.stream().anyMatch(p -> p.tuned() && p.name().equals(miner.currentPreset().name())),
                "the starting preset counts as tuned");
    }
}
