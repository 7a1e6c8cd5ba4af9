package io.hashdesk.drivers.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A unit's physics over simulated time: hashrate, power, temperature, dust, fan wear, board failure, errors. */
class UnitPhysicsBehaviourTest {

    private static final double AMBIENT_C = 25;

    @Test
    void hashrateScalesWithFrequency() {
        TestFarm farm = TestFarm.of(AMBIENT_C, MinerBlueprint.of("m", "antminer-s19", "1.2.7", 1));
        SimulatedMiner miner = farm.only();
        TestFarm.manualClocks(miner, 400, 1400);
        farm.advance(Duration.ofMinutes(2));
        MinerReading slow = miner.reading();
        TestFarm.manualClocks(miner, 600, 1400);
        farm.advance(Duration.ofMinutes(2));
        MinerReading fast = miner.reading();
        assertEquals(MinerState.MINING, fast.state());
        assertEquals(1.5, fast.hrNominal() / slow.hrNominal(), 1e-9);
        assertEquals(1.5, fast.hrRealtime() / slow.hrRealtime(), 0.08);
    }

    @Test
    void chipTemperatureSettlesAtAmbientPlusPowerTimesResistanceAndDecaysWithTheThermalLag() {
        TestFarm farm = TestFarm.of(AMBIENT_C, MinerBlueprint.of("m", "antminer-s19", "1.2.7", 2));
        SimulatedMiner miner = farm.only();
        TestFarm.coolingMode(miner, MinerSettings.FanMode.MANUAL, 100);
        farm.advance(Duration.ofMinutes(20));
        ModelParameters m = miner.model().parameters();
        OperatingPoint settled = miner.steadyStateAt(m.defaultFreqMhz(), m.defaultVoltage10mV());
        MinerReading warm = miner.reading();
        assertEquals(settled.chipTempC(), warm.chipTempMaxC(), 1.0, "the stepped model settles where the steady"
                + " state says");
        assertEquals(settled.powerWatts(), warm.powerWatts(), settled.powerWatts() * 0.01);

        miner.pauseMining();
        double rise = warm.chipTempMaxC() - AMBIENT_C;
        farm.advance(Duration.ofSeconds(90));
        assertEquals(rise * Math.exp(-1), miner.reading().chipTempMaxC() - AMBIENT_C, 1.0,
                "one lag time after the power stops, e^-1 of the rise is left");
        farm.advance(Duration.ofSeconds(180));
        assertEquals(rise * Math.exp(-3), miner.reading().chipTempMaxC() - AMBIENT_C, 1.0);
    }

    @Test
    void dustGatheredOverWeeksRaisesChipTemperatureOrFanDuty() {
        TestFarm farm = TestFarm.of(AMBIENT_C, Duration.ofMinutes(1),
                MinerBlueprint.of("fixed", "antminer-s19j-pro", "1.2.7", 3),
                MinerBlueprint.of("auto", "antminer-s19j-pro", "1.2.7", 3));
        TestFarm.coolingMode(farm.miner("fixed"), MinerSettings.FanMode.MANUAL, 70);
        farm.advance(Duration.ofMinutes(30));
        int fixedTempBefore = farm.miner("fixed").reading().chipTempMaxC();
        int autoDutyBefore = farm.miner("auto").reading().fanDutyPercent();
        farm.advance(Duration.ofDays(42));
        assertTrue(farm.miner("fixed").reading().chipTempMaxC() >= fixedTempBefore + 3,
                "six weeks of dust at a fixed fan duty heat the chips: " + fixedTempBefore + " -> "
                        + farm.miner("fixed").reading().chipTempMaxC());
        assertTrue(farm.miner("auto").reading().fanDutyPercent() >= autoDutyBefore + 5,
                "in auto mode the fans work harder instead: " + autoDutyBefore + " -> "
                        + farm.miner("auto").reading().fanDutyPercent());
        assertTrue(farm.miner("auto").groundTruth().dustThermalGain() > 0.1);
        farm.miner("fixed").cleanDust();
        farm.advance(Duration.ofMinutes(30));
        assertEquals(fixedTempBefore, farm.miner("fixed").reading().chipTempMaxC(), 1, "cleaning undoes it");
    }

    @Test
    void aWornFanSagsThenStopsAtItsKnownFailureTimeAndTheMinerStops() {
        TestFarm farm = TestFarm.of(AMBIENT_C, Duration.ofMinutes(1), MinerBlueprint.of("m", "antminer-s19", "1.2.7", 4)
                .withWear(200, 0, List.of(new MinerBlueprint.WornFan(1, 10)), List.of()));
        SimulatedMiner miner = farm.only();
        assertEquals(TestFarm.START.plus(Duration.ofDays(10)), miner.groundTruth().fanFailureTimes().get(1));
        farm.advance(Duration.ofHours(1));
        MinerReading early = miner.reading();
        assertTrue(early.fans().get(1).rpm() < 0.85 * early.fans().get(0).rpm(), "a fan near its end runs slow: "
                + early.fans());
        farm.advance(Duration.ofDays(9));
        MinerReading late = miner.reading();
        assertTrue(late.fans().get(1).rpm() < early.fans().get(1).rpm() * late.fanDutyPercent()
                / early.fanDutyPercent(), "and slower still as it wears: " + early.fans() + " -> " + late.fans());
        assertEquals(MinerState.MINING, late.state());
        farm.advance(Duration.ofDays(1));
        MinerReading failed = miner.reading();
        assertEquals(0, failed.fans().get(1).rpm());
        assertTrue(failed.fans().get(1).lost());
        assertEquals(MinerState.FAILURE, failed.state(), "four fans are required by default");
        assertEquals(0, failed.hrRealtime());
        miner.clear(Fault.FanFailure.class);
        miner.inject(new Fault.FanFailure(1));
        miner.clear(Fault.FanFailure.class);
        farm.advance(Duration.ofMinutes(2));
        assertEquals(MinerState.MINING, miner.reading().state(), "a new fan brings the miner back");
    }

    @Test
    void aBoardShowsRisingErrorsBeforeItFailsAndThenStopsHashing() {
        TestFarm farm = TestFarm.of(AMBIENT_C, Duration.ofMinutes(1), MinerBlueprint.of("m", "antminer-s19", "1.2.7", 5)
                .withWear(0, 0, List.of(), List.of(new MinerBlueprint.BoardFailure(2, 10))));
        SimulatedMiner miner = farm.only();
        assertEquals(TestFarm.START.plus(Duration.ofDays(10)), miner.groundTruth().boardFailureTimes().get(1));
        farm.advance(Duration.ofHours(1));
        double healthyErrors = miner.reading().boards().get(1).errorPercent();
        farm.advance(Duration.ofHours(24 * 10 - 3));
        MinerReading.BoardReading dying = miner.reading().boards().get(1);
        assertTrue(dying.errorPercent() > 20 * healthyErrors, "errors climb before the end: " + healthyErrors
                + " -> " + dying.errorPercent());
        assertTrue(dying.chipsWorking() < miner.model().chipsPerBoard(), "a few chips already dark");
        farm.advance(Duration.ofHours(3));
        MinerReading after = miner.reading();
        assertEquals(MinerReading.BoardState.FAILURE, after.boards().get(1).state());
        assertEquals(0, after.boards().get(1).hrRealtime());
        assertEquals(MinerState.MINING, after.state(), "the other boards keep hashing");
        assertTrue(after.boards().get(0).hrRealtime() > 0 && after.boards().get(2).hrRealtime() > 0);
    }

    @Test
    void hardwareErrorPercentStaysWithinItsBoardsWhenEveryChipErrs() {
        TestFarm farm = TestFarm.of(AMBIENT_C, MinerBlueprint.of("starved", "antminer-s19", "1.2.7", 6));
        TestFarm.manualClocks(farm.miner("starved"), 1000, 1200);
        farm.advance(Duration.ofHours(1));
        MinerReading starved = farm.miner("starved").reading();
        double worstBoard = starved.boards().stream().mapToDouble(MinerReading.BoardReading::errorPercent).max()
                .orElseThrow();
        assertTrue(starved.hwErrorPercent() <= worstBoard && worstBoard <= 100,
                starved.hwErrorPercent() + " % for the miner, worst board " + worstBoard + " %");
    }

    @Test
    void voltageTooLowForTheFrequencyRaisesHardwareErrorsAndRejectedShares() {
        TestFarm farm = TestFarm.of(AMBIENT_C, MinerBlueprint.of("ok", "antminer-s19", "1.2.7", 6),
                MinerBlueprint.of("low", "antminer-s19", "1.2.7", 6));
        TestFarm.manualClocks(farm.miner("low"), 675, 1320);
        farm.advance(Duration.ofHours(3));
        MinerReading ok = farm.miner("ok").reading();
        MinerReading low = farm.miner("low").reading();
        assertTrue(low.hwErrorPercent() > 50 * ok.hwErrorPercent(), ok.hwErrorPercent() + " vs "
                + low.hwErrorPercent());
        assertTrue(low.hwErrors() > 50 * ok.hwErrors());
        assertTrue(low.hrRealtime() < ok.hrRealtime() * 0.97, "errors cost hashrate");
        long okRejected = ok.pools().getFirst().rejected();
        long lowRejected = low.pools().getFirst().rejected();
        assertTrue(lowRejected > 5 * Math.max(1, okRejected), okRejected + " vs " + lowRejected);
        assertTrue(ok.pools().getFirst().accepted() > 500, "shares accumulate from hashrate and time");
    }

    @Test
    void chipsAboveTheRestartTemperatureTripTheOverheatProtection() {
        TestFarm farm = TestFarm.of(AMBIENT_C, MinerBlueprint.of("m", "antminer-s21", "1.3.4", 7));
        SimulatedMiner miner = farm.only();
        miner.inject(new Fault.Overheating(3.0));
        farm.advance(Duration.ofMinutes(10));
        MinerReading reading = miner.reading();
        assertTrue(miner.restartCount() >= 1, "the unit overheated at least once");
        assertTrue(reading.chipTempMaxC() < miner.settings().misc().restartTempC() + 5);
        miner.clear(Fault.Overheating.class);
        farm.advance(Duration.ofMinutes(10));
        assertEquals(MinerState.MINING, miner.reading().state());
    }
}
