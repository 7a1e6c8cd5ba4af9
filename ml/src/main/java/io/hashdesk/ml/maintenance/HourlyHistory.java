package io.hashdesk.ml.maintenance;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.store.BoardPoint;
import io.hashdesk.core.store.Resolution;
import io.hashdesk.core.store.SeriesPoint;
import io.hashdesk.core.store.TelemetryStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One unit's hourly history laid out as arrays, one slot per hour from {@link #start()}, so that the many windows the
 * features and the failure detector look at are index ranges rather than searches. A slot the store has no bucket for
 * holds no samples and {@code NaN} everywhere: missing is kept apart from zero.
 *
 * <p>Per-hour quantities are only defined in an hour the unit hashed throughout; an hour with a restart, a stop or a
 * gap has {@code NaN} for them (its figures describe the restart, not the unit), except for what the failure detector
 * needs (fan speeds, board hashrates, hottest chip), which are kept for every bucket.
 *
 * @param peerGroup     units compared with each other (same model and room), e.g. {@code "antminer-s19j-pro/room-1"}
 * @param chipTempLimitC the model's safe chip temperature ({@code SafeLimits.chipTempMaxC} in the catalog): the
 *                      headroom features measure how far the unit is from it
 */
public record HourlyHistory(MinerId miner, String peerGroup, double chipTempLimitC, Instant start, int[] samples, int[] hashingSamples,
                          double[] fanShare, double[] slowestRpmPerDuty, double[] fastestRpmPerDuty,
                          double[] fanDutyPercent, double[] chipTempC, double[] chipTempMaxC,
                          double[] errorsPerTh, double[][] boardHashrateThs, double[][] fanRpm) {

    private static final double SECONDS_PER_HOUR = 3600;

    public HourlyHistory {
        Objects.requireNonNull(miner, "miner");
        Objects.requireNonNull(peerGroup, "peerGroup");
        Objects.requireNonNull(start, "start");
        if (!(chipTempLimitC > 0) || Double.isInfinite(chipTempLimitC)) {
            throw new IllegalArgumentException("history of " + miner + ": chipTempLimitC must be positive, got "
                    + chipTempLimitC);
        }
        int hours = samples.length;
        if (hashingSamples.length != hours || fanShare.length != hours || slowestRpmPerDuty.length != hours
                || fastestRpmPerDuty.length != hours || fanDutyPercent.length != hours
                || chipTempC.length != hours || chipTempMaxC.length != hours || errorsPerTh.length != hours
                || Arrays.stream(boardHashrateThs).anyMatch(b -> b.length != hours)
                || Arrays.stream(fanRpm).anyMatch(f -> f.length != hours)) {
            throw new IllegalArgumentException("history of " + miner + ": every hourly array must have " + hours
                    + " slots");
        }
    }

    /** Reads a unit's hourly rollups in {@code [from, to)} from the store (one query per unit). */
    public static HourlyHistory read(TelemetryStore store, MinerId miner, String peerGroup, double chipTempLimitC,
                                     Instant from, Instant to) {
        Instant start = from.truncatedTo(ChronoUnit.HOURS);
        return of(miner, peerGroup, chipTempLimitC, start, to, store.series(miner, start, to, Resolution.ONE_HOUR));
    }

    /** Lays out hourly points (oldest first, as the store returns them) from {@code start} up to {@code end}. */
    public static HourlyHistory of(MinerId miner, String peerGroup, double chipTempLimitC, Instant start, Instant end,
                                   List<SeriesPoint> hourly) {
        int hours = (int) Math.max(0, Duration.between(start, end).toHours());
        int boards = hourly.stream().mapToInt(p -> p.boards().stream().mapToInt(BoardPoint::index).max().orElse(-1) + 1)
                .max().orElse(0);
        int fans = hourly.stream().mapToInt(p -> p.fanRpm().size()).max().orElse(0);
        Builder b = new Builder(hours, boards, fans);
        for (SeriesPoint point : hourly) {
            long slot = Duration.between(start, point.start()).toHours();
            if (slot >= 0 && slot < hours) {
                b.put((int) slot, point);
            }
        }
        return new HourlyHistory(miner, peerGroup, chipTempLimitC, start, b.samples, b.hashing, b.fanShare, b.slowestPerDuty,
                b.fastestPerDuty, b.fanDuty, b.chipTemp,
                b.chipTempMax, b.errorsPerTh, b.boardHashrate, b.fanRpm);
    }

    public int hours() {
        return samples.length;
    }

    /** Slot of the hour that contains {@code at}; may lie outside the history. */
    public int slotOf(Instant at) {
        return (int) Math.floorDiv(Duration.between(start, at).getSeconds(), (long) SECONDS_PER_HOUR);
    }

    public Instant slotStart(int slot) {
        return start.plus(Duration.ofHours(slot));
    }

    /** Whether the unit reported in this slot and hashed through all of it. */
    boolean hashedThroughout(int slot) {
        return samples[slot] > 0 && hashingSamples[slot] == samples[slot];
    }

    /** Fills the arrays bucket by bucket; quantities a bucket does not define stay NaN. */
    private static final class Builder {
        final int[] samples;
        final int[] hashing;
        final double[] fanShare;
        final double[] slowestPerDuty;
        final double[] fastestPerDuty;
        final double[] fanDuty;
        final double[] chipTemp;
        final double[] chipTempMax;
        final double[] errorsPerTh;
        final double[][] boardHashrate;
        final double[][] fanRpm;

        Builder(int hours, int boards, int fans) {
            samples = new int[hours];
            hashing = new int[hours];
            fanShare = nans(hours);
            slowestPerDuty = nans(hours);
            fastestPerDuty = nans(hours);
            fanDuty = nans(hours);
            chipTemp = nans(hours);
            chipTempMax = nans(hours);
            errorsPerTh = nans(hours);
            boardHashrate = new double[boards][];
            for (int i = 0; i < boards; i++) {
                boardHashrate[i] = nans(hours);
            }
            fanRpm = new double[fans][];
            for (int i = 0; i < fans; i++) {
                fanRpm[i] = nans(hours);
            }
        }

        void put(int slot, SeriesPoint p) {
            samples[slot] = p.samples();
            hashing[slot] = p.hashingSamples();
            for (int f = 0; f < p.fanRpm().size(); f++) {
                Double rpm = p.fanRpm().get(f);
                fanRpm[f][slot] = rpm == null ? Double.NaN : rpm;
            }
            for (BoardPoint board : p.boards()) {
                if (board.hashrateThs() != null) {
                    boardHashrate[board.index()][slot] = board.hashrateThs();
                }
            }
            if (p.chipTempC() != null) {
                chipTempMax[slot] = p.chipTempC().max();
            }
            if (p.samples() == 0 || p.hashingSamples() < p.samples()) {
                return;
            }
            fanShare[slot] = slowestFanShare(p.fanRpm());
            fanDuty[slot] = p.fanPercent() == null ? Double.NaN : p.fanPercent();
            if (p.fanPercent() != null && p.fanPercent() > 0 && !p.fanRpm().isEmpty()
                    && p.fanRpm().stream().allMatch(Objects::nonNull)) {
                double[] sorted = p.fanRpm().stream().mapToDouble(Double::doubleValue).sorted().toArray();
                slowestPerDuty[slot] = sorted[0] / p.fanPercent();
                fastestPerDuty[slot] = sorted[sorted.length - 1] / p.fanPercent();
            }
            chipTemp[slot] = p.chipTempC() == null ? Double.NaN : p.chipTempC().mean();
            double hashedTh = p.hashrateThs() == null ? 0 : p.hashrateThs().mean() * SECONDS_PER_HOUR;
            errorsPerTh[slot] = hashedTh > 0 ? p.hardwareErrors() / hashedTh : Double.NaN;
        }

        /**
         * Slowest fan over the median of the others: 1 when all turn alike, about 0.7 for a fan near the end of its
         * life. Dividing by siblings rather than by the rated rpm cancels the duty the controller chose. NaN with
         * fewer than two fans (immersion) or when the siblings stand still.
         */
        static double slowestFanShare(List<Double> rpm) {
            if (rpm.size() < 2 || rpm.stream().anyMatch(Objects::isNull)) {
                return Double.NaN;
            }
            double[] sorted = rpm.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double[] others = Arrays.copyOfRange(sorted, 1, sorted.length);
            double median = others.length % 2 == 1 ? others[others.length / 2]
                    : (others[others.length / 2 - 1] + others[others.length / 2]) / 2;
            return median > 0 ? sorted[0] / median : Double.NaN;
        }

        static double[] nans(int n) {
            double[] a = new double[n];
            Arrays.fill(a, Double.NaN);
            return a;
        }
    }
}
