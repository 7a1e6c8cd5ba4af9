package io.hashdesk.drivers.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelPhysicsTest {

    private static final ModelLibrary LIBRARY = ModelLibrary.bundled();

    private static ModelPhysics physics(String model) {
        return new ModelPhysics(LIBRARY.spec(model).orElseThrow(), LIBRARY.common());
    }

    @ParameterizedTest
    @ValueSource(strings = {"antminer-s19", "antminer-s19-pro", "antminer-s19j-pro", "antminer-s19-xp",
        "antminer-s21", "antminer-t19", "antminer-l7"})
    void anAverageUnitAtStockClocksMakesItsRatedHashrateAndPower(String model) {
        ModelPhysics physics = physics(model);
        ModelSpec spec = physics.spec();
        ModelParameters m = spec.parameters();
        int chips = spec.chipsPerBoard();
        double boards = 0;
        for (int b = 0; b < spec.boards(); b++) {
            boards += physics.boardDcWatts(m.defaultVolts(), m.defaultFreqMhz(), chips,
                    LIBRARY.common().referenceChipTempC());
        }
        double wall = physics.wallWatts(boards, physics.fanWatts(LIBRARY.common().stockFanDutyPercent(), spec.fans()));
        assertEquals(spec.catalog().ratedPowerWatts(), wall, 1.0);
        assertEquals(spec.ratedHashrate(), physics.idealHashrate(m.defaultFreqMhz(), spec.boards() * chips),
                spec.ratedHashrate() * 1e-9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"antminer-s19", "antminer-l7"})
    void switchingPowerGrowsWithTheSquareOfVoltageAndLinearlyWithFrequency(String model) {
        ModelPhysics physics = physics(model);
        double temp = 60;
        // Leakage does not depend on frequency, so a frequency step isolates the switching power k·V²·Δf.
        double stepAtLowVolts = physics.boardDcWatts(12.0, 500, 100, temp) - physics.boardDcWatts(12.0, 400, 100, temp);
        double stepAtHighVolts = physics.boardDcWatts(14.4, 500, 100, temp)
                - physics.boardDcWatts(14.4, 400, 100, temp);
        assertEquals(Math.pow(14.4 / 12.0, 2), stepAtHighVolts / stepAtLowVolts, 1e-9);
        double doubleStep = physics.boardDcWatts(12.0, 600, 100, temp) - physics.boardDcWatts(12.0, 400, 100, temp);
        assertEquals(2.0, doubleStep / stepAtLowVolts, 1e-9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"antminer-s19", "antminer-s21"})
    void errorsGrowExponentiallyAsVoltageFallsBelowWhatTheFrequencyNeeds(String model) {
        ModelPhysics physics = physics(model);
        double stable = physics.stableVolts(600, 0);
        double clean = physics.errorFraction(stable + 0.3, 600, 0);
        double shortBy100mV = physics.errorFraction(stable - 0.1, 600, 0);
        double shortBy300mV = physics.errorFraction(stable - 0.3, 600, 0);
        assertTrue(clean < 1e-4, "well above the stable voltage the chips barely err: " + clean);
        assertTrue(shortBy100mV > 10 * clean, "100 mV short errs far more: " + shortBy100mV);
        assertTrue(shortBy300mV > 10 * shortBy100mV, "300 mV short errs far more again: " + shortBy300mV);
        assertTrue(physics.stableVolts(700, 0) > physics.stableVolts(500, 0), "higher clocks need more voltage");
    }

    @ParameterizedTest
    @ValueSource(strings = {"antminer-s19", "antminer-s21"})
    void moreAirflowAndLessDustLowerTheThermalResistance(String model) {
        ModelPhysics physics = physics(model);
        assertTrue(physics.thermalResistance(0, 1.0, 0, false) < physics.thermalResistance(0, 0.5, 0, false));
        assertTrue(physics.thermalResistance(0, 1.0, 0.3, false) > physics.thermalResistance(0, 1.0, 0, false));
        double needed = physics.thermalResistance(0, 0.6, 0.2, false);
        assertEquals(0.6, physics.airflowFor(0, needed, 0.2), 1e-9, "airflowFor inverts thermalResistance");
    }
}
