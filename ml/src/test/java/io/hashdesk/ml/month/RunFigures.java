package io.hashdesk.ml.month;

import java.util.List;

/**
 * What one run of the month came to, summed over its measured days, with the simulator's ground truth at the end.
 *
 * @param days              every measured day, oldest first
 * @param optimumGapPercent mean over the SHA-256 units mining at the end of how far their last day's J/TH lay above
 *                          the true best-efficiency setting the simulator knows (0 = at the optimum)
 * @param unitsAtOptimum    SHA-256 units whose last day's J/TH was within 2 % of their true optimum
 * @param sha256Units       SHA-256 units judged
 */
record RunFigures(List<DayFigures> days, double optimumGapPercent, int unitsAtOptimum, int sha256Units) {

    RunFigures {
        days = List.copyOf(days);
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a run needs at least one measured day");
        }
    }

    double profitUsd() {
        return days.stream().mapToDouble(DayFigures::profitUsd).sum();
    }

    double energyKwh() {
        return days.stream().mapToDouble(DayFigures::energyKwh).sum();
    }

    /** Mean hashrate of the SHA-256 units over the measured days, TH/s. */
    double sha256Ths() {
        return days.stream().mapToDouble(DayFigures::sha256Ths).average().orElseThrow();
    }

    /** Joules per terahash of the SHA-256 units while mining: the energy of polls that found them mining over the hashes. */
    double sha256JPerThWhileHashing() {
        double wattHours = days.stream().mapToDouble(d -> d.hashing().wattHours()).sum();
        double thsHours = days.stream().mapToDouble(d -> d.hashing().thsHours()).sum();
        return wattHours / thsHours;
    }

    /**
     * Joules per terahash of the SHA-256 units over the whole stretch, paused hours included: their mean power over
     * their mean hashrate.
     */
    double sha256JPerTh() {
        double watts = days.stream().mapToDouble(DayFigures::sha256Watts).sum();
        double ths = days.stream().mapToDouble(DayFigures::sha256Ths).sum();
        return watts / ths;
    }
}
