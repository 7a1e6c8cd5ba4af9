package io.hashdesk.app.overview;

import io.hashdesk.app.common.JobRunner;
import io.hashdesk.core.domain.catalog.Algorithm;
import io.hashdesk.core.store.FleetPoint;
import io.hashdesk.core.store.SensorPoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The overview's 24 h chart: reads the fleet's 5-minute totals (hashrate per algorithm, power of all) for the window
 * ending now and says in one line what is shown, still loading, missing or failed. Touches no node.
 */
final class FleetHistoryViewModel {

    private final BiFunction<Instant, Instant, List<FleetPoint>> series;
    private final BiFunction<Instant, Instant, Map<Algorithm, List<FleetPoint>>> seriesByAlgorithm;
    private final BiFunction<Instant, Instant, Map<String, List<SensorPoint>>> metered;
    private final JobRunner jobs;
    private final Clock clock;
    private final Duration window;
    private final ReadOnlyObjectWrapper<FleetHistory> history = new ReadOnlyObjectWrapper<>(this, "history");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "Loading the history…");

    /**
     * @param series            the store's fleet totals at 5-minute resolution in {@code [from, to)}; called off the
     *                          FX thread
     * @param seriesByAlgorithm the same per algorithm, for the hashrate lines
     * @param metered           the room meters' power per room at 5-minute resolution, for the measured line
     */
    FleetHistoryViewModel(BiFunction<Instant, Instant, List<FleetPoint>> series,
                          BiFunction<Instant, Instant, Map<Algorithm, List<FleetPoint>>> seriesByAlgorithm,
                          BiFunction<Instant, Instant, Map<String, List<SensorPoint>>> metered,
                          JobRunner jobs, Clock clock, Duration window) {
        this.series = Objects.requireNonNull(series, "series");
        this.seriesByAlgorithm = Objects.requireNonNull(seriesByAlgorithm, "seriesByAlgorithm");
        this.metered = Objects.requireNonNull(metered, "metered");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = Objects.requireNonNull(window, "window");
    }

    /** One read of the window ending now; runs on a background thread (the live refresh's or a job's). */
    FleetHistory read() {
        Instant to = clock.instant();
        Instant from = to.minus(window);
        return FleetHistory.of(from, to, series.apply(from, to), seriesByAlgorithm.apply(from, to),
                metered.apply(from, to));
    }

    /** Takes a read; call on the FX thread. */
    void show(FleetHistory read) {
        history.set(read);
        message.set(read.isEmpty() ? "No readings in the last " + window.toHours() + " h yet; the chart fills in as"
                + " the miners are polled" : "");
    }

    /** Re-reads now (F5) through the job runner; a failure is said on the chart and the last lines stay. */
    void refresh() {
        jobs.submit("Read the fleet history", context -> read(), this::show,
                failure -> message.set("Could not read the fleet history: " + failure.getMessage()));
    }

    ReadOnlyObjectProperty<FleetHistory> historyProperty() {
        return history.getReadOnlyProperty();
    }

    /** Empty while lines are shown; otherwise why there are none. */
    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The chart's title suffix, e.g. "last 24 h". */
    String windowText() {
        return "last " + window.toHours() + " h";
    }
}
