package io.hashdesk.drivers.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.action.FirmwareBackup;
import io.hashdesk.core.action.PoolTarget;
import io.hashdesk.core.action.SettingValues;
import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.MinerAccessException.Failure;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.drivers.action.DriverSettingsPort;
import io.hashdesk.drivers.cgminer.CgminerRpcDriver;
import io.hashdesk.drivers.cgminer.CgminerRpcDrivers;
import io.hashdesk.drivers.api.FanMode;
import io.hashdesk.drivers.api.FanSettings;
import io.hashdesk.drivers.api.MinerCredentials;
import io.hashdesk.drivers.api.MinerOperation;
import io.hashdesk.drivers.api.OperationNotSupportedException;
import io.hashdesk.drivers.api.SettingOutOfRangeException;
import io.hashdesk.drivers.api.SettingsChange;
import io.hashdesk.drivers.sim.MinerBlueprint;
import io.hashdesk.drivers.sim.MinerSettings;
import io.hashdesk.drivers.sim.SimulatedMiner;
import io.hashdesk.drivers.vnish.VnishDriver;
import io.hashdesk.drivers.vnish.VnishDrivers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The action executor's port over the Vnish driver, against simulated miners on both firmware lines: every part reads,
 * writes and reads back as the unit holds it, pausing works, a backup restores, failures keep their kind and a value
 * out of range never reaches the miner.
 */
class DriverSettingsPortTest {

    private static final String ID = "m";
    private static final MinerId MINER = MinerId.of(ID);
    private static final Duration SETTLE = Duration.ofMinutes(10);

    private final VnishDrivers drivers = new VnishDrivers(SimulatedSite.fastOptions());
    private SimulatedSite site;
    private VnishDriver driver;

    @AfterEach
    void stop() {
        drivers.close();
        if (site != null) {
            site.close();
        }
    }

    private DriverSettingsPort start(String firmware, String preset, List<String> tuned) {
        site = SimulatedSite.of(MinerBlueprint.of(ID, "antminer-s19", firmware, 31).withPreset(preset, tuned));
        site.advance(Duration.ofMinutes(3));
        driver = drivers.open(site.address(ID), MinerCredentials.vnishDefault());
        return new DriverSettingsPort(miner -> driver);
    }

    private SimulatedMiner miner() {
        return site.miner(ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.7", "1.3.4"})
    void readsEveryPartTheFirmwareReportsIncludingThePoolPassword(String firmware) throws Exception {
        DriverSettingsPort port = start(firmware, "3000", List.of("3000"));

        SettingValues read = port.read(MINER);

        MinerSettings held = miner().settings();
        assertEquals("3000", read.preset());
        assertNull(read.frequencyMhz(), "clocks belong to the preset, not to manual settings");
        assertEquals(held.cooling().modeParam(), read.targetTempC());
        assertEquals(held.cooling().fanMinDutyPercent(), read.fanMinDutyPercent());
        assertEquals(firmware.startsWith("1.3") ? Integer.valueOf(100) : null, read.throttlePercent(),
                "1.2 has no throttle to report");
        assertFalse(read.miningPaused());
        assertEquals(List.of(new PoolTarget("stratum.example.org:3333", ID, "x")), read.pools());
        assertEquals("x", read.pools().getFirst().password());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.7", "1.3.4"})
    void everyPartWrittenReadsBackAsTheMinerNowHoldsIt(String firmware) throws Exception {
        DriverSettingsPort port = start(firmware, "3000", List.of("3000", "2710"));

        SettingValues preset = port.write(MINER, SettingValues.none().withPreset("2710"));
        assertEquals(SettingValues.none().withPreset("2710"), preset);
        assertEquals("2710", port.read(MINER).preset());

        SettingValues clocks = port.write(MINER, SettingValues.none().withClocks(600, 13.4));
        assertEquals(SettingValues.none().withClocks(600, 13.4), clocks);
        assertEquals(600, miner().settings().overclock().globalFreqMhz());
        assertEquals(1340, miner().settings().overclock().globalVoltage10mV());
        SettingValues manual = port.read(MINER);
        assertNull(manual.preset());
        assertEquals(600, manual.frequencyMhz());
        assertEquals(13.4, manual.voltageVolts(), 1e-9);

        SettingValues cooling = port.write(MINER, SettingValues.none().withCooling(62, 35));
        assertEquals(SettingValues.none().withCooling(62, 35), cooling);
        assertEquals(62, miner().settings().cooling().modeParam());
        assertEquals(35, miner().settings().cooling().fanMinDutyPercent());

        List<PoolTarget> pools = List.of(new PoolTarget("pool-a.example.net:3333", "acct.w1", "pw1"),
                new PoolTarget("pool-b.example.net:443", "acct.w2", "pw2"));
        assertEquals(pools, port.write(MINER, SettingValues.none().withPools(pools)).pools());
        assertEquals(pools, port.read(MINER).pools(), "passwords come back as the firmware returns them");
    }

    @Test
    void throttleWritesOnTheOneThreeLine() throws Exception {
        DriverSettingsPort port = start("1.3.4", "3000", List.of("3000"));

        assertEquals(60, port.write(MINER, SettingValues.none().withThrottle(60)).throttlePercent());
        assertEquals(60, miner().throttlePercent());
        assertEquals(60, port.read(MINER).throttlePercent());
    }

    @Test
    void throttleIsRefusedOnTheOneTwoLineBeforeAnyWrite() throws Exception {
        DriverSettingsPort port12 = start("1.2.7", "3000", List.of("3000"));
        MinerSettings before = miner().settings();
        OperationNotSupportedException e = assertThrows(OperationNotSupportedException.class,
                () -> port12.write(MINER, SettingValues.none().withCooling(60, null).withThrottle(60)));
        assertSame(Failure.UNSUPPORTED, e.failure());
        assertEquals(MinerOperation.THROTTLE, e.operation());
        assertEquals(before, miner().settings(), "the cooling part was not written either");
    }

    @Test
    void aPowerTargetReadsBackAsTheTargetWhenTheChosenPresetRuns() throws Exception {
        DriverSettingsPort port = start("1.3.4", "3000", List.of("3000", "2310", "2710"));

        SettingValues readBack = port.write(MINER, SettingValues.none().withPowerTarget(2800));

        assertEquals(2800, readBack.powerTargetWatts());
        assertEquals("2710", miner().settings().overclock().preset());
    }

    @Test
    void aPowerTargetNoTunedPresetMeetsReadsBackAsTheWattsOfThePresetTheMinerRuns() throws Exception {
        DriverSettingsPort port = start("1.2.7", "3000", List.of("3000"));

        SettingValues readBack = port.write(MINER, SettingValues.none().withPowerTarget(2000));

        assertEquals(SettingValues.none().withPowerTarget(3000), readBack, "no tuned preset at or below 2000 W");
        assertEquals("3000", miner().settings().overclock().preset());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.7", "1.3.4"})
    void pausingStopsHashingAndResumingBringsTheMinerBackToMining(String firmware) throws Exception {
        DriverSettingsPort port = start(firmware, "3000", List.of("3000"));

        assertEquals(Boolean.TRUE, port.write(MINER, SettingValues.none().withMiningPaused(true)).miningPaused());
        site.advance(Duration.ofMinutes(1));
        TelemetrySnapshot paused = port.observe(MINER);
        assertEquals(MinerStatus.STOPPED, paused.status());
        assertTrue(port.read(MINER).miningPaused());

        assertEquals(Boolean.FALSE, port.write(MINER, SettingValues.none().withMiningPaused(false)).miningPaused());
        site.advance(SETTLE);
        TelemetrySnapshot resumed = port.observe(MINER);
        assertEquals(MinerStatus.MINING, resumed.status());
        assertTrue(resumed.hashrateThs() > 50, resumed.hashrateThs() + " TH/s");
    }

    @Test
    void theRpcFallbackCannotPauseOrWriteAndSaysSoByKind() throws Exception {
        start("1.2.7", "3000", List.of("3000"));
        try (CgminerRpcDrivers rpc = new CgminerRpcDrivers(SimulatedSite.fastOptions())) {
            CgminerRpcDriver readOnly = rpc.open(site.address(ID), MinerCredentials.vnishDefault());
            DriverSettingsPort port = new DriverSettingsPort(miner -> readOnly);

            OperationNotSupportedException pause = assertThrows(OperationNotSupportedException.class,
                    readOnly::pauseMining);
            assertEquals(MinerOperation.PAUSE_MINING, pause.operation());
            assertSame(Failure.UNSUPPORTED, assertThrows(MinerAccessException.class,
                    () -> port.write(MINER, SettingValues.none().withMiningPaused(true))).failure());
            assertSame(Failure.UNSUPPORTED, assertThrows(MinerAccessException.class, () -> port.read(MINER))
                    .failure());
            assertEquals(MinerStatus.MINING, port.observe(MINER).status(), "it still reads telemetry");
        }
    }

    @Test
    void aBackupRestoresTheSettingsItWasTakenWith() throws Exception {
        DriverSettingsPort port = start("1.3.4", "3000", List.of("3000", "2710"));
        SettingValues original = port.read(MINER);
        FirmwareBackup backup = port.backup(MINER);
        assertTrue(backup.archive().length > 0);

        port.write(MINER, SettingValues.none().withPreset("2710").withCooling(58, 40)
                .withPools(List.of(new PoolTarget("elsewhere.example.net:3333", "other", "y"))));
        assertEquals("2710", port.read(MINER).preset());

        port.restore(MINER, backup);
        site.advance(SETTLE);

        assertEquals(original, port.read(MINER));
    }

    @Test
    void aMinerThatVanishesAfterTakingTheWriteFailsAsUnreachable() throws Exception {
        start("1.3.4", "3000", List.of("3000", "2710"));
        try (CuttingProxy proxy = new CuttingProxy(site.endpoint(ID).httpPort(), "POST /api/v1/settings ",
                CuttingProxy.Cut.VANISH)) {
            VnishDriver cut = drivers.open(new MinerAddress("127.0.0.1", proxy.port(),
                    site.endpoint(ID).rpcPort()), MinerCredentials.vnishDefault());
            DriverSettingsPort port = new DriverSettingsPort(miner -> cut);

            MinerAccessException e = assertThrows(MinerAccessException.class,
                    () -> port.write(MINER, SettingValues.none().withPreset("2710")));

            assertSame(Failure.UNREACHABLE, e.failure(), e.toString());
            assertTrue(proxy.cut());
            assertEquals("2710", miner().settings().overclock().preset(), "the write reached the miner");
            assertSame(Failure.UNREACHABLE, assertThrows(MinerAccessException.class, () -> port.read(MINER))
                    .failure());
        }
    }

    @Test
    void aMinerThatHangsAfterTakingTheWriteFailsAsATimeoutWithinTheDriverBound() throws Exception {
        start("1.2.7", "3000", List.of("3000"));
        try (CuttingProxy proxy = new CuttingProxy(site.endpoint(ID).httpPort(), "POST /api/v1/settings ",
                CuttingProxy.Cut.HANG)) {
            VnishDriver hung = drivers.open(new MinerAddress("127.0.0.1", proxy.port(),
                    site.endpoint(ID).rpcPort()), MinerCredentials.vnishDefault());
            DriverSettingsPort port = new DriverSettingsPort(miner -> hung);
            long started = System.nanoTime();

            MinerAccessException e = assertThrows(MinerAccessException.class,
                    () -> port.write(MINER, SettingValues.none().withCooling(55, null)));

            assertSame(Failure.TIMEOUT, e.failure(), e.toString());
            assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(6)) < 0);
            assertEquals(55, miner().settings().cooling().modeParam(), "the write reached the miner");
        }
    }

    @Test
    void valuesOutOfEveryFirmwaresRangeAreRefusedBeforeAnyRequest() {
        DriverSettingsPort port = new DriverSettingsPort(miner -> {
            throw new AssertionError("no driver may be asked for " + miner);
        });

        assertRefused(port, SettingValues.none().withThrottle(10), "throttlePercent");
        assertRefused(port, SettingValues.none().withCooling(150, null), "targetTempC");
        assertRefused(port, SettingValues.none().withCooling(60, 120), "fanMinDutyPercent");
        assertRefused(port, SettingValues.none().withClocks(-5, null), "frequencyMhz");
        assertRefused(port, SettingValues.none().withClocks(null, Double.NaN), "voltageVolts");
        assertRefused(port, SettingValues.none().withPowerTarget(0), "powerTargetWatts");
        assertRefused(port, SettingValues.none().withPools(List.of()), "pools");
        assertRefused(port, SettingValues.none().withPools(List.of(new PoolTarget("ok.example.net:3333", "w", ""),
                new PoolTarget("no-port.example.net", "w", ""))), "pools[2].url");
    }

    @Test
    void valuesOutsideThisFirmwaresBoundsAreRefusedWithoutWritingAnything() throws Exception {
        DriverSettingsPort port = start("1.3.4", "3000", List.of("3000"));
        MinerSettings before = miner().settings();

        assertRefused(port, SettingValues.none().withClocks(1200, 13.5), "frequencyMhz");
        assertRefused(port, SettingValues.none().withClocks(600, 16.0), "voltageVolts");
        assertRefused(port, SettingValues.none().withPreset("9999"), "preset");
        assertRefused(port, SettingValues.none().withCooling(95, null), "targetTempC");
        assertRefused(port, SettingValues.none().withCooling(60, 5), "fanMinDutyPercent");

        assertEquals(before, miner().settings());
    }

    @Test
    void theFanMinimumAloneKeepsTheAutoTargetAndIsRefusedInManualFanMode() throws Exception {
        DriverSettingsPort port = start("1.2.7", "3000", List.of("3000"));
        int target = miner().settings().cooling().modeParam();

        assertEquals(40, port.write(MINER, SettingValues.none().withCooling(null, 40)).fanMinDutyPercent());
        assertEquals(target, miner().settings().cooling().modeParam());

        driver.apply(SettingsChange.none().withFan(FanSettings.of(new FanMode.Manual(80))));
        assertRefused(port, SettingValues.none().withCooling(null, 30), "fanMinDutyPercent");
    }

    private static void assertRefused(DriverSettingsPort port, SettingValues change, String setting) {
        SettingOutOfRangeException e = assertThrows(SettingOutOfRangeException.class,
                () -> port.write(MINER, change), change.toString());
        assertEquals(setting, e.setting(), e.getMessage());
        assertSame(Failure.REJECTED, e.failure());
    }
}
