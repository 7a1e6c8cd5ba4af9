package io.hashdesk.ml.thermal;

import io.hashdesk.core.store.SeriesPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The points of one miner's telemetry series that a thermal fit can use, as arrays, and how their airflow is
 * measured. Missing data, point by point:
 * <ul>
 *   <li>no power, no hottest-chip temperature or no fan duty: the point is left out (an unreachable miner reports
 *       none of them), and the next usable point starts a new chain, because the lag needs the temperature
 *       just before;</li>
 *   <li>a bucket in which the miner hashed only part of the time (a restart, an overheat shutdown): left out the
 *       same way, because its mean power and temperature mix two states that no one steady state explains;</li>
 *   <li>fan rpm missing while the series otherwise reports it: left out the same way, so that airflow is measured
 *       one way throughout;</li>
 *   <li>a gap longer than {@code maxChainGap} between usable points also starts a new chain.</li>
 * </ul>
 * A point's time is its bucket's middle (a raw point's own time), where its means were taken.
 */
final class ThermalSamples {

    private static final double PERCENT = 100;

    final Instant[] at;
    final double[] seconds;
    final double[] ambientC;
    final double[] powerWatts;
    final double[] fanPercent;
    final double[] airflow;
    /** {@code ln(airflow)}, so that the fit raises airflow to its exponent with one {@code exp}. */
    final double[] logAirflow;
    final double[] chipTempC;
    /** Whether the sample before this one is close enough in time for the lag to link them. */
    final boolean[] chained;
    final AirflowSource source;
    /** Mean fan rpm at 100 % duty over the series ({@code 0} when airflow comes from duty). */
    final double rpmAtFullDuty;
    final int leftOut;

    private ThermalSamples(List<Row> rows, AirflowSource source, double rpmAtFullDuty, int leftOut,
                           double minAirflow) {
        int n = rows.size();
        this.at = new Instant[n];
        this.seconds = new double[n];
        this.ambientC = new double[n];
        this.powerWatts = new double[n];
        this.fanPercent = new double[n];
        this.airflow = new double[n];
        this.logAirflow = new double[n];
        this.chipTempC = new double[n];
        this.chained = new boolean[n];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            at[i] = row.at;
            seconds[i] = row.at.toEpochMilli() / 1000.0;
            ambientC[i] = row.ambientC;
            powerWatts[i] = row.powerWatts;
            fanPercent[i] = row.fanPercent;
            double raw = source == AirflowSource.FAN_RPM ? row.meanRpm / rpmAtFullDuty : row.fanPercent / PERCENT;
            airflow[i] = Math.max(raw, minAirflow);
            logAirflow[i] = Math.log(airflow[i]);
            chipTempC[i] = row.chipTempC;
            chained[i] = row.chained;
        }
        this.source = source;
        this.rpmAtFullDuty = rpmAtFullDuty;
        this.leftOut = leftOut;
    }

    private ThermalSamples(Instant[] at, double[] ambientC, double[] powerWatts, double[] fanPercent,
                           double[] airflow, double[] chipTempC, boolean[] chained, AirflowSource source,
                           double rpmAtFullDuty, int leftOut) {
        this.at = at;
        this.seconds = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            seconds[i] = at[i].toEpochMilli() / 1000.0;
        }
        this.ambientC = ambientC;
        this.powerWatts = powerWatts;
        this.fanPercent = fanPercent;
        this.airflow = airflow;
        this.logAirflow = new double[airflow.length];
        for (int i = 0; i < airflow.length; i++) {
            logAirflow[i] = Math.log(airflow[i]);
        }
        this.chipTempC = chipTempC;
        this.chained = chained;
        this.source = source;
        this.rpmAtFullDuty = rpmAtFullDuty;
        this.leftOut = leftOut;
    }

    /** How airflow is measured: from the fans' rpm (which sags as fans wear) or, without rpm, from duty. */
    enum AirflowSource { FAN_RPM, FAN_DUTY }

    private record Row(Instant at, double ambientC, double powerWatts, double fanPercent, double meanRpm,
                       double chipTempC, boolean chained) {
    }

    /**
     * @throws IllegalArgumentException naming the point when the series is not in time order
     */
    static ThermalSamples from(List<SeriesPoint> series, RoomAmbient ambient, ThermalModel.Options options) {
        long withRpm = series.stream().filter(p -> usable(p) && p.fanPercent() > 0 && !p.fanRpm().isEmpty()).count();
        long usable = series.stream().filter(ThermalSamples::usable).count();
        AirflowSource source = usable > 0 && withRpm >= options.minRpmShare() * usable
                ? AirflowSource.FAN_RPM : AirflowSource.FAN_DUTY;
        List<Row> rows = new ArrayList<>();
        List<Double> rpmPerDuty = new ArrayList<>();
        Instant previous = null;
        boolean broken = true;
        int leftOut = 0;
        for (int i = 0; i < series.size(); i++) {
            SeriesPoint point = series.get(i);
            Instant at = point.start().plus(point.width().dividedBy(2));
            if (previous != null && !at.isAfter(previous)) {
                throw new IllegalArgumentException("telemetry point " + i + " at " + point.start()
                        + " is not after the point before it; the series must be in time order");
            }
            boolean rpmMissing = source == AirflowSource.FAN_RPM && point.fanRpm().isEmpty();
            if (!usable(point) || rpmMissing) {
                leftOut++;
                broken = true;
                continue;
            }
            double meanRpm = point.fanRpm().stream().mapToDouble(Double::doubleValue).average().orElse(0);
            if (source == AirflowSource.FAN_RPM && point.fanPercent() >= options.minRpmCalibrationPercent()) {
                rpmPerDuty.add(meanRpm / point.fanPercent());
            }
            boolean chained = !broken && Duration.between(previous, at).compareTo(options.maxChainGap()) <= 0;
            rows.add(new Row(at, ambient.tempAt(at), point.powerWatts().mean(), point.fanPercent(), meanRpm,
                    point.chipTempC().mean(), chained));
            previous = at;
            broken = false;
        }
        double rpmAtFullDuty = source == AirflowSource.FAN_RPM && !rpmPerDuty.isEmpty()
                ? median(rpmPerDuty) * PERCENT : 0;
        if (source == AirflowSource.FAN_RPM && !(rpmAtFullDuty > 0)) {
            // Fans report rpm but never spun at a duty worth calibrating on: fall back to duty, which is known.
            return build(rows, AirflowSource.FAN_DUTY, 0, leftOut, options);
        }
        return build(rows, source, rpmAtFullDuty, leftOut, options);
    }

    private static ThermalSamples build(List<Row> rows, AirflowSource source, double rpmAtFullDuty, int leftOut,
                                        ThermalModel.Options options) {
        return new ThermalSamples(rows, source, rpmAtFullDuty, leftOut, options.minAirflowFraction());
    }

    private static boolean usable(SeriesPoint p) {
        boolean oneState = p.hashingSamples() == 0 || p.hashingSamples() == p.samples();
        return oneState && p.powerWatts() != null && p.chipTempC() != null && p.fanPercent() != null;
    }

    int size() {
        return at.length;
    }

    /** Samples {@code [from, to)} as their own series: the first is no longer chained to what came before. */
    ThermalSamples slice(int from, int to) {
        boolean[] links = Arrays.copyOfRange(chained, from, to);
        if (links.length > 0) {
            links[0] = false;
        }
        return new ThermalSamples(Arrays.copyOfRange(at, from, to), Arrays.copyOfRange(ambientC, from, to),
                Arrays.copyOfRange(powerWatts, from, to), Arrays.copyOfRange(fanPercent, from, to),
                Arrays.copyOfRange(airflow, from, to), Arrays.copyOfRange(chipTempC, from, to), links, source,
                rpmAtFullDuty, leftOut);
    }

    int chainedCount() {
        int count = 0;
        for (boolean c : chained) {
            count += c ? 1 : 0;
        }
        return count;
    }

    /**
     * How much airflow one percent of duty gives at the end of the series, relative to the series as a whole: below
     * 1 when fans have sagged or one has stopped. Median over the last {@code window}, 1 when airflow is duty.
     */
    double recentAirflowPerDuty(Duration window) {
        if (source == AirflowSource.FAN_DUTY || size() == 0) {
            return 1;
        }
        Instant from = at[size() - 1].minus(window);
        List<Double> ratios = new ArrayList<>();
        for (int i = size() - 1; i >= 0 && !at[i].isBefore(from); i--) {
            if (fanPercent[i] > 0) {
                ratios.add(airflow[i] / (fanPercent[i] / PERCENT));
            }
        }
        return ratios.isEmpty() ? 1 : median(ratios);
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
