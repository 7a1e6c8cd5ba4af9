package io.hashdesk.ml.optimiser;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.catalog.MinerModel;
import io.hashdesk.core.store.Resolution;
import io.hashdesk.core.store.SeriesPoint;
import io.hashdesk.core.store.TelemetryStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the probes a unit ran in production from its stored 5-minute rollups: every settled stretch at one setting
 * (same preset, frequency and voltage) becomes one {@link Probe} with the stretch's mean figures. No probe is ever
 * run for the curve's sake; the farm's own history is the experiment.
 *
 * <p>What counts, and what is done with missing data:
 * <ul>
 *   <li>A bucket is usable only if every snapshot in it was hashing and it reports frequency, voltage and a positive
 *       hashrate. Any other bucket (offline, starting after a restart, stopped, failed, clocks unknown) ends the
 *       stretch; the next usable bucket starts a new one, which must settle again.</li>
 *   <li>A gap (no bucket where one was due) also ends the stretch: the unit may have restarted unseen.</li>
 *   <li>Buckets starting within {@code settleTime} of the stretch's first bucket are dropped; a stretch with less than
 *       {@code minSettledTime} left makes no probe.</li>
 *   <li>Power and chip temperature are averaged over the settled buckets that reported them. If none did, the probe
 *       has none ({@code null}): it then trains neither power nor J/TH (or chip temperature), never a filled-in
 *       value.</li>
 *   <li>The error fraction is hardware errors ÷ (hardware errors + diff-1 work done), from the store's counter
 *       increments and the mean hashrate. The store counts a snapshot without the counter as no increment, so a
 *       firmware that never reports it reads as error-free: a limit of the rollups, not a choice made here.</li>
 * </ul>
 */
public final class UnitHistories {

    private static final double HASHES_PER_TERAHASH = 1e12;
    private static final double MILLIONTHS = 1e6;

    private final TelemetryStore telemetry;
    private final HistoryOptions options;

    public UnitHistories(TelemetryStore telemetry, HistoryOptions options) {
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The probes {@code miner}, a unit of {@code model}, ran in {@code [from, to)}, oldest first. */
    public UnitHistory read(MinerId miner, MinerModel model, Instant from, Instant to) {
        List<SeriesPoint> series = telemetry.series(miner, from, to, Resolution.FIVE_MINUTES);
        return new UnitHistory(miner.value(), model.id(), probes(series, model, options));
    }

    /** The probes in a series of rollups (raw points, having no width, are never usable), oldest first. */
    static List<Probe> probes(List<SeriesPoint> series, MinerModel model, HistoryOptions options) {
        double hashesPerError = options.hashesPerHardwareError().get(model.algorithm());
        List<Probe> probes = new ArrayList<>();
        List<SeriesPoint> stretch = new ArrayList<>();
        for (SeriesPoint point : series) {
            if (!usable(point)) {
                settle(stretch, options, hashesPerError).ifPresent(probes::add);
                stretch.clear();
                continue;
            }
            if (!stretch.isEmpty() && !continues(stretch, point, options)) {
                settle(stretch, options, hashesPerError).ifPresent(probes::add);
                stretch.clear();
            }
            stretch.add(point);
        }
        settle(stretch, options, hashesPerError).ifPresent(probes::add);
        return probes;
    }

    private static boolean usable(SeriesPoint p) {
        return p.width().isPositive() && p.samples() > 0 && p.hashingSamples() == p.samples()
                && p.frequencyMhz() != null && p.voltageVolts() != null && p.hashrateThs() != null
                && p.hashrateThs().mean() > 0;
    }

    /** Whether {@code next} runs the stretch's setting and follows its last bucket without a gap. */
    private static boolean continues(List<SeriesPoint> stretch, SeriesPoint next, HistoryOptions options) {
        SeriesPoint first = stretch.getFirst();
        SeriesPoint last = stretch.getLast();
        return last.start().plus(last.width()).equals(next.start())
                && Objects.equals(first.preset(), next.preset())
                && Math.abs(first.frequencyMhz() - next.frequencyMhz()) <= options.frequencyToleranceMhz()
                && Math.abs(first.voltageVolts() - next.voltageVolts()) <= options.voltageToleranceVolts();
    }

    /** The stretch's probe from its settled buckets, if it has enough of them. */
    private static Optional<Probe> settle(List<SeriesPoint> stretch, HistoryOptions options,
                                                    double hashesPerError) {
        if (stretch.isEmpty()) {
            return Optional.empty();
        }
        Instant settled = stretch.getFirst().start().plus(options.settleTime());
        List<SeriesPoint> kept = stretch.stream().filter(p -> !p.start().isBefore(settled)).toList();
        long keptSeconds = kept.stream().mapToLong(p -> p.width().toSeconds()).sum();
        if (keptSeconds < options.minSettledTime().toSeconds()) {
            return Optional.empty();
        }
        return Optional.of(probe(kept, hashesPerError));
    }

    private static Probe probe(List<SeriesPoint> kept, double hashesPerError) {
        Mean freq = new Mean();
        Mean volts = new Mean();
        Mean hashrate = new Mean();
        Mean power = new Mean();
        Mean chip = new Mean();
        double work = 0;
        long errors = 0;
        for (SeriesPoint p : kept) {
            freq.add(p.frequencyMhz(), p.samples());
            volts.add(p.voltageVolts(), p.samples());
            hashrate.add(p.hashrateThs().mean(), p.samples());
            if (p.powerWatts() != null) {
                power.add(p.powerWatts().mean(), p.samples());
            }
            if (p.chipTempC() != null) {
                chip.add(p.chipTempC().mean(), p.samples());
            }
            // counter increments tile time from one snapshot to the next, so the bucket's whole width did this work
            work += p.hashrateThs().mean() * HASHES_PER_TERAHASH * p.width().toSeconds() / hashesPerError;
            errors += p.hardwareErrors();
        }
        double errorFraction = errors / (errors + work);
        return new Probe(new Setting(millionths(freq.value()), millionths(volts.value())), hashrate.value(),
                power.valueOrNull(), chip.valueOrNull(), errorFraction);
    }

    /**
     * A setting's mean rounded to millionths of its unit, far below any firmware step or reading: averaging the same
     * reading over buckets of different weights can land an ulp off it, and stretches at one setting must give one
     * setting exactly, which the Gaussian processes fold into one input ({@link DistinctInputs}).
     */
    private static double millionths(double value) {
        return Math.round(value * MILLIONTHS) / MILLIONTHS;
    }

    /** A sample-weighted mean that knows whether anything was added. */
    private static final class Mean {
        private double sum;
        private double weight;

        void add(double value, int samples) {
            sum += value * samples;
            weight += samples;
        }

        double value() {
            return sum / weight;
        }

        Double valueOrNull() {
            return weight > 0 ? sum / weight : null;
        }
    }
}
