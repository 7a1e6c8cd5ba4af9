package io.hashdesk.ml.maintenance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises fan, hashboard and overheat failures in a unit's stored hourly history, so that the maintenance model
 * trains on what the farm's own store saw rather than on anything only a simulator knows. A failure is dated to the
 * start of the first hour that shows it.
 */
public final class FailureDetector {

    /** A board's baseline is its median hashrate over the day before. */
    private static final int BOARD_BASELINE_HOURS = 24;

    private final MaintenanceSettings.FailureDetection rules;

    public FailureDetector(MaintenanceSettings.FailureDetection rules) {
        this.rules = rules;
    }

    /** Every failure in the history, oldest first (at most one per kind and part: the first time it shows). */
    public List<ObservedFailure> detect(HourlyHistory h) {
        List<ObservedFailure> found = new ArrayList<>();
        stoppedFans(h).ifPresent(found::add);
        failedBoards(h, found);
        overheat(h).ifPresent(found::add);
        found.sort(Comparator.comparing(ObservedFailure::at));
        return List.copyOf(found);
    }

    /** The first failure in the history, if any: after it the unit is in repair and its samples say nothing. */
    public Optional<ObservedFailure> first(HourlyHistory h) {
        return detect(h).stream().findFirst();
    }

    private Optional<ObservedFailure> stoppedFans(HourlyHistory h) {
        double[][] fans = h.fanRpm();
        if (fans.length < 2) {
            return Optional.empty();
        }
        double[] others = new double[fans.length - 1];
        for (int slot = 0; slot < h.hours(); slot++) {
            for (int f = 0; f < fans.length; f++) {
                // the median of the others is at most their fastest: a fan at its share of that is running
                if (!(fans[f][slot] < rules.stoppedFanShare() * maxOfOthers(fans, f, slot))) {
                    continue;
                }
                double othersMedian = medianOfOthers(fans, f, slot, others);
                if (othersMedian > 0 && fans[f][slot] < rules.stoppedFanShare() * othersMedian) {
                    return Optional.of(new ObservedFailure(h.miner(), FailureKind.FAN, h.slotStart(slot),
                            "fan " + f));
                }
            }
        }
        return Optional.empty();
    }

    private void failedBoards(HourlyHistory h, List<ObservedFailure> found) {
        double[][] boards = h.boardHashrateThs();
        for (int b = 0; b < boards.length; b++) {
            for (int slot = BOARD_BASELINE_HOURS; slot < h.hours(); slot++) {
                if (boardDown(boards, b, slot) && (slot + 1 == h.hours() || boardDown(boards, b, slot + 1))) {
                    found.add(new ObservedFailure(h.miner(), FailureKind.HASHBOARD, h.slotStart(slot),
                            "hashboard " + b));
                    break;
                }
            }
        }
    }

    /**
     * Board {@code b} is below its share of its own baseline in {@code slot} while another board hashed as usual: a
     * whole unit stopping is not a board failure. {@link #failedBoards} asks it of the next hour too, because in the
     * hour a fan stops the boards' means fall unevenly before the unit halts; a failed board stays down while its
     * siblings hash on.
     */
    private boolean boardDown(double[][] boards, int b, int slot) {
        // the baseline median is at most the day's best hour: a board at its share of that is not down (most hours)
        if (!(boards[b][slot] < rules.failedBoardShare() * max(boards[b], slot - BOARD_BASELINE_HOURS, slot))) {
            return false;
        }
        double baseline = median(Arrays.copyOfRange(boards[b], slot - BOARD_BASELINE_HOURS, slot));
        return baseline > 0 && boards[b][slot] < rules.failedBoardShare() * baseline
                && anotherBoardHashedAsUsual(boards, b, slot);
    }

    /** Largest finite value in {@code [from, to)}; NaN when there is none. */
    private static double max(double[] values, int from, int to) {
        double max = Double.NaN;
        for (int i = from; i < to; i++) {
            if (Double.isFinite(values[i]) && !(values[i] <= max)) {
                max = values[i];
            }
        }
        return max;
    }

    private Optional<ObservedFailure> overheat(HourlyHistory h) {
        for (int slot = 0; slot < h.hours(); slot++) {
            boolean interrupted = h.samples()[slot] > 0 && h.hashingSamples()[slot] < h.samples()[slot];
            if (interrupted && h.chipTempMaxC()[slot] >= rules.overheatChipTempC()) {
                return Optional.of(new ObservedFailure(h.miner(), FailureKind.OVERHEAT, h.slotStart(slot),
                        String.format(Locale.ROOT, "chip %.0f °C", h.chipTempMaxC()[slot])));
            }
        }
        return Optional.empty();
    }

    private boolean anotherBoardHashedAsUsual(double[][] boards, int except, int slot) {
        for (int b = 0; b < boards.length; b++) {
            double baseline = median(Arrays.copyOfRange(boards[b], slot - BOARD_BASELINE_HOURS, slot));
            if (b != except && baseline > 0 && boards[b][slot] >= rules.failedBoardShare() * baseline) {
                return true;
            }
        }
        return false;
    }

    private static double maxOfOthers(double[][] fans, int except, int slot) {
        double max = Double.NaN;
        for (int f = 0; f < fans.length; f++) {
            if (f != except && Double.isFinite(fans[f][slot]) && !(fans[f][slot] <= max)) {
                max = fans[f][slot];
            }
        }
        return max;
    }

    /** @param scratch room for the other fans' values, overwritten */
    private static double medianOfOthers(double[][] fans, int except, int slot, double[] scratch) {
        int n = 0;
        for (int f = 0; f < fans.length; f++) {
            if (f != except) {
                scratch[n++] = fans[f][slot];
            }
        }
        return median(scratch);
    }

    /** Median of the finite values, NaN when there are none; {@code values} is left as it was. */
    static double median(double[] values) {
        double[] finite = new double[values.length];
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                finite[n++] = v;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(finite, 0, n);
        int mid = n / 2;
        return n % 2 == 1 ? finite[mid] : (finite[mid - 1] + finite[mid]) / 2;
    }
}
