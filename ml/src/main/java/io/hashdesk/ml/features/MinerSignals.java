package io.hashdesk.ml.features;

import io.hashdesk.core.store.BoardPoint;
import io.hashdesk.core.store.SeriesPoint;
import java.time.Instant;
import java.util.List;

/**
 * One miner's own features, computed from its 5-minute buckets of the day window and its 1-hour buckets of the week,
 * into a row of {@link Feature}-indexed values (NaN where a feature cannot be computed; peer, ambient and market
 * features are filled by the builder). Every division checks its denominator first.
 */
final class MinerSignals {

    private static final double HOURS_PER_5_MIN = 5.0 / 60;
    private static final double WATTS_PER_KW = 1000;
    private static final double PERCENT = 100;
    /** A regression slope needs at least this many points to mean anything. */
    private static final int MIN_SLOPE_POINTS = 3;

    private MinerSignals() {
    }

    /**
     * @param day        5-minute buckets of the day window, oldest first
     * @param week       the week window, reduced by {@link Week#of}
     * @param shortStart start of the 1-hour window
     * @param ratedThs   the model's rated hashrate, NaN when the model is unknown
     */
    static double[] of(List<SeriesPoint> day, Week week, Instant shortStart, double ratedThs, int bucketsPerDay) {
        double[] row = new double[Feature.values().length];
        java.util.Arrays.fill(row, Double.NaN);
        hashrate(row, day, week, shortStart, ratedThs);
        efficiencyAndTemperature(row, day, week);
        fans(row, day, shortStart);
        errorsAndShares(row, day, week);
        row[Feature.BOARD_IMBALANCE_24H.ordinal()] = boardImbalance(day);
        availability(row, day, bucketsPerDay);
        return row;
    }

    /**
     * What the day's features need from the week's 1-hour buckets, so that a fleet's weeks need not be held in memory:
     * hashrate over the whole week; chip temperature, shares and errors over the baseline (the hours that end by the
     * start of the day window).
     *
     * @param totals accepted, rejected, hardware errors, TH/s·hours hashed over the baseline
     */
    record Week(Moments hashrate, Moments baselineChip, double[] totals) {

        static final Week EMPTY = new Week(new Moments(), new Moments(), new double[4]);

        static Week of(List<SeriesPoint> week, Instant dayStart) {
            Moments hashrate = new Moments();
            Moments chip = new Moments();
            week.stream().filter(p -> p.hashrateThs() != null).forEach(p -> hashrate.add(p.hashrateThs().mean()));
            java.util.function.Predicate<SeriesPoint> baseline = p -> !p.start().plus(p.width()).isAfter(dayStart);
            week.stream().filter(p -> baseline.test(p) && p.hashingSamples() > 0 && p.chipTempC() != null)
                    .forEach(p -> chip.add(p.chipTempC().mean()));
            return new Week(hashrate, chip, shareAndErrorTotals(week, baseline, 1));
        }
    }

    private static void hashrate(double[] row, List<SeriesPoint> day, Week week, Instant shortStart,
                                 double ratedThs) {
        Moments shortTerm = new Moments();
        Moments dayTerm = new Moments();
        Moments weekTerm = week.hashrate();
        for (SeriesPoint p : day) {
            if (p.hashrateThs() != null) {
                dayTerm.add(p.hashrateThs().mean());
                if (!p.start().isBefore(shortStart)) {
                    shortTerm.add(p.hashrateThs().mean());
                }
            }
        }
        set(row, Feature.HASHRATE_PCT_OF_RATED_1H, ratio(shortTerm.mean(), ratedThs) * PERCENT);
        set(row, Feature.HASHRATE_PCT_OF_RATED_24H, ratio(dayTerm.mean(), ratedThs) * PERCENT);
        set(row, Feature.HASHRATE_PCT_OF_RATED_7D, ratio(weekTerm.mean(), ratedThs) * PERCENT);
        set(row, Feature.HASHRATE_CV_1H, shortTerm.cv());
        set(row, Feature.HASHRATE_CV_24H, dayTerm.cv());
        set(row, Feature.HASHRATE_CV_7D, weekTerm.cv());
    }

    private static void efficiencyAndTemperature(double[] row, List<SeriesPoint> day, Week week) {
        Moments power = new Moments();
        Moments hashrate = new Moments();
        Moments chip = new Moments();
        double chipMax = Double.NaN;
        for (SeriesPoint p : day) {
            if (p.hashingSamples() == 0) {
                continue;
            }
            if (p.powerWatts() != null && p.hashrateThs() != null) {
                power.add(p.powerWatts().mean());
                hashrate.add(p.hashrateThs().mean());
            }
            if (p.chipTempC() != null) {
                chip.add(p.chipTempC().mean());
                chipMax = Double.isNaN(chipMax) ? p.chipTempC().max() : Math.max(chipMax, p.chipTempC().max());
            }
        }
        Moments baseline = week.baselineChip();
        set(row, Feature.EFFICIENCY_J_PER_TH, ratio(power.mean(), hashrate.mean()));
        set(row, Feature.CHIP_TEMP_MEAN_24H, chip.mean());
        set(row, Feature.CHIP_TEMP_MAX_24H, chipMax);
        set(row, Feature.CHIP_TEMP_VAR_24H, chip.variance());
        set(row, Feature.CHIP_TEMP_VS_OWN_BASELINE, chip.mean() - baseline.mean());
    }

    /** Mean power while hashing over the day window in kW, NaN when none was reported. */
    static double hashingPowerKw(List<SeriesPoint> day) {
        Moments power = new Moments();
        day.stream().filter(p -> p.hashingSamples() > 0 && p.powerWatts() != null)
                .forEach(p -> power.add(p.powerWatts().mean()));
        return power.mean() / WATTS_PER_KW;
    }

    private static void fans(double[] row, List<SeriesPoint> day, Instant shortStart) {
        Moments rpmPerDuty = new Moments();
        Moments dutyMean = new Moments();
        Moments slowest = new Moments();
        Moments slowestShare = new Moments();
        Moments chip = new Moments();
        Moments duty = new Moments();
        double cross = 0;
        for (SeriesPoint p : day) {
            if (p.hashingSamples() == 0 || p.fanRpm().isEmpty()) {
                continue;
            }
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            for (double rpm : p.fanRpm()) {
                sum += rpm;
                min = Math.min(min, rpm);
            }
            double mean = sum / p.fanRpm().size();
            if (p.fanPercent() != null && p.fanPercent() > 0) {
                rpmPerDuty.add(mean / p.fanPercent());
                dutyMean.add(p.fanPercent());
            }
            if (p.slowestFanRpm() != null) {
                slowest.add(p.slowestFanRpm().mean());
            }
            if (!p.start().isBefore(shortStart) && mean > 0) {
                slowestShare.add(min / mean);
            }
            if (p.fanPercent() != null && p.chipTempC() != null) {
                chip.add(p.chipTempC().mean());
                duty.add(p.fanPercent());
                cross += p.chipTempC().mean() * p.fanPercent();
            }
        }
        set(row, Feature.FAN_RPM_PER_DUTY, rpmPerDuty.mean());
        set(row, Feature.FAN_DUTY_24H, dutyMean.mean());
        set(row, Feature.FAN_SLOWEST_SHARE_1H, slowestShare.mean());
        set(row, Feature.FAN_RPM_CV_24H, slowest.cv());
        double chipVariance = chip.variance();
        if (chip.count() >= MIN_SLOPE_POINTS && chipVariance > 0) {
            double covariance = (cross - chip.count() * chip.mean() * duty.mean()) / (chip.count() - 1);
            set(row, Feature.FAN_TEMP_RESPONSE, covariance / chipVariance);
        }
    }

    private static void errorsAndShares(double[] row, List<SeriesPoint> day, Week week) {
        double[] recent = shareAndErrorTotals(day, p -> true, HOURS_PER_5_MIN);
        double[] base = week.totals();
        double rejectRecent = ratio(recent[1], recent[0] + recent[1]);
        double rejectBase = ratio(base[1], base[0] + base[1]);
        double errorsRecent = ratio(recent[2], recent[3]);
        double errorsBase = ratio(base[2], base[3]);
        set(row, Feature.REJECT_RATE_24H, rejectRecent);
        set(row, Feature.REJECT_RATE_TREND, rejectRecent - rejectBase);
        set(row, Feature.HW_ERRORS_PER_TH_HOUR_24H, errorsRecent);
        set(row, Feature.HW_ERRORS_TREND, errorsRecent - errorsBase);
    }

    /** Accepted, rejected, hardware errors and TH/s·hours hashed over the buckets that pass {@code keep}. */
    private static double[] shareAndErrorTotals(List<SeriesPoint> points, java.util.function.Predicate<SeriesPoint> keep,
                                                double bucketHours) {
        double[] totals = new double[4];
        for (SeriesPoint p : points) {
            if (!keep.test(p)) {
                continue;
            }
            totals[0] += p.acceptedShares();
            totals[1] += p.rejectedShares();
            if (p.hashingSamples() > 0 && p.hashrateThs() != null) {
                totals[2] += p.hardwareErrors();
                totals[3] += p.hashrateThs().mean() * bucketHours;
            }
        }
        return totals;
    }

    private static double boardImbalance(List<SeriesPoint> day) {
        double[] sum = new double[io.hashdesk.core.domain.HashboardReading.MAX_BOARDS];
        int[] count = new int[sum.length];
        for (SeriesPoint p : day) {
            if (p.hashingSamples() == 0) {
                continue;
            }
            for (BoardPoint b : p.boards()) {
                if (b.hashrateThs() != null) {
                    sum[b.index()] += b.hashrateThs();
                    count[b.index()]++;
                }
            }
        }
        Moments boards = new Moments();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int b = 0; b < sum.length; b++) {
            if (count[b] > 0) {
                double mean = sum[b] / count[b];
                boards.add(mean);
                min = Math.min(min, mean);
                max = Math.max(max, mean);
            }
        }
        return boards.count() >= 2 ? ratio(max - min, boards.mean()) : Double.NaN;
    }

    private static void availability(double[] row, List<SeriesPoint> day, int bucketsPerDay) {
        int samples = 0;
        int hashing = 0;
        int restarts = 0;
        int polled = 0;
        boolean wasHashing = false;
        for (SeriesPoint p : day) {
            samples += p.samples();
            hashing += p.hashingSamples();
            polled += p.samples() > 0 ? 1 : 0;
            // a restart shows as a bucket with polls not hashing right after hashing; shorter ones fall between polls
            if (wasHashing && p.samples() > p.hashingSamples()) {
                restarts++;
            }
            wasHashing = p.lastStatus().hashing();
        }
        set(row, Feature.UPTIME_24H, ratio(hashing, samples));
        set(row, Feature.RESTARTS_24H, samples > 0 ? restarts : Double.NaN);
        set(row, Feature.COVERAGE_24H, Math.min(1, (double) polled / bucketsPerDay));
    }

    /** {@code a / b}, NaN unless b is positive and both are numbers. */
    static double ratio(double a, double b) {
        return b > 0 && !Double.isNaN(a) ? a / b : Double.NaN;
    }

    private static void set(double[] row, Feature feature, double value) {
        row[feature.ordinal()] = Double.isFinite(value) ? value : Double.NaN;
    }

    /** Count, mean and sample variance by Welford's method; NaN where undefined. */
    static final class Moments {
        private int n;
        private double mean;
        private double m2;

        void add(double x) {
            n++;
            double delta = x - mean;
            mean += delta / n;
            m2 += delta * (x - mean);
        }

        int count() {
            return n;
        }

        double mean() {
            return n > 0 ? mean : Double.NaN;
        }

        double variance() {
            return n > 1 ? m2 / (n - 1) : Double.NaN;
        }

        /** Coefficient of variation; NaN for fewer than 2 values or a mean that is not positive. */
        double cv() {
            return n > 1 && mean > 0 ? Math.sqrt(variance()) / mean : Double.NaN;
        }
    }
}
