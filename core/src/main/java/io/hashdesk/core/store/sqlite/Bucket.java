package io.hashdesk.core.store.sqlite;

import io.hashdesk.core.domain.HashboardReading;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.store.BoardPoint;
import io.hashdesk.core.store.SeriesPoint;
import io.hashdesk.core.store.Stat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A rollup bucket being built: snapshots, or finer buckets, folded into min/mean/max statistics.
 *
 * <p>Hashrate of a snapshot that reported none while the miner was not hashing (offline, stopped) counts as
 * zero, so a bucket's mean hashrate is what the miner really delivered over it. Other means are over the
 * snapshots that reported the quantity. When finer buckets are merged their means are weighted by their
 * sample counts (hashrate) or reporting counts (everything else).
 */
final class Bucket {

    static final int HASHRATE = 0;
    static final int POWER = 1;
    static final int CHIP_TEMP = 2;
    static final int BOARD_TEMP = 3;
    static final int SLOWEST_FAN = 4;
    /** Quantities above keep min and max in rollups; those below only a mean. */
    static final int WITH_EXTREMES = 5;
    static final int FAN_PERCENT = 5;
    static final int VOLTAGE = 6;
    static final int FREQUENCY = 7;
    static final int QUANTITIES = 8;

    static final int BOARD_HASHRATE = 0;
    static final int BOARD_CHIP_TEMP = 1;
    static final int BOARD_TEMP_MAX = 2;
    static final int BOARD_FREQUENCY = 3;
    static final int BOARD_VOLTAGE = 4;
    static final int BOARD_QUANTITIES = 5;

    final long startMs;
    int samples;
    int hashing;
    int reporting;
    MinerStatus lastStatus = MinerStatus.UNKNOWN;
    long lastMs = Long.MIN_VALUE;
    String preset;
    String poolUrl;
    long acceptedDelta;
    long rejectedDelta;
    long hardwareErrorDelta;
    final double[] min = filled(QUANTITIES, Double.POSITIVE_INFINITY);
    final double[] max = filled(QUANTITIES, Double.NEGATIVE_INFINITY);
    final double[] sum = new double[QUANTITIES];
    final double[] weight = new double[QUANTITIES];
    final double[][] boardSum = new double[HashboardReading.MAX_BOARDS][BOARD_QUANTITIES];
    final double[][] boardWeight = new double[HashboardReading.MAX_BOARDS][BOARD_QUANTITIES];
    final double[] fanSum = new double[TelemetrySnapshot.MAX_FANS];
    final double[] fanWeight = new double[TelemetrySnapshot.MAX_FANS];

    Bucket(long startMs) {
        this.startMs = startMs;
    }

    static Bucket of(StoredSnapshot stored) {
        Bucket bucket = new Bucket(stored.snapshot().takenAt().toEpochMilli());
        bucket.add(stored);
        return bucket;
    }

    void add(StoredSnapshot stored) {
        TelemetrySnapshot s = stored.snapshot();
        long ts = s.takenAt().toEpochMilli();
        samples++;
        if (s.status().hashing()) {
            hashing++;
        }
        boolean measured = s.hashrateThs() != null || s.powerWatts() != null || s.chipTempMaxC() != null;
        if (measured) {
            reporting++;
        }
        Double hashrate = s.hashrateThs() == null && !s.status().hashing() ? Double.valueOf(0) : s.hashrateThs();
        record(HASHRATE, hashrate);
        record(POWER, s.powerWatts());
        record(CHIP_TEMP, s.chipTempMaxC());
        record(BOARD_TEMP, s.boardTempMaxC());
        Integer slowest = s.slowestFanRpm();
        record(SLOWEST_FAN, slowest == null ? null : slowest.doubleValue());
        record(FAN_PERCENT, s.fanPercent());
        record(VOLTAGE, s.voltageVolts());
        record(FREQUENCY, s.frequencyMhz());
        for (HashboardReading b : s.boards()) {
            recordBoard(b.index(), BOARD_HASHRATE, b.hashrateThs());
            recordBoard(b.index(), BOARD_CHIP_TEMP, b.chipTempMaxC());
            recordBoard(b.index(), BOARD_TEMP_MAX, b.boardTempMaxC());
            recordBoard(b.index(), BOARD_FREQUENCY, b.frequencyMhz());
            recordBoard(b.index(), BOARD_VOLTAGE, b.voltageVolts());
        }
        for (int f = 0; f < s.fanRpm().size(); f++) {
            fanSum[f] += s.fanRpm().get(f);
            fanWeight[f]++;
        }
        acceptedDelta += stored.acceptedDelta();
        rejectedDelta += stored.rejectedDelta();
        hardwareErrorDelta += stored.hardwareErrorDelta();
        noteLast(ts, s.status(), s.preset(), s.poolUrl());
    }

    /** Folds a finer bucket into this coarser one. */
    void merge(Bucket finer) {
        samples += finer.samples;
        hashing += finer.hashing;
        reporting += finer.reporting;
        for (int q = 0; q < QUANTITIES; q++) {
            if (finer.weight[q] > 0) {
                min[q] = Math.min(min[q], finer.min[q]);
                max[q] = Math.max(max[q], finer.max[q]);
                sum[q] += finer.sum[q];
                weight[q] += finer.weight[q];
            }
        }
        for (int b = 0; b < HashboardReading.MAX_BOARDS; b++) {
            for (int q = 0; q < BOARD_QUANTITIES; q++) {
                boardSum[b][q] += finer.boardSum[b][q];
                boardWeight[b][q] += finer.boardWeight[b][q];
            }
        }
        for (int f = 0; f < TelemetrySnapshot.MAX_FANS; f++) {
            fanSum[f] += finer.fanSum[f];
            fanWeight[f] += finer.fanWeight[f];
        }
        acceptedDelta += finer.acceptedDelta;
        rejectedDelta += finer.rejectedDelta;
        hardwareErrorDelta += finer.hardwareErrorDelta;
        noteLast(finer.lastMs, finer.lastStatus, finer.preset, finer.poolUrl);
    }

    /** Restores a quantity's statistics from a stored rollup, where only min, mean and max survive. */
    void restore(int quantity, double minValue, double meanValue, double maxValue, double weightValue) {
        if (Double.isNaN(meanValue) || weightValue <= 0) {
            return;
        }
        min[quantity] = Double.isNaN(minValue) ? meanValue : Math.min(minValue, meanValue);
        max[quantity] = Double.isNaN(maxValue) ? meanValue : Math.max(maxValue, meanValue);
        sum[quantity] = meanValue * weightValue;
        weight[quantity] = weightValue;
    }

    void restoreBoard(int board, int quantity, double meanValue, double weightValue) {
        if (!Double.isNaN(meanValue) && weightValue > 0) {
            boardSum[board][quantity] = meanValue * weightValue;
            boardWeight[board][quantity] = weightValue;
        }
    }

    void restoreFan(int fan, double meanValue, double weightValue) {
        if (!Double.isNaN(meanValue) && weightValue > 0) {
            fanSum[fan] = meanValue * weightValue;
            fanWeight[fan] = weightValue;
        }
    }

    void noteLast(long ts, MinerStatus status, String presetName, String pool) {
        if (ts >= lastMs) {
            lastMs = ts;
            lastStatus = status;
            preset = presetName != null ? presetName : preset;
            poolUrl = pool != null ? pool : poolUrl;
        }
    }

    /** Mean of a quantity, {@code NaN} when nothing reported it. */
    double mean(int quantity) {
        return weight[quantity] > 0 ? sum[quantity] / weight[quantity] : Double.NaN;
    }

    double boardMean(int board, int quantity) {
        return boardWeight[board][quantity] > 0 ? boardSum[board][quantity] / boardWeight[board][quantity] : Double.NaN;
    }

    double fanMean(int fan) {
        return fanWeight[fan] > 0 ? fanSum[fan] / fanWeight[fan] : Double.NaN;
    }

    /** One past the highest board slot that has any data. */
    int boardSlots() {
        int slots = 0;
        for (int b = 0; b < HashboardReading.MAX_BOARDS; b++) {
            for (int q = 0; q < BOARD_QUANTITIES; q++) {
                if (boardWeight[b][q] > 0) {
                    slots = b + 1;
                }
            }
        }
        return slots;
    }

    private boolean hasBoardData(int board) {
        for (double w : boardWeight[board]) {
            if (w > 0) {
                return true;
            }
        }
        return false;
    }

    int fanSlots() {
        int slots = 0;
        for (int f = 0; f < TelemetrySnapshot.MAX_FANS; f++) {
            if (fanWeight[f] > 0) {
                slots = f + 1;
            }
        }
        return slots;
    }

    SeriesPoint toSeriesPoint(Duration width) {
        int boardSlots = boardSlots();
        List<BoardPoint> boards = new ArrayList<>(boardSlots);
        for (int b = 0; b < boardSlots; b++) {
            if (hasBoardData(b)) {
                boards.add(new BoardPoint(b, boxed(boardMean(b, BOARD_HASHRATE)), boxed(boardMean(b, BOARD_CHIP_TEMP)),
                        boxed(boardMean(b, BOARD_TEMP_MAX)), boxed(boardMean(b, BOARD_FREQUENCY)),
                        boxed(boardMean(b, BOARD_VOLTAGE))));
            }
        }
        int fanSlots = fanSlots();
        List<Double> fans = new ArrayList<>(fanSlots);
        for (int f = 0; f < fanSlots; f++) {
            // A fan slot that reported nothing in the bucket while a later one did is a lost fan: 0 rpm.
            fans.add(fanWeight[f] > 0 ? fanMean(f) : 0.0);
        }
        return new SeriesPoint(Instant.ofEpochMilli(startMs), width, samples, hashing, lastStatus,
                stat(HASHRATE), stat(POWER), stat(CHIP_TEMP), stat(BOARD_TEMP), stat(SLOWEST_FAN),
                boxed(mean(FAN_PERCENT)), boxed(mean(VOLTAGE)), boxed(mean(FREQUENCY)),
                acceptedDelta, rejectedDelta, hardwareErrorDelta, preset, poolUrl, boards, fans);
    }

    private Stat stat(int quantity) {
        if (weight[quantity] <= 0) {
            return null;
        }
        double mean = Math.clamp(mean(quantity), min[quantity], max[quantity]);
        return new Stat(min[quantity], mean, max[quantity]);
    }

    private void record(int quantity, Double value) {
        if (value != null) {
            min[quantity] = Math.min(min[quantity], value);
            max[quantity] = Math.max(max[quantity], value);
            sum[quantity] += value;
            weight[quantity]++;
        }
    }

    private void recordBoard(int board, int quantity, Double value) {
        if (value != null) {
            boardSum[board][quantity] += value;
            boardWeight[board][quantity]++;
        }
    }

    private static Double boxed(double value) {
        return Double.isNaN(value) ? null : value;
    }

    private static double[] filled(int n, double value) {
        double[] array = new double[n];
        Arrays.fill(array, value);
        return array;
    }
}
