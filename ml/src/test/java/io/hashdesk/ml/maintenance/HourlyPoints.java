package io.hashdesk.ml.maintenance;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.store.BoardPoint;
import io.hashdesk.core.store.SeriesPoint;
import io.hashdesk.core.store.Stat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Hand-made hourly rollups of one unit for the maintenance tests: healthy figures unless a test changes an hour. */
final class HourlyPoints {

    static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    static final int SAMPLES = 12;
    static final double CHIP_TEMP_MAX_C = 85;

    /** What one hour looked like; the defaults are a healthy three-board, four-fan unit. */
    record Hour(int hashingSamples, double[] fanRpm, double fanPercent, double chipTempMeanC, double chipTempMaxC,
                double[] boardThs, long hardwareErrors) {

        static Hour healthy() {
            return new Hour(SAMPLES, new double[] {5000, 5010, 4990, 5005}, 85, 65, 66,
                    new double[] {34, 34, 34}, 1000);
        }

        Hour withFans(double... rpm) {
            return new Hour(hashingSamples, rpm, fanPercent, chipTempMeanC, chipTempMaxC, boardThs, hardwareErrors);
        }

        Hour withChipTemp(double meanC, double maxC) {
            return new Hour(hashingSamples, fanRpm, fanPercent, meanC, maxC, boardThs, hardwareErrors);
        }

        Hour withBoards(double... ths) {
            return new Hour(hashingSamples, fanRpm, fanPercent, chipTempMeanC, chipTempMaxC, ths, hardwareErrors);
        }

        Hour withHashing(int samples) {
            return new Hour(samples, fanRpm, fanPercent, chipTempMeanC, chipTempMaxC, boardThs, hardwareErrors);
        }

        Hour withErrors(long errors) {
            return new Hour(hashingSamples, fanRpm, fanPercent, chipTempMeanC, chipTempMaxC, boardThs, errors);
        }
    }

    private HourlyPoints() {
    }

    static HourlyHistory history(String miner, int hours, IntFunction<Hour> hour) {
        return history(miner, "s19/room", hours, hour);
    }

    static HourlyHistory history(String miner, String group, int hours, IntFunction<Hour> hour) {
        List<SeriesPoint> points = new ArrayList<>();
        for (int h = 0; h < hours; h++) {
            points.add(point(START.plus(Duration.ofHours(h)), hour.apply(h)));
        }
        return HourlyHistory.of(MinerId.of(miner), group, CHIP_TEMP_MAX_C, START, START.plus(Duration.ofHours(hours)),
                points);
    }

    static SeriesPoint point(Instant at, Hour h) {
        List<BoardPoint> boards = new ArrayList<>();
        double total = 0;
        for (int b = 0; b < h.boardThs().length; b++) {
            boards.add(new BoardPoint(b, h.boardThs()[b], h.chipTempMaxC(), h.chipTempMaxC() - 10, 600.0, 13.4));
            total += h.boardThs()[b];
        }
        List<Double> fans = new ArrayList<>();
        double slowest = Double.MAX_VALUE;
        for (double rpm : h.fanRpm()) {
            fans.add(rpm);
            slowest = Math.min(slowest, rpm);
        }
        return new SeriesPoint(at, Duration.ofHours(1), SAMPLES, h.hashingSamples(),
                h.hashingSamples() == SAMPLES ? MinerStatus.MINING : MinerStatus.STARTING, Stat.of(total),
                Stat.of(3250), new Stat(h.chipTempMeanC() - 1, h.chipTempMeanC(), h.chipTempMaxC()), Stat.of(55),
                Stat.of(slowest), h.fanPercent(), 13.4, 600.0, 100, 0, h.hardwareErrors(), "disabled", "pool",
                boards, fans);
    }
}
