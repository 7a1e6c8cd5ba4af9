package io.hashdesk.drivers.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Settings and commands take effect in the model after the times the firmware takes. */
class SettingsEffectTest {

    private static final double AMBIENT_C = 24;

    private static PresetInfo preset(SimulatedMiner miner, String name) {
        return miner.presets().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void anUntunedPresetAutotunesForMinutesThenMinesTunedNearItsPower() {
        TestFarm farm = TestFarm.of(AMBIENT_C, MinerBlueprint.of("m", "antminer-s19j-pro", "1.2.7", 1));
        SimulatedMiner miner = farm.only();
        assertFalse(preset(miner, "2500").tuned());
        SaveResult result = miner.applySettings(miner.settings().withOverclock(
                miner.settings().overclock().withPreset("2500")));
        assertFalse(result.restartRequired(), "the firmware restarts by itself for new clocks");
        assertEquals(MinerState.RESTARTING, miner.state());
        farm.advance(Duration.ofSeconds(60));
        assertEquals(MinerState.AUTO_TUNING, miner.state());
        farm.advance(Duration.ofMinutes(5));
        assertEquals(MinerState.AUTO_TUNING, miner.state(), "tuning takes a few minutes");
        assertFalse(preset(miner, "2500").tuned());
        farm.advance(Duration.ofMinutes(2));
        assertEquals(MinerState.MINING, miner.state());
        assertTrue(preset(miner, "2500").tuned());
        assertEquals("2500", miner.currentPreset().name());
        farm.advance(Duration.ofMinutes(10));
        assertEquals(2500, miner.reading().powerWatts(), 2500 * 0.05);
    }

    @Test
    void aTunedPresetOnlyRestartsBriefly() {
        TestFarm farm = TestFarm.of(AMBIENT_C, MinerBlueprint.of("m", "antminer-s19", "1.2.7", 2)
                .withPreset("3000", List.of("2710")));
        SimulatedMiner miner = farm.only();
        double before = miner.reading().powerWatts();
        miner.applySettings(miner.settings().withOverclock(miner.settings().overclock().withPreset("2710")));
        farm.advance(Duration.ofSeconds(45));
        assertEquals(MinerState.MINING, miner.state(), "restart, initialize, start: well under a minute");
        farm.advance(Duration.ofMinutes(10));
        assertTrue(miner.reading().powerWatts() < before - 150, before + " -> " + miner.reading().powerWatts());
    }

    @Test
    void tuningBuysHashrateOverTheStockTableOnTheSamePowerBudget() {
        TestFarm farm = TestFarm.of(AMBIENT_C, MinerBlueprint.of("m", "antminer-s19-pro", "1.2.7", 3));
        SimulatedMiner miner = farm.only();
        miner.applySettings(miner.settings().withOverclock(miner.settings().overclock().withPreset("2710")));
        farm.advance(Duration.ofMinutes(4));
        assertEquals(MinerState.AUTO_TUNING, miner.state());
        double tuning = miner.reading().hrNominal();
        farm.advance(Duration.ofMinutes(10));
        assertEquals(MinerState.MINING, miner.state());
        assertTrue(miner.reading().hrNominal() > tuning, "tuned clocks beat the stock table: " + tuning + " -> "
                + miner.reading().hrNominal());
    }

    @Test
    void manualClocksAndFanModesApply() {
        TestFarm farm = TestFarm.of(AMBIENT_C, MinerBlueprint.of("m", "antminer-s19", "1.2.7", 4));
        SimulatedMiner miner = farm.only();
        TestFarm.manualClocks(miner, 500, 1300);
        TestFarm.coolingMode(miner, MinerSettings.FanMode.MANUAL, 85);
        farm.advance(Duration.ofMinutes(2));
        MinerReading reading = miner.reading();
        assertEquals(500, reading.boards().getFirst().freqMhz(), 1e-9);
        assertEquals(13000, reading.boards().getFirst().voltageMv(), "settings volt 1300 (10 mV) = 13000 mV");
        assertEquals(85, reading.fanDutyPercent());
        TestFarm.coolingMode(miner, MinerSettings.FanMode.AUTO, 55);
        farm.advance(Duration.ofMinutes(10));
        assertEquals(55, miner.reading().chipTempMaxC(), 1, "auto mode holds the target chip temperature");
        TestFarm.coolingMode(miner, MinerSettings.FanMode.IMMERSION, 0);
        farm.advance(Duration.ofMinutes(5));
        assertEquals(0, miner.reading().fanDutyPercent());
        assertTrue(miner.reading().fans().stream().allMatch(f -> f.rpm() == 0 && !f.lost()));
        assertEquals(MinerState.MINING, miner.state(), "no fans are required in immersion");
    }

    @Test
    void aLowRestartTemperatureTripsOverheatProtection() {
        TestFarm farm = TestFarm.of(AMBIENT_C, MinerBlueprint.of("m", "antminer-s19", "1.2.7", 5));
        SimulatedMiner miner = farm.only();
        miner.applySettings(miner.settings().withMisc(miner.settings().misc().withRestartTemp(55)));
        farm.advance(Duration.ofSeconds(30));
        assertEquals(MinerState.RESTARTING, miner.state());
        assertTrue(miner.reading().description().startsWith("Overheated"), miner.reading().description());
        assertEquals(100, miner.reading().fanDutyPercent(), 5, "fans flat out while cooling down");
    }

    @Test
    void throttlingScalesFrequencyAndPower() {
        TestFarm farm = TestFarm.of(AMBIENT_C, MinerBlueprint.of("m", "antminer-s21", "1.3.4", 6));
        SimulatedMiner miner = farm.only();
        MinerReading full = miner.reading();
        miner.throttle(50);
        farm.advance(Duration.ofMinutes(10));
        MinerReading half = miner.reading();
        assertEquals(50, half.throttlePercent());
        assertEquals(0.5, half.hrNominal() / full.hrNominal(), 1e-6);
        assertTrue(half.powerWatts() < full.powerWatts() * 0.65);
    }

    @Test
    void poolChangesWaitForAMiningRestartAndSwitchingPicksAConfiguredPool() {
        TestFarm farm = TestFarm.of(AMBIENT_C, MinerBlueprint.of("m", "antminer-s19", "1.2.7", 7));
        SimulatedMiner miner = farm.only();
        SaveResult result = miner.applySettings(miner.settings().withPools(List.of(
                new MinerSettings.Pool("a.example:3333", "w", "x"), new MinerSettings.Pool("b.example:3333", "w", "x"))));
        assertTrue(result.restartRequired());
        assertTrue(miner.pending().restartRequired());
        assertEquals("stratum.example.org:3333", miner.reading().pools().getFirst().url(), "still the old pool");
        assertFalse(miner.switchPool(1), "the new second pool is not in use yet");
        miner.restartMining();
        farm.advance(Duration.ofMinutes(1));
        assertFalse(miner.pending().restartRequired());
        assertEquals("a.example:3333", miner.reading().pools().getFirst().url());
        assertTrue(miner.switchPool(1));
        assertFalse(miner.switchPool(2), "slot 3 is empty");
        farm.advance(Duration.ofMinutes(30));
        MinerReading reading = miner.reading();
        assertEquals(MinerReading.PoolStatus.ACTIVE, reading.pools().get(1).status());
        assertTrue(reading.pools().get(1).accepted() > 0);
        assertTrue(reading.pools().getLast().devFee());
    }

    @Test
    void stopStartAndRebootFollowTheFirmwareStates() {
        TestFarm farm = TestFarm.of(AMBIENT_C, MinerBlueprint.of("m", "antminer-t19", "1.2.7", 8));
        SimulatedMiner miner = farm.only();
        miner.stopMining();
        assertEquals(MinerState.SHUTTING_DOWN, miner.state());
        farm.advance(Duration.ofSeconds(5));
        assertEquals(MinerState.STOPPED, miner.state());
        assertEquals(0, miner.reading().hrRealtime());
        miner.startMining();
        assertEquals(MinerState.INITIALIZING, miner.state());
        farm.advance(Duration.ofSeconds(30));
        assertEquals(MinerState.STARTING, miner.state());
        farm.advance(Duration.ofSeconds(10));
        assertEquals(MinerState.MINING, miner.state());
        int boots = miner.bootCount();
        assertEquals(Duration.ofSeconds(3), miner.reboot());
        assertTrue(miner.reachable(), "it still answers for the promised delay");
        farm.advance(Duration.ofSeconds(5));
        assertFalse(miner.reachable());
        assertEquals(MinerState.OFFLINE, miner.state());
        farm.advance(Duration.ofSeconds(90));
        assertTrue(miner.reachable());
        assertEquals(MinerState.INITIALIZING, miner.state());
        assertEquals(boots + 1, miner.bootCount());
        assertTrue(miner.reading().uptimeSeconds() < 10);
    }

    @Test
    void aLocateToggleFlipsEachTime() {
        TestFarm farm = TestFarm.of(AMBIENT_C, MinerBlueprint.of("m", "antminer-s19", "1.2.7", 9));
        SimulatedMiner miner = farm.only();
        assertTrue(miner.toggleLocate());
        assertTrue(miner.reading().locateOn());
        assertFalse(miner.toggleLocate());
    }
}
