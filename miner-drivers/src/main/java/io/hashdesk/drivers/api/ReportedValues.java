package io.hashdesk.drivers.api;

import io.hashdesk.core.domain.HashboardReading;
import java.util.List;
import java.util.function.Function;

/**
 * Arithmetic over readings where {@code null} means "not reported": the miner-level figures a driver derives from its
 * boards when the firmware gives no total, and running sums of counters. A value that was not reported is never
 * counted as zero.
 */
public final class ReportedValues {

    private ReportedValues() {
    }

    /** Mean over the boards that reported the reading; {@code null} when none did. */
    public static Double mean(List<HashboardReading> boards, Function<HashboardReading, Double> reading) {
        double sum = 0;
        int count = 0;
        for (HashboardReading board : boards) {
            Double value = reading.apply(board);
            if (value != null) {
                sum += value;
                count++;
            }
        }
        return count == 0 ? null : sum / count;
    }

    /** Highest reading over the boards that reported it; {@code null} when none did. */
    public static Double max(List<HashboardReading> boards, Function<HashboardReading, Double> reading) {
        Double max = null;
        for (HashboardReading board : boards) {
            Double value = reading.apply(board);
            if (value != null && (max == null || value > max)) {
                max = value;
            }
        }
        return max;
    }

    /** Sum over all boards, or {@code null} when there are none or any of them did not report the reading. */
    public static Double sumIfAllReported(List<HashboardReading> boards,
                                          Function<HashboardReading, Double> reading) {
        if (boards.isEmpty()) {
            return null;
        }
        double sum = 0;
        for (HashboardReading board : boards) {
            Double value = reading.apply(board);
            if (value == null) {
                return null;
            }
            sum += value;
        }
        return sum;
    }

    /** {@code total + value}, where either may be unreported. */
    public static Long plus(Long total, Long value) {
        if (value == null) {
            return total;
        }
        return total == null ? value : total + value;
    }
}
