package io.hashdesk.drivers.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GroundTruthTest {

    @ParameterizedTest
    @ValueSource(strings = {"antminer-s19", "antminer-s21", "antminer-l7"})
    void theBestPointBeatsStockAndItsNeighboursWithinTheLimits(String model) {
        TestFarm farm = TestFarm.of(25, MinerBlueprint.of("m", model, "1.2.7", 11));
        SimulatedMiner miner = farm.only();
        farm.advance(Duration.ofMinutes(5));
        GroundTruth truth = miner.groundTruth();
        OperatingPoint best = truth.bestPoint();
        ModelParameters m = miner.model().parameters();
        OperatingPoint stock = miner.steadyStateAt(m.defaultFreqMhz(), m.defaultVoltage10mV());
        assertTrue(best.efficiencyJPerTh() < stock.efficiencyJPerTh() * 0.95, best + " vs stock " + stock);
        assertTrue(best.freqMhz() > m.minFreqMhz() && best.freqMhz() < m.defaultFreqMhz(),
                "the optimum sits between idle and stock clocks: " + best.freqMhz());
        assertTrue(best.chipTempC() <= miner.settings().misc().restartTempC() - 5);
        for (int df = -5; df <= 5; df += 5) {
            for (int dv = -1; dv <= 1; dv++) {
                OperatingPoint near = miner.steadyStateAt((int) best.freqMhz() + df, best.voltage10mV() + dv);
                boolean allowed = near.errorFraction() <= 0.01 && near.voltage10mV() >= m.minVoltage10mV();
                assertTrue(!allowed || near.efficiencyJPerTh() >= best.efficiencyJPerTh() - 1e-9,
                        "neighbour " + near + " beats " + best);
            }
        }
        assertEquals(best, miner.steadyStateAt((int) best.freqMhz(), best.voltage10mV()),
                "the best point is a setting a driver can apply and reproduce");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void siliconQualityDiffersFromUnitToUnitAndMovesTheOptimum(long seed) {
        TestFarm farm = TestFarm.of(25, MinerBlueprint.of("a", "antminer-s19j-pro", "1.2.7", seed),
                MinerBlueprint.of("b", "antminer-s19j-pro", "1.2.7", seed + 100));
        GroundTruth a = farm.miner("a").groundTruth();
        GroundTruth b = farm.miner("b").groundTruth();
        assertNotEquals(a.siliconOffsetVolts(), b.siliconOffsetVolts());
        GroundTruth better = a.siliconOffsetVolts() < b.siliconOffsetVolts() ? a : b;
        GroundTruth worse = better == a ? b : a;
        assertTrue(better.bestPoint().efficiencyJPerTh() <= worse.bestPoint().efficiencyJPerTh() + 0.05,
                "better silicon is at least as efficient at its optimum: " + better + " vs " + worse);
    }
}
