package io.hashdesk.drivers.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The firmware's preset switcher on the stepped clock: down one preset after {@code check_time} above
 * {@code decrease_temp}, up one after {@code check_time} below {@code rise_temp}, within its bounds, while the
 * configured preset in the settings stays as it was.
 */
class PresetSwitcherTest {

    private static final double AMBIENT_C = 24;
    /** An S19 in auto cooling holds its chips near 65 °C. */
    private static final int ABOVE_THE_CHIPS_C = 80;
    private static final int BELOW_THE_CHIPS_C = 55;
    private static final int CHECK_SECONDS = 60;
    /** Long enough for a restart (40 s), the chips warming back up and check_time, with room to spare. */
    private static final Duration NEXT_STEP_WITHIN = Duration.ofMinutes(6);

    private static TestFarm farm() {
        return TestFarm.of(AMBIENT_C, MinerBlueprint.of("m", "antminer-s19", "1.2.7", 11)
                .withPreset("3000", List.of("2850", "2710", "3150")));
    }

    /**
     * Advances in 5 s steps until the running preset is no longer {@code from}; returns how long that took.
     * Fails if it does not happen within {@link #NEXT_STEP_WITHIN}.
     */
    private static Duration untilPresetLeaves(TestFarm farm, String from) {
        Duration waited = Duration.ZERO;
        while (farm.only().currentPreset().name().equals(from)) {
            assertTrue(waited.compareTo(NEXT_STEP_WITHIN) < 0, "the switcher never left preset " + from);
            farm.advance(Duration.ofSeconds(5));
            waited = waited.plusSeconds(5);
        }
        return waited;
    }

    private static void switcher(SimulatedMiner miner, boolean enabled, String top, String min, int decreaseC,
                                 int riseC) {
        MinerSettings.Overclock overclock = miner.settings().overclock();
        MinerSettings.PresetSwitcher current = overclock.presetSwitcher();
        miner.applySettings(miner.settings().withOverclock(overclock.withPresetSwitcher(
                new MinerSettings.PresetSwitcher(enabled, top, min, decreaseC, riseC, CHECK_SECONDS,
                        current.autochangeTopPreset(), current.ignoreFanSpeed(), current.powerDelta()))));
    }

    @Test
    void stepsDownOnePresetAfterCheckTimeAboveDecreaseTempAndKeepsTheConfiguredPreset() {
        TestFarm farm = farm();
        SimulatedMiner miner = farm.only();
        farm.advance(Duration.ofMinutes(5));
        assertTrue(miner.reading().chipTempMaxC() > BELOW_THE_CHIPS_C, "the chips must run above decrease_temp");
        switcher(miner, true, null, null, BELOW_THE_CHIPS_C, 40);
        assertEquals(MinerState.MINING, miner.state(), "changing the switcher alone does not restart mining");
        farm.advance(Duration.ofSeconds(CHECK_SECONDS - 5));
        assertEquals("3000", miner.currentPreset().name(), "not before check_time has passed");
        farm.advance(Duration.ofSeconds(10));
        assertEquals("2850", miner.currentPreset().name());
        assertEquals("3000", miner.settings().overclock().preset(), "the configured preset stays");
        assertEquals(MinerState.RESTARTING, miner.state(), "new clocks need a mining restart");
        Duration waited = untilPresetLeaves(farm, "2850");
        assertTrue(waited.toSeconds() >= CHECK_SECONDS, "hot for check_time again first, took " + waited);
        assertEquals("2710", miner.currentPreset().name(), "still hot: one more step down");
        farm.advance(Duration.ofMinutes(1));
        double lowerPower = miner.reading().powerWatts();
        assertTrue(lowerPower < 2850, "running the lower preset draws less: " + lowerPower);
        assertTrue(miner.log().text(EventLog.LogType.STATUS, java.time.ZoneOffset.UTC)
                .contains("Preset switcher: chip temp"), "the firmware says why it switched");
    }

    @Test
    void neverStepsBelowMinPreset() {
        TestFarm farm = farm();
        SimulatedMiner miner = farm.only();
        switcher(miner, true, null, "2850", BELOW_THE_CHIPS_C, 40);
        farm.advance(Duration.ofMinutes(15));
        assertEquals("2850", miner.currentPreset().name());
        assertEquals(MinerState.MINING, miner.state());
    }

    @Test
    void stepsBackUpWhenCoolButNotAboveTheConfiguredPresetWithoutATopPreset() {
        TestFarm farm = farm();
        SimulatedMiner miner = farm.only();
        switcher(miner, true, null, "2710", BELOW_THE_CHIPS_C, 40);
        untilPresetLeaves(farm, "3000");
        untilPresetLeaves(farm, "2850");
        assertEquals("2710", miner.currentPreset().name());
        switcher(miner, true, null, null, 90, ABOVE_THE_CHIPS_C);
        Duration waited = untilPresetLeaves(farm, "2710");
        assertTrue(waited.toSeconds() >= CHECK_SECONDS, "cool for check_time first, took " + waited);
        assertEquals("2850", miner.currentPreset().name(), "cool for check_time: one step up");
        untilPresetLeaves(farm, "2850");
        assertEquals("3000", miner.currentPreset().name());
        farm.advance(Duration.ofMinutes(10));
        assertEquals("3000", miner.currentPreset().name(), "the configured preset is the ceiling");
        assertEquals(MinerState.MINING, miner.state());
    }

    @Test
    void topPresetLetsTheSwitcherRiseAboveTheConfiguredPreset() {
        TestFarm farm = farm();
        SimulatedMiner miner = farm.only();
        switcher(miner, true, "3150", null, 90, ABOVE_THE_CHIPS_C);
        farm.advance(Duration.ofSeconds(CHECK_SECONDS + 5));
        assertEquals("3150", miner.currentPreset().name());
        farm.advance(Duration.ofMinutes(10));
        assertEquals("3150", miner.currentPreset().name(), "never above top_preset");
    }

    @Test
    void turningTheSwitcherOffRunsTheConfiguredPresetAgain() {
        TestFarm farm = farm();
        SimulatedMiner miner = farm.only();
        switcher(miner, true, null, null, BELOW_THE_CHIPS_C, 40);
        farm.advance(Duration.ofSeconds(CHECK_SECONDS + 5));
        assertEquals("2850", miner.currentPreset().name());
        switcher(miner, false, null, null, BELOW_THE_CHIPS_C, 40);
        assertEquals("3000", miner.currentPreset().name());
        assertEquals(MinerState.RESTARTING, miner.state());
        farm.advance(Duration.ofMinutes(5));
        assertEquals("3000", miner.currentPreset().name(), "a disabled switcher does nothing");
    }

    @Test
    void aDisabledSwitcherLeavesAHotUnitOnItsPreset() {
        TestFarm farm = farm();
        SimulatedMiner miner = farm.only();
        switcher(miner, false, null, null, BELOW_THE_CHIPS_C, 40);
        farm.advance(Duration.ofMinutes(10));
        assertEquals("3000", miner.currentPreset().name());
    }
}
