package io.hashdesk.drivers.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bounded sample rings behind {@code /metrics} and their resampling. */
class MetricsHistoryTest {

    private static final Instant START = Instant.parse("2026-11-23T00:00:00Z");
    private static final FirmwareLimits LIMITS = new FirmwareLimits(60, 240, 900, 288, 86_400, 259_200, 900, 64,
            200, 32, 4096, 16, 10, 0.02);

    /** Records {@code seconds} of 5-second steps from {@code from} with a hashrate that names the minute. */
    private static Instant run(MetricsHistory history, Instant from, long seconds) {
        Instant at = from;
        for (long s = 5; s <= seconds; s += 5) {
            at = from.plusSeconds(s);
            double minute = Math.floorDiv(at.getEpochSecond() - 1 - START.getEpochSecond(), 60);
            history.record(at, 5, minute, 3000, 70, 55, 80);
        }
        return at;
    }

    @Test
    void resamplesMinuteSamplesIntoTheRequestedStep() {
        MetricsHistory history = new MetricsHistory(LIMITS);
        Instant now = run(history, START, 3600);
        List<MetricPoint> points = history.series(now, Duration.ofMinutes(30), Duration.ofMinutes(5));
        assertEquals(6, points.size());
        assertEquals(now.minus(Duration.ofMinutes(30)), points.getFirst().at());
        assertEquals(Duration.ofMinutes(5), Duration.between(points.get(0).at(), points.get(1).at()));
        assertEquals(32, points.getFirst().hashrate(), 1e-9, "minutes 30..34 average to 32");
        assertEquals(3000, points.getFirst().powerWatts());
        assertEquals(70, points.getFirst().chipTempMaxC());
        assertEquals(55, points.getFirst().pcbTempMaxC());
        assertEquals(80, points.getFirst().fanDutyPercent());
    }

    @Test
    void keepsABoundedNumberOfSamplesAndFallsBackToCoarseOnesForOlderTime() {
        MetricsHistory history = new MetricsHistory(LIMITS);
        Instant now = run(history, START, Duration.ofHours(10).toSeconds());
        List<MetricPoint> fine = history.series(now, Duration.ofHours(10), Duration.ofMinutes(1));
        assertTrue(fine.size() <= 240 + 6 * 4 + 1, "fine samples are bounded, older time is coarse: " + fine.size());
        Instant oldestFine = now.minus(Duration.ofMinutes(240));
        long coarsePoints = fine.stream().filter(p -> p.at().isBefore(oldestFine.minusSeconds(60))).count();
        assertTrue(coarsePoints >= 20 && coarsePoints <= 25, "about 6 hours of quarter-hour points, got " + coarsePoints);
        assertEquals(40, history.series(now, Duration.ofHours(10), Duration.ofMinutes(15)).size());
    }

    @Test
    void timeWithoutRecordingsHasNoPoints() {
        MetricsHistory history = new MetricsHistory(LIMITS);
        Instant first = run(history, START, 600);
        Instant now = run(history, first.plus(Duration.ofMinutes(10)), 600);
        List<MetricPoint> points = history.series(now, Duration.ofMinutes(30), Duration.ofMinutes(1));
        assertEquals(20, points.size(), "ten minutes recorded, ten dark, ten recorded");
    }

    @Test
    void anEmptyHistoryHasNoPoints() {
        assertTrue(new MetricsHistory(LIMITS).series(START, Duration.ofDays(1), Duration.ofMinutes(15)).isEmpty());
    }
}
