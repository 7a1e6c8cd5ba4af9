package io.hashdesk.drivers.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A unit's recent history as the firmware keeps it for {@code /metrics}: every step's hashrate, wall power, hottest
 * chip and PCB and fan duty averaged into fine samples (one a minute, the last few hours) and coarse ones (one per
 * quarter hour, three days), both bounded rings. A query resamples into the caller's step, reading fine samples
 * for steps under the coarse period and coarse ones for the part of the window the fine ring no longer covers.
 * Not thread-safe; {@link SimulatedMiner} synchronizes.
 */
final class MetricsHistory {

    private final SampleRing fine;
    private final SampleRing coarse;
    private final Accumulator fineNow = new Accumulator();
    private final Accumulator coarseNow = new Accumulator();

    MetricsHistory(FirmwareLimits limits) {
        this.fine = new SampleRing(limits.metricsFineStepSeconds(), limits.metricsFineSamples());
        this.coarse = new SampleRing(limits.metricsCoarseStepSeconds(), limits.metricsCoarseSamples());
    }

    /** Adds a step of {@code dtSeconds} ending at {@code at}. */
    void record(Instant at, double dtSeconds, double hashrate, double watts, double chipC, double pcbC,
                double dutyPercent) {
        // A step ending exactly on a slot boundary belongs to the slot it covered.
        long second = Math.floorDiv(at.toEpochMilli() - 1, 1000);
        fineNow.add(fine, Math.floorDiv(second, fine.periodSeconds()), dtSeconds, hashrate, watts, chipC, pcbC,
                dutyPercent);
        coarseNow.add(coarse, Math.floorDiv(second, coarse.periodSeconds()), dtSeconds, hashrate, watts, chipC, pcbC,
                dutyPercent);
    }

    /**
     * Points from {@code now - slice} to {@code now}, one per {@code step} that has samples, each stamped with the
     * start of its step. Time the unit spent rebooting, or before the history began, has no points.
     */
    List<MetricPoint> series(Instant now, Duration slice, Duration step) {
        long end = now.getEpochSecond();
        long stepSeconds = Math.max(1, step.toSeconds());
        long begin = end - slice.toSeconds();
        Buckets buckets = new Buckets(begin, end, stepSeconds);
        boolean fineSteps = stepSeconds < coarse.periodSeconds();
        SampleRing primary = fineSteps ? fine : coarse;
        Accumulator partial = fineSteps ? fineNow : coarseNow;
        long primaryStart = Math.min(primary.oldestStart(), partial.startSecond(primary.periodSeconds()));
        if (fineSteps) {
            long coarsePeriod = coarse.periodSeconds();
            coarse.forEach((start, hr, watts, chip, pcb, duty) -> {
                if (start + coarsePeriod <= primaryStart) {
                    buckets.add(start, coarsePeriod, hr, watts, chip, pcb, duty);
                }
            });
        }
        long period = primary.periodSeconds();
        primary.forEach((start, hr, watts, chip, pcb, duty) -> buckets.add(start, period, hr, watts, chip, pcb, duty));
        partial.addTo(buckets, period);
        return buckets.points();
    }

    /** The slot being filled now: time-weighted sums of every step in it. */
    private static final class Accumulator {
        private long slot = Long.MIN_VALUE;
        private double seconds;
        private double hashrate;
        private double watts;
        private double chipC;
        private double pcbC;
        private double duty;

        void add(SampleRing ring, long atSlot, double dt, double hr, double w, double chip, double pcb, double d) {
            if (atSlot != slot) {
                if (seconds > 0) {
                    ring.put(slot, hashrate / seconds, watts / seconds, chipC / seconds, pcbC / seconds,
                            duty / seconds);
                }
                slot = atSlot;
                seconds = 0;
                hashrate = 0;
                watts = 0;
                chipC = 0;
                pcbC = 0;
                duty = 0;
            }
            seconds += dt;
            hashrate += hr * dt;
            watts += w * dt;
            chipC += chip * dt;
            pcbC += pcb * dt;
            duty += d * dt;
        }

        long startSecond(long period) {
            return seconds > 0 ? slot * period : Long.MAX_VALUE;
        }

        void addTo(Buckets buckets, long period) {
            if (seconds > 0) {
                buckets.add(slot * period, seconds, hashrate / seconds, watts / seconds, chipC / seconds,
                        pcbC / seconds, duty / seconds);
            }
        }
    }

    /** Time-weighted averages per output step; {@code sums} holds {@link #FIELDS} running sums per step. */
    private static final class Buckets {
        private static final int FIELDS = 5;
        private final long begin;
        private final long end;
        private final long step;
        private final double[] weight;
        private final double[] sums;

        Buckets(long begin, long end, long step) {
            this.begin = begin;
            this.end = end;
            this.step = step;
            int count = (int) Math.max(1, Math.ceilDiv(end - begin, step));
            this.weight = new double[count];
            this.sums = new double[count * FIELDS];
        }

        void add(long start, double seconds, double hr, double watts, double chip, double pcb, double duty) {
            if (start < begin || start >= end) {
                return;
            }
            int i = (int) ((start - begin) / step);
            weight[i] += seconds;
            int at = i * FIELDS;
            sums[at] += hr * seconds;
            sums[at + 1] += watts * seconds;
            sums[at + 2] += chip * seconds;
            sums[at + 3] += pcb * seconds;
            sums[at + 4] += duty * seconds;
        }

        List<MetricPoint> points() {
            List<MetricPoint> points = new ArrayList<>();
            for (int i = 0; i < weight.length; i++) {
                double w = weight[i];
                if (w > 0) {
                    int at = i * FIELDS;
                    points.add(new MetricPoint(Instant.ofEpochSecond(begin + i * step), sums[at] / w,
                            (int) Math.round(sums[at + 1] / w), (int) Math.round(sums[at + 2] / w),
                            (int) Math.round(sums[at + 3] / w), (int) Math.round(sums[at + 4] / w)));
                }
            }
            return points;
        }
    }
}
