package io.hashdesk.ml.maintenance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Turns a unit's hourly history into the {@link MaintenanceFeature} vector at an instant, from the hours before it
 * only. "Recent" values average the recent window (default the last 24 h); slopes are least-squares fits over the
 * trend window (7 days; 3 for the error rate), per day; baselines are the unit's own window before the recent one.
 *
 * <p>Missing data: hours the unit did not hash throughout are left out of every average and fit (see
 * {@link HourlyHistory}). A unit with fewer than {@code minRecentHours} usable hours in the recent window or fewer than
 * {@code minTrendHours} in the trend window is not assessed at all (it has no row), rather than assessed
 * on a guess. Within an assessed unit: no fans reported (immersion) gives a fan share of 1 and zero fan slopes (no
 * fan can be slower than its siblings); a unit with no usable error or board figures in either window gives no
 * change (0). Ratios are formed only from positive denominators or with the settings' pseudo-count.
 */
public final class MaintenanceFeatures {

    private static final double HOURS_PER_DAY = 24;

    private final MaintenanceSettings settings;

    public MaintenanceFeatures(MaintenanceSettings settings) {
        this.settings = settings;
    }

    /**
     * Whether the unit has enough history and enough usable hours before slot {@code end} to be assessed (hours after
     * the end of the history count as missing, like gaps inside it).
     */
    private boolean assessable(HourlyHistory h, int end) {
        int recent = (int) settings.recentWindow().toHours();
        int trend = (int) settings.trendWindow().toHours();
        int baseline = (int) settings.baselineWindow().toHours();
        return end - Math.max(trend, recent + baseline) >= 0
                && new Window(end - recent, end).count(h.chipTempC()) >= settings.minRecentHours()
                && new Window(end - trend, end).count(h.chipTempC()) >= settings.minTrendHours();
    }

    /** The feature vector of {@code h} before slot {@code end}, peer comparison not yet filled in (see {@link #rows}). */
    private double[] vector(HourlyHistory h, int end) {
        int recent = (int) settings.recentWindow().toHours();
        int trend = (int) settings.trendWindow().toHours();
        int errorTrend = (int) settings.errorTrendWindow().toHours();
        int baseline = (int) settings.baselineWindow().toHours();
        Window now = new Window(end - recent, end);
        Window trendWindow = new Window(end - trend, end);
        Window before = new Window(end - recent - baseline, end - recent);
        double[] x = new double[MaintenanceFeature.count()];
        boolean fans = now.count(h.fanShare()) > 0;
        x[MaintenanceFeature.SLOWEST_FAN_SHARE.ordinal()] = fans ? now.mean(h.fanShare()) : 1;
        x[MaintenanceFeature.SLOWEST_FAN_SHARE_SLOPE.ordinal()] = fans ? trendWindow.slopePerDay(h.fanShare()) : 0;
        // Raw rpm per duty here; rows() divides level and projection by a near-new fan of the peer group.
        x[MaintenanceFeature.SLOWEST_FAN_VS_PEERS.ordinal()] = fans ? now.mean(h.slowestRpmPerDuty()) : Double.NaN;
        x[MaintenanceFeature.PROJECTED_SLOWEST_FAN_VS_PEERS.ordinal()] = fans ? now.mean(h.slowestRpmPerDuty())
                + trendWindow.slopePerDay(h.slowestRpmPerDuty()) * projectionDays(settings) : Double.NaN;
        // The level fans stop at is learned by the model, which fills this in (FanStopLevel).
        x[MaintenanceFeature.DAYS_TO_FAN_STOP.ordinal()] = Double.NaN;
        x[MaintenanceFeature.FAN_DUTY.ordinal()] = fans ? now.mean(h.fanDutyPercent()) : 0;
        x[MaintenanceFeature.FAN_DUTY_SLOPE.ordinal()] = fans ? trendWindow.slopePerDay(h.fanDutyPercent()) : 0;
        double temp = now.mean(h.chipTempC());
        double tempSlope = trendWindow.slopePerDay(h.chipTempC());
        x[MaintenanceFeature.CHIP_TEMP.ordinal()] = temp;
        double peak = now.maxWhereHashing(h.chipTempMaxC(), h);
        x[MaintenanceFeature.CHIP_TEMP_PEAK.ordinal()] = peak;
        x[MaintenanceFeature.CHIP_TEMP_SLOPE.ordinal()] = tempSlope;
        x[MaintenanceFeature.DAYS_TO_CHIP_LIMIT.ordinal()] = daysToLimit(h.chipTempLimitC() - peak, tempSlope);
        x[MaintenanceFeature.ERROR_RATE_CHANGE.ordinal()] = errorRateChange(h, now, before);
        x[MaintenanceFeature.ERROR_RATE_SLOPE.ordinal()] = errorRateSlope(h, new Window(end - errorTrend, end));
        x[MaintenanceFeature.WORST_BOARD_HASHRATE_DROP.ordinal()] = worstBoardDrop(h, now, before);
        return x;
    }

    /**
     * Feature rows of many units at one instant, with each unit's chip temperature set against the median of its
     * peer group (itself included, so a group of one compares with itself: 0), and its slowest fan's rpm per duty
     * against a near-new fan of the group: the median over the group's units of their fastest fan. A unit's fans
     * wear at different paces, so its own fastest fan is nearly new in most units; the median of those stays within
     * a fraction of a percent of a new fan, where the median of units' typical fans moves with the group's age mix.
     */
    public List<FeatureRow> rows(List<HourlyHistory> units, Instant at) {
        return rows(units, at, h -> true);
    }

    /**
     * The rows of the {@code wanted} units only, compared with every assessable unit of their peer groups: the peer
     * figures (recent chip temperature, fastest fan) are cheap, the full vector is computed only where wanted.
     */
    List<FeatureRow> rows(List<HourlyHistory> units, Instant at, Predicate<HourlyHistory> wanted) {
        List<FeatureRow> rows = new ArrayList<>();
        Map<String, List<Double>> newFan = new HashMap<>();
        Map<String, List<Double>> temps = new HashMap<>();
        int recent = (int) settings.recentWindow().toHours();
        for (HourlyHistory h : units) {
            int end = h.slotOf(at);
            if (!assessable(h, end)) {
                continue;
            }
            Window now = new Window(end - recent, end);
            temps.computeIfAbsent(h.peerGroup(), g -> new ArrayList<>()).add(now.mean(h.chipTempC()));
            double typical = now.mean(h.fastestRpmPerDuty());
            if (Double.isFinite(typical)) {
                newFan.computeIfAbsent(h.peerGroup(), g -> new ArrayList<>()).add(typical);
            }
            if (wanted.test(h)) {
                rows.add(new FeatureRow(h.miner(), h.peerGroup(), at, vector(h, end)));
            }
        }
        for (FeatureRow r : rows) {
            List<Double> peers = newFan.get(r.peerGroup());
            double typical = peers == null ? Double.NaN
                    : FailureDetector.median(peers.stream().mapToDouble(Double::doubleValue).toArray());
            for (MaintenanceFeature f : List.of(MaintenanceFeature.SLOWEST_FAN_VS_PEERS,
                    MaintenanceFeature.PROJECTED_SLOWEST_FAN_VS_PEERS)) {
                double raw = r.values()[f.ordinal()];
                // No fans, or no peer figure in the group: 1, "no evidence of wear".
                r.values()[f.ordinal()] = typical > 0 && Double.isFinite(raw) ? raw / typical : 1;
            }
        }
        int temp = MaintenanceFeature.CHIP_TEMP.ordinal();
        Map<String, Double> medians = new HashMap<>();
        temps.forEach((g, list) -> medians.put(g,
                FailureDetector.median(list.stream().mapToDouble(Double::doubleValue).toArray())));
        for (FeatureRow r : rows) {
            r.values()[MaintenanceFeature.CHIP_TEMP_ABOVE_PEERS.ordinal()] = r.values()[temp]
                    - medians.get(r.peerGroup());
        }
        return rows;
    }

    /**
     * How far ahead the fan projection reaches: a horizon after now, from the middle of the recent window that the
     * recent mean stands for.
     */
    static double projectionDays(MaintenanceSettings settings) {
        return (settings.horizon().toHours() + settings.recentWindow().toHours() / 2.0) / HOURS_PER_DAY;
    }

    /**
     * Days until a rise of {@code headroomC} at {@code slopePerDay}: 0 at or past the limit, and at most
     * {@code maxProjectionDays}, which also stands for a flat or falling trend (the division only happens for a slope
     * that reaches the limit within the cap, so never by zero).
     */
    private double daysToLimit(double headroomC, double slopePerDay) {
        double cap = settings.maxProjectionDays();
        if (headroomC <= 0) {
            return 0;
        }
        return slopePerDay * cap > headroomC ? headroomC / slopePerDay : cap;
    }

    /** log10 of (recent errors per TH + pseudo) over (baseline errors per TH + pseudo), both per hashed TH-hour. */
    private double errorRateChange(HourlyHistory h, Window now, Window before) {
        if (now.count(h.errorsPerTh()) == 0 || before.count(h.errorsPerTh()) == 0) {
            return 0;
        }
        double pseudo = settings.errorPseudoCount() / typicalHashedTh(h, before);
        return Math.log10((now.mean(h.errorsPerTh()) + pseudo) / (before.mean(h.errorsPerTh()) + pseudo));
    }

    private double errorRateSlope(HourlyHistory h, Window w) {
        int n = w.to - w.from;
        double[] logRate = new double[n];
        double pseudo = settings.errorPseudoCount() / typicalHashedTh(h, w);
        for (int i = 0; i < n; i++) {
            int slot = w.from + i;
            double e = slot >= 0 && slot < h.hours() ? h.errorsPerTh()[slot] : Double.NaN;
            logRate[i] = Double.isFinite(e) ? Math.log10(e + pseudo) : Double.NaN;
        }
        return new Window(0, n).count(logRate) < 2 ? 0 : new Window(0, n).slopePerDay(logRate);
    }

    /**
     * TH hashed in a typical hour of the window (board sum), turning the error pseudo-count into a rate. A window with
     * no board figures counts one TH, which only makes the pseudo-rate larger (the ratio closer to 1).
     */
    private static double typicalHashedTh(HourlyHistory h, Window w) {
        double sum = 0;
        for (double[] board : h.boardHashrateThs()) {
            double mean = w.mean(board);
            sum += Double.isFinite(mean) ? mean : 0;
        }
        return Math.max(1, sum * 3600);
    }

    /** The largest fall of any board's mean hashrate against its own baseline; 0 when no board can be compared. */
    private static double worstBoardDrop(HourlyHistory h, Window now, Window before) {
        double worst = 0;
        for (double[] board : h.boardHashrateThs()) {
            double base = before.meanWhereHashing(board, h);
            double recent = now.meanWhereHashing(board, h);
            if (base > 0 && Double.isFinite(recent)) {
                worst = Math.max(worst, 1 - recent / base);
            }
        }
        return worst;
    }

    /** Slots {@code [from, to)}; slots before the history's start count as missing. */
    private record Window(int from, int to) {

        int count(double[] v) {
            int n = 0;
            for (int i = Math.max(0, from); i < Math.min(to, v.length); i++) {
                n += Double.isFinite(v[i]) ? 1 : 0;
            }
            return n;
        }

        double mean(double[] v) {
            double sum = 0;
            int n = 0;
            for (int i = Math.max(0, from); i < Math.min(to, v.length); i++) {
                if (Double.isFinite(v[i])) {
                    sum += v[i];
                    n++;
                }
            }
            return n == 0 ? Double.NaN : sum / n;
        }

        double maxWhereHashing(double[] v, HourlyHistory h) {
            double max = Double.NaN;
            for (int i = Math.max(0, from); i < Math.min(to, v.length); i++) {
                if (Double.isFinite(v[i]) && h.hashedThroughout(i) && (Double.isNaN(max) || v[i] > max)) {
                    max = v[i];
                }
            }
            return max;
        }

        double meanWhereHashing(double[] v, HourlyHistory h) {
            double sum = 0;
            int n = 0;
            for (int i = Math.max(0, from); i < Math.min(to, v.length); i++) {
                if (Double.isFinite(v[i]) && h.hashedThroughout(i)) {
                    sum += v[i];
                    n++;
                }
            }
            return n == 0 ? Double.NaN : sum / n;
        }

        /** Least-squares slope per day over the finite values; 0 with fewer than two of them or no spread in time. */
        double slopePerDay(double[] v) {
            double st = 0;
            double sv = 0;
            int n = 0;
            for (int i = Math.max(0, from); i < Math.min(to, v.length); i++) {
                if (Double.isFinite(v[i])) {
                    st += i;
                    sv += v[i];
                    n++;
                }
            }
            if (n < 2) {
                return 0;
            }
            double mt = st / n;
            double mv = sv / n;
            double num = 0;
            double den = 0;
            for (int i = Math.max(0, from); i < Math.min(to, v.length); i++) {
                if (Double.isFinite(v[i])) {
                    num += (i - mt) * (v[i] - mv);
                    den += (i - mt) * (i - mt);
                }
            }
            return den > 0 ? num / den * HOURS_PER_DAY : 0;
        }
    }
}
