package io.hashdesk.ml.bench;

import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.store.SeriesPoint;
import io.hashdesk.core.store.Stat;
import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.thermal.RoomAmbient;
import io.hashdesk.ml.thermal.ThermalModel;
import io.hashdesk.ml.thermal.ThermalParameters;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How long one miner's thermal fit takes at the benchmark size: 90 days of 5-minute points per unit (the fit
 * reads its 7-day training window from them), with the rolling-origin calibration included. Series are synthetic
 * (the model's own physics with a 90 s lag stepped each minute, plus what the model does not know: fan power in the
 * wall power, dust raising resistance 0.3 % a day, power noise, integer chip temperatures; a day/night room; a preset
 * or fan change every two hours) so that generating them costs little next to the fits. Prints the median ms per
 * unit over the rounds; asserts nothing.
 *
 * <p>Run: {@code java -cp <ml test classpath> io.hashdesk.ml.bench.ThermalFitBench [units] [rounds]}.
 */
public final class ThermalFitBench {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration BUCKET = Duration.ofMinutes(5);
    private static final int MINUTES_PER_BUCKET = 5;
    private static final int DAYS = 90;
    private static final double FULL_DUTY_RPM = 6000;
    private static final double FAN_WATTS_AT_FULL_DUTY = 4 * 30;
    private static final double DUST_GAIN_PER_DAY = 0.003;
    private static final double POWER_NOISE = 0.005;

    private ThermalFitBench() {
    }

    public static void main(String[] args) {
        int units = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<List<SeriesPoint>> series = new ArrayList<>();
        for (int u = 0; u < units; u++) {
            series.add(series(u));
        }
        RoomAmbient room = room();
        ThermalModel.Options options = ThermalModel.Options.defaults();
        System.out.printf(Locale.ROOT, "%d units × %d days of 5-minute points (%d each), window %s%n", units, DAYS,
                series.getFirst().size(), options.trainingWindow());
        // CPU time of this thread as well as wall time: on a shared, busy machine wall time mostly measures the others.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] wallMs = new double[rounds];
        double[] cpuMs = new double[rounds];
        for (int round = -1; round < rounds; round++) {
            long wall = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            double rmse = 0;
            for (List<SeriesPoint> s : series) {
                rmse += ThermalModel.fit(s, room, null, options, TrainingProgress.NONE).trainingRmseC();
            }
            double w = (System.nanoTime() - wall) / 1e6 / units;
            double c = (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / units;
            if (round >= 0) {
                wallMs[round] = w;
                cpuMs[round] = c;
            }
            System.out.printf(Locale.ROOT, "%s: %.1f ms per unit wall, %.1f ms CPU (mean training RMSE %.2f °C)%n",
                    round < 0 ? "warm-up" : "round " + (round + 1), w, c, rmse / units);
        }
        Arrays.sort(wallMs);
        Arrays.sort(cpuMs);
        System.out.printf(Locale.ROOT, "median: %.1f ms per unit wall, %.1f ms CPU%n", wallMs[rounds / 2],
                cpuMs[rounds / 2]);
    }

    /** One unit's 90 days: 1-minute physics averaged into 5-minute buckets, as the store's rollup would. */
    private static List<SeriesPoint> series(int unit) {
        SplittableRandom random = new SplittableRandom(unit);
        ThermalParameters truth = new ThermalParameters(4 + random.nextDouble(), 6 + 2 * random.nextDouble(), 0.8,
                40 + 30 * random.nextDouble(), Duration.ofSeconds(90));
        List<SeriesPoint> points = new ArrayList<>();
        double temp = 60;
        double power = 3000;
        double duty = 60;
        int buckets = DAYS * 24 * 60 / MINUTES_PER_BUCKET;
        for (int b = 0; b < buckets; b++) {
            if (b % 24 == unit % 24) {
                if (random.nextBoolean()) {
                    power = 2100 + 1400 * random.nextDouble();
                } else {
                    duty = 35 + 65 * random.nextDouble();
                }
            }
            Instant bucketStart = START.plus(BUCKET.multipliedBy(b));
            double dust = 1 + DUST_GAIN_PER_DAY * b / (24.0 * 60 / MINUTES_PER_BUCKET);
            double sum = 0;
            for (int m = 0; m < MINUTES_PER_BUCKET; m++) {
                Instant at = bucketStart.plus(Duration.ofMinutes(m));
                double steady = ambient(at) + (truth.steadyStateC(0, power, duty / 100)) * dust;
                temp = steady + (temp - steady) * Math.exp(-60.0 / 90);
                sum += Math.round(temp);
            }
            double rpm = duty / 100 * FULL_DUTY_RPM;
            double wallWatts = (power + FAN_WATTS_AT_FULL_DUTY * Math.pow(duty / 100, 3))
                    * (1 + POWER_NOISE * random.nextGaussian());
            points.add(new SeriesPoint(bucketStart, BUCKET, MINUTES_PER_BUCKET, MINUTES_PER_BUCKET,
                    MinerStatus.MINING, Stat.of(100), Stat.of(wallWatts), Stat.of(sum / MINUTES_PER_BUCKET),
                    Stat.of(sum / MINUTES_PER_BUCKET - 10), Stat.of(rpm), duty, null, null, 0, 0, 0, "3000", null,
                    List.of(), List.of(rpm, rpm, rpm, rpm)));
        }
        return points;
    }

    private static double ambient(Instant at) {
        return 23 + 6 * Math.sin(2 * Math.PI * at.getEpochSecond() / 86_400.0);
    }

    /** A room sensor read every quarter hour. */
    private static RoomAmbient room() {
        List<RoomAmbient.Reading> readings = new ArrayList<>();
        for (Instant at = START; !at.isAfter(START.plus(Duration.ofDays(DAYS))); at = at.plus(Duration.ofMinutes(15))) {
            readings.add(new RoomAmbient.Reading(at, ambient(at)));
        }
        return new RoomAmbient(readings);
    }
}
