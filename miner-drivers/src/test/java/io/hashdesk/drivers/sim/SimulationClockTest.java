package io.hashdesk.drivers.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SimulationClockTest {

    private static List<MinerBlueprint> farm(long seed, int units) {
        List<String> models = ModelLibrary.bundled().modelIds();
        return IntStream.range(0, units).mapToObj(i -> MinerBlueprint.of("m" + i, models.get(i % models.size()),
                i % 2 == 0 ? "1.2.7" : "1.3.4", seed * 1000 + i)).toList();
    }

    private static List<MinerReading> readings(TestFarm farm) {
        return farm.fleet().miners().stream().map(SimulatedMiner::reading).toList();
    }

    @Test
    void theSameSeedAndStepsGiveTheSameFarmAndAnotherSeedDoesNot() {
        TestFarm first = TestFarm.of(22, Duration.ofSeconds(30), farm(1, 6).toArray(MinerBlueprint[]::new));
        TestFarm again = TestFarm.of(22, Duration.ofSeconds(30), farm(1, 6).toArray(MinerBlueprint[]::new));
        TestFarm other = TestFarm.of(22, Duration.ofSeconds(30), farm(2, 6).toArray(MinerBlueprint[]::new));
        for (TestFarm farm : List.of(first, again, other)) {
            farm.advance(Duration.ofHours(30));
        }
        assertEquals(readings(first), readings(again));
        assertEquals(first.miner("m0").groundTruth(), again.miner("m0").groundTruth());
        assertNotEquals(readings(first), readings(other));
    }

    @Test
    void aManualClockGeneratesAWeekOfFarmStateInSeconds() {
        TestFarm farm = TestFarm.of(22, Duration.ofMinutes(1), farm(3, 20).toArray(MinerBlueprint[]::new));
        long started = System.nanoTime();
        List<Double> dailyHashrate = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            farm.advance(Duration.ofDays(1));
            dailyHashrate.add(farm.miner("m0").reading().hrAverage());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals(TestFarm.START.plus(Duration.ofDays(7)), farm.clock().instant());
        assertTrue(seconds < 15, "a week of 20 units took " + seconds + " s");
        assertTrue(farm.miner("m0").reading().pools().getFirst().accepted() > 1000);
        assertTrue(dailyHashrate.stream().allMatch(h -> h > 0));
    }

    @Test
    void aRunningClockFollowsTheWallClockTimesItsSpeed() throws InterruptedException {
        SimulationClock clock = SimulationClock.atSpeed(TestFarm.START, 1000);
        SimulatedFleet fleet = SimulatedFleet.create(clock, farm(4, 3), 22);
        clock.start();
        try {
            Thread.sleep(1_000);
        } finally {
            clock.close();
        }
        long simulatedSeconds = Duration.between(TestFarm.START, clock.instant()).toSeconds();
        assertTrue(simulatedSeconds >= 600 && simulatedSeconds <= 1_400, "1 s at 1000x moved " + simulatedSeconds
                + " s");
        assertEquals(clock.instant(), fleet.miners().getFirst().now(), "the fleet kept up with the clock");
        assertThrows(IllegalArgumentException.class, () -> clock.setSpeed(0));
    }

    @Test
    void aRunningClockCannotBeSteppedByHand() {
        try (SimulationClock clock = SimulationClock.atSpeed(TestFarm.START, 1)) {
            clock.start();
            assertThrows(IllegalStateException.class, () -> clock.advance(Duration.ofSeconds(1)));
        }
    }

    @Test
    void theRoomCurveDrivesAmbientThroughTheDay() {
        AmbientCurve curve = new AmbientCurve(List.of(new AmbientCurve.Point(4, 16), new AmbientCurve.Point(16, 28)));
        assertEquals(16, curve.tempAt(TestFarm.START.plusSeconds(4 * 3600)), 1e-9);
        assertEquals(22, curve.tempAt(TestFarm.START.plusSeconds(10 * 3600)), 1e-9);
        assertEquals(22, curve.tempAt(TestFarm.START.plusSeconds(22 * 3600)), 1e-9, "wraps past midnight");
        assertEquals(28, curve.tempAt(TestFarm.START.plus(Duration.ofDays(3)).plusSeconds(16 * 3600)), 1e-9);
    }
}
