package io.hashdesk.drivers.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.drivers.api.AppliedSettings;
import io.hashdesk.drivers.api.FanMode;
import io.hashdesk.drivers.api.FanSettings;
import io.hashdesk.drivers.api.ManualClocks;
import io.hashdesk.drivers.api.MinerCredentials;
import io.hashdesk.drivers.api.MinerOperation;
import io.hashdesk.drivers.api.OperationNotSupportedException;
import io.hashdesk.drivers.api.PartOutcome;
import io.hashdesk.drivers.api.PoolSetting;
import io.hashdesk.drivers.api.PowerPreset;
import io.hashdesk.drivers.api.SettingsBackup;
import io.hashdesk.drivers.api.SettingsChange;
import io.hashdesk.drivers.api.SettingsPart;
import io.hashdesk.drivers.sim.MinerBlueprint;
import io.hashdesk.drivers.sim.MinerSettings;
import io.hashdesk.drivers.sim.MinerState;
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
 * Every write of the Vnish driver against a simulated miner: the read-back the driver reports agrees with what the
 * simulated unit now holds, and the unit's physics shows the change once simulated time has passed.
 */
class VnishDriverAppliesSettingsTest {

    private static final String ID = "m";
    /** Restart, initialize and start take under a minute; thermal lags settle within ten. */
    private static final Duration SETTLE = Duration.ofMinutes(10);

    private final VnishDrivers drivers = new VnishDrivers(SimulatedSite.fastOptions());
    private SimulatedSite site;

    @AfterEach
    void stop() {
        drivers.close();
        if (site != null) {
            site.close();
        }
    }

    private VnishDriver start(MinerBlueprint blueprint) {
        site = SimulatedSite.of(blueprint);
        site.advance(Duration.ofMinutes(3));
        return drivers.open(site.address(ID), MinerCredentials.vnishDefault());
    }

    private SimulatedMiner miner() {
        return site.miner(ID);
    }

    private static TelemetrySnapshot read(VnishDriver driver) throws MinerAccessException {
        return driver.readSnapshot(MinerId.of(ID));
    }

    private static PartOutcome part(AppliedSettings applied, SettingsPart which) {
        return applied.part(which).orElseThrow(() -> new AssertionError("no outcome for " + which + ": " + applied));
    }

    /** The pools in use; the firmware keeps three slots, and an empty one is no pool. */
    private static List<MinerSettings.Pool> configured(List<MinerSettings.Pool> slots) {
        return slots.stream().filter(p -> !p.empty()).toList();
    }

    @Test
    void aTunedPresetReadsBackAppliedAndItsPowerShowsAfterTheSettleTime() throws Exception {
        VnishDriver driver = start(MinerBlueprint.of(ID, "antminer-s19", "1.2.7", 21)
                .withPreset("3000", List.of("2710")));
        double before = read(driver).powerWatts();

        AppliedSettings applied = driver.apply(SettingsChange.none().withPreset("2710"));

        assertTrue(part(applied, SettingsPart.PRESET).applied(), applied.toString());
        assertEquals("2710", miner().settings().overclock().preset());
        site.advance(SETTLE);
        TelemetrySnapshot after = read(driver);
        assertEquals(MinerStatus.MINING, after.status());
        assertEquals("2710", after.preset());
        assertTrue(after.powerWatts() < before - 150, before + " W → " + after.powerWatts() + " W");
        assertEquals(2710, after.powerWatts(), 2710 * 0.07, "the preset's power target, give or take the room");
        assertEquals(miner().reading().powerWatts(), after.powerWatts(), 0.5);
    }

    @Test
    void aPowerTargetSelectsTheHighestTunedPresetAtOrBelowIt() throws Exception {
        VnishDriver driver = start(MinerBlueprint.of(ID, "antminer-s19", "1.2.7", 22)
                .withPreset("3000", List.of("2310", "2710")));

        AppliedSettings applied = driver.apply(SettingsChange.none().withPowerTarget(2800));

        PartOutcome preset = part(applied, SettingsPart.PRESET);
        assertTrue(preset.applied(), preset.toString());
        assertTrue(preset.requested().contains("2710"), preset.requested());
        assertEquals("2710", miner().settings().overclock().preset(), "2850 is closer but untuned");
    }

    @Test
    void anUntunedPresetAutotunesFirstThenRunsTunedNearItsPower() throws Exception {
        VnishDriver driver = start(MinerBlueprint.of(ID, "antminer-s19j-pro", "1.2.7", 23)
                .withPreset("2900", List.of()));
        assertFalse(driver.presets().stream().filter(p -> p.name().equals("2500")).findFirst().orElseThrow().tuned());

        driver.apply(SettingsChange.none().withPreset("2500"));
        site.advance(Duration.ofMinutes(1));
        assertEquals(MinerState.AUTO_TUNING, miner().state());
        assertEquals(MinerStatus.STARTING, read(driver).status(), "auto-tuning is not steady mining yet");

        site.advance(SETTLE);
        TelemetrySnapshot tuned = read(driver);
        assertEquals(MinerStatus.MINING, tuned.status());
        assertEquals("2500", tuned.preset());
        assertEquals(2500, tuned.powerWatts(), 2500 * 0.07);
        PowerPreset preset = driver.presets().stream().filter(p -> p.name().equals("2500")).findFirst().orElseThrow();
        assertTrue(preset.tuned(), "autotune finished for 2500");
        assertTrue(part(driver.apply(SettingsChange.none().withPreset("2500")), SettingsPart.PRESET).applied());
    }

    @Test
    void manualClocksInVoltsReachTheMinerInTenMillivoltSteps() throws Exception {
        VnishDriver driver = start(MinerBlueprint.of(ID, "antminer-s19", "1.3.4", 24)
                .withPreset("3000", List.of()));

        AppliedSettings applied = driver.apply(SettingsChange.none().withClocks(new ManualClocks(600, 13.456)));

        assertTrue(part(applied, SettingsPart.MANUAL_CLOCKS).applied(), applied.toString());
        MinerSettings.Overclock overclock = miner().settings().overclock();
        assertTrue(overclock.manual(), "manual clocks select the firmware's 'disabled' preset");
        assertEquals(600, overclock.globalFreqMhz());
        assertEquals(1346, overclock.globalVoltage10mV(), "13.456 V rounds to 1346 × 10 mV");
        site.advance(Duration.ofMinutes(2));
        TelemetrySnapshot snapshot = read(driver);
        assertEquals(PowerPreset.MANUAL, snapshot.preset());
        assertEquals(600, snapshot.frequencyMhz(), 0.01);
        assertEquals(13.46, snapshot.voltageVolts(), 1e-6, "the boards now run the written voltage");
    }

    @Test
    void fanModesAndTheOverTemperatureLimitApplyAndShowInTelemetry() throws Exception {
        VnishDriver driver = start(MinerBlueprint.of(ID, "antminer-s21", "1.3.4", 25));

        AppliedSettings manual = driver.apply(SettingsChange.none()
                .withFan(new FanSettings(new FanMode.Manual(70), null, 2)).withOverTempRestart(95));

        assertTrue(manual.allApplied(), manual.toString());
        MinerSettings.Cooling cooling = miner().settings().cooling();
        assertEquals(MinerSettings.FanMode.MANUAL, cooling.mode());
        assertEquals(70, cooling.modeParam());
        assertEquals(2, cooling.fanMinCount());
        assertEquals(95, miner().settings().misc().restartTempC());
        site.advance(Duration.ofMinutes(2));
        assertEquals(70, read(driver).fanPercent(), 0.5, "fans run at the manual duty");

        AppliedSettings auto = driver.apply(SettingsChange.none().withFan(new FanSettings(new FanMode.Auto(60), 20,
                null)));
        assertTrue(auto.allApplied(), auto.toString());
        assertEquals(MinerSettings.FanMode.AUTO, miner().settings().cooling().mode());
        assertEquals(20, miner().settings().cooling().fanMinDutyPercent());
        site.advance(SETTLE);
        assertEquals(60, read(driver).chipTempMaxC(), 1.5, "auto mode holds the target chip temperature");
    }

    @Test
    void poolsAreStoredWithoutSchemeAndMiningRestartsOntoTheNewPool() throws Exception {
        VnishDriver driver = start(MinerBlueprint.of(ID, "antminer-s19j-pro", "1.2.7", 26));
        int restarts = miner().restartCount();

        AppliedSettings applied = driver.apply(SettingsChange.none().withPools(List.of(
                new PoolSetting("stratum+tcp://pool-a.example.net:3333", "acct.w1", "x"),
                new PoolSetting("pool-b.example.net:443", "acct.w2", "secret"))));

        assertTrue(part(applied, SettingsPart.POOLS).applied(), applied.toString());
        assertTrue(applied.restartRequired() && applied.miningRestarted(), "pool changes need a mining restart");
        assertEquals(restarts + 1, miner().restartCount());
        List<MinerSettings.Pool> pools = miner().settings().pools();
        assertEquals("pool-a.example.net:3333", pools.get(0).url());
        assertEquals("acct.w1", pools.get(0).user());
        assertEquals("pool-b.example.net:443", pools.get(1).url());
        assertEquals("secret", pools.get(1).pass());
        assertTrue(pools.size() < 3 || pools.get(2).empty(), "the third slot is emptied");
        site.advance(Duration.ofMinutes(2));
        TelemetrySnapshot snapshot = read(driver);
        assertEquals(MinerStatus.MINING, snapshot.status());
        assertEquals("pool-a.example.net:3333", snapshot.poolUrl());
    }

    @Test
    void throttleOnTheOneThreeLineScalesPowerDown() throws Exception {
        VnishDriver driver = start(MinerBlueprint.of(ID, "antminer-s21", "1.3.4", 27));
        double full = read(driver).powerWatts();

        AppliedSettings applied = driver.apply(SettingsChange.none().withThrottle(50));

        assertTrue(part(applied, SettingsPart.THROTTLE).applied(), applied.toString());
        assertEquals(50, miner().throttlePercent());
        site.advance(SETTLE);
        assertTrue(read(driver).powerWatts() < full * 0.65, "half the frequency, well under two thirds the power");
    }

    @Test
    void throttleOnTheOneTwoLineIsRefusedAsUnsupportedBeforeAnythingIsWritten() throws Exception {
        VnishDriver driver = start(MinerBlueprint.of(ID, "antminer-s19", "1.2.7", 28));
        MinerSettings before = miner().settings();

        OperationNotSupportedException e = assertThrows(OperationNotSupportedException.class,
                () -> driver.apply(SettingsChange.none().withFan(FanSettings.of(new FanMode.Manual(70)))
                        .withThrottle(50)));

        assertSame(MinerAccessException.Failure.UNSUPPORTED, e.failure());
        assertEquals(MinerOperation.THROTTLE, e.operation());
        assertEquals(before, miner().settings(), "the fan part was not written either");
        assertEquals(100, miner().throttlePercent());
    }

    @Test
    void restartMiningTakesTheMinerThroughStartingBackToMining() throws Exception {
        VnishDriver driver = start(MinerBlueprint.of(ID, "antminer-s19", "1.3.4", 29));
        int restarts = miner().restartCount();

        driver.restartMining();

        assertEquals(restarts + 1, miner().restartCount());
        assertEquals(MinerState.RESTARTING, miner().state());
        assertEquals(MinerStatus.STARTING, read(driver).status());
        site.advance(Duration.ofMinutes(1));
        assertEquals(MinerStatus.MINING, read(driver).status());
    }

    @Test
    void rebootClosesThePortsUntilTheMinerIsBackAndThenReadsAgain() throws Exception {
        VnishDriver driver = start(MinerBlueprint.of(ID, "antminer-s19j-pro", "1.2.7", 30));
        read(driver);

        Duration after = driver.reboot();

        assertEquals(Duration.ofSeconds(3), after, "the firmware's announced delay");
        site.advance(after.plusSeconds(2));
        assertEquals(MinerState.OFFLINE, miner().state());
        MinerAccessException down = assertThrows(MinerAccessException.class, () -> read(driver));
        assertSame(MinerAccessException.Failure.UNREACHABLE, down.failure(), down.getMessage());
        site.advance(Duration.ofMinutes(3));
        TelemetrySnapshot back = read(driver);
        assertEquals(MinerStatus.MINING, back.status(), "the driver unlocks again after the reboot dropped its token");
        assertTrue(back.hashrateThs() > 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.7", "1.3.4"})
    void blinkTurnsTheLocateLedOnAndOffOnBothFirmwareLines(String firmware) throws Exception {
        VnishDriver driver = start(MinerBlueprint.of(ID, "antminer-s19", firmware, 31));

        driver.blink(true);
        assertTrue(miner().locateOn());
        driver.blink(true);
        assertTrue(miner().locateOn(), "asking for 'on' twice leaves it on, though the firmware toggles");
        driver.blink(false);
        assertFalse(miner().locateOn());
    }

    @Test
    void restoringABackupBringsTheOldSettingsBackAfterTheReboot() throws Exception {
        VnishDriver driver = start(MinerBlueprint.of(ID, "antminer-s19", "1.3.4", 32)
                .withPreset("3000", List.of("2710")));
        MinerSettings original = miner().settings();
        SettingsBackup backup = driver.backup();
        assertEquals("1.3.4", backup.firmwareVersion());
        assertTrue(backup.archive().length > 0);
        assertFalse(backup.toString().contains("\"pass\""), "toString never shows pool passwords");

        assertTrue(driver.apply(SettingsChange.none().withPreset("2710")
                .withFan(FanSettings.of(new FanMode.Manual(90)))
                .withPools(List.of(new PoolSetting("other.example.net:25", "someone.else", "x")))).allApplied());
        assertNotEquals(original, miner().settings());

        Duration rebootIn = driver.restore(backup);

        site.advance(rebootIn.plusMinutes(4));
        SimulatedMiner miner = miner();
        assertEquals(original.overclock(), miner.settings().overclock());
        assertEquals(original.cooling(), miner.settings().cooling());
        assertEquals(configured(original.pools()), configured(miner.settings().pools()));
        assertEquals(original.misc().restartTempC(), miner.settings().misc().restartTempC());
        TelemetrySnapshot snapshot = read(driver);
        assertEquals(MinerStatus.MINING, snapshot.status());
        assertEquals("3000", snapshot.preset());
        assertEquals("stratum.example.org:3333", snapshot.poolUrl(), "mining restarted onto the restored pool");
    }
}
