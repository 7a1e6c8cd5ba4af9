package io.hashdesk.core.polling;

import io.hashdesk.core.domain.SensorId;
import io.hashdesk.core.domain.SensorReading;
import io.hashdesk.core.domain.SensorStatus;
import io.hashdesk.core.sensor.SensorDevice;
import io.hashdesk.core.sensor.SensorReader;
import io.hashdesk.core.sensor.SensorSettings;
import io.hashdesk.core.store.SensorStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The room sensors' share of each poll tick: {@link PollScheduler} calls {@link #tick} from its own thread, and a
 * tick only looks and launches, never waits. Each due sensor is read on a virtual thread; a read that finished is
 * collected at a later tick, one still running past {@link SensorSettings#readDeadline()} is interrupted and recorded
 * as a timeout. Reads are stored by a writer thread of their own, so neither a silent device nor the database holds
 * up the miners' polls.
 */
public final class SensorPolling implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SensorPolling.class);

    private final SensorReader reader;
    private final Supplier<? extends Collection<SensorDevice>> devices;
    private final SensorStore store;
    private final SensorSettings settings;
    private final Clock clock;
    private final ExecutorService readThreads =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("hashdesk-sensor-read-", 0).factory());
    /** One thread, so batches are stored in the order they were collected. */
    private final ExecutorService storeThread =
            Executors.newSingleThreadExecutor(Thread.ofVirtual().name("hashdesk-sensor-store").factory());
    /** Read by the scheduler thread only. */
    private final Map<SensorId, Instant> due = new HashMap<>();
    private final Map<SensorId, InFlight> inFlight = new HashMap<>();
    private List<SensorDevice> known = List.of();

    private record InFlight(SensorDevice device, Future<SensorReading> read, long startNanos) {
    }

    /**
     * @param devices the configured sensors, asked at every tick (the settings screen may change them any time)
     * @param clock   "now" for schedules and read times; the deadline is measured in real elapsed time
     */
    public SensorPolling(SensorReader reader, Supplier<? extends Collection<SensorDevice>> devices, SensorStore store,
                         SensorSettings settings, Clock clock) {
        this.reader = Objects.requireNonNull(reader, "sensor reader");
        this.devices = Objects.requireNonNull(devices, "devices");
        this.store = Objects.requireNonNull(store, "sensor store");
        this.settings = Objects.requireNonNull(settings, "sensor settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Collects the reads that finished or ran out of time, hands them to the store, and starts the reads now due.
     * Returns at once.
     */
    void tick(Instant now) {
        refreshDevices();
        List<SensorReading> batch = collect();
        for (SensorDevice device : known) {
            if (!inFlight.containsKey(device.id()) && !due.getOrDefault(device.id(), now).isAfter(now)) {
                due.put(device.id(), now.plus(settings.interval()));
                inFlight.put(device.id(), new InFlight(device, readThreads.submit(() -> reader.read(device)),
                        System.nanoTime()));
            }
        }
        if (!batch.isEmpty()) {
            storeThread.execute(() -> store(batch));
        }
    }

    /** Whether a read of {@code sensor} is running now (for tests and diagnostics). */
    boolean reading(SensorId sensor) {
        return inFlight.containsKey(sensor);
    }

    private void refreshDevices() {
        try {
            known = List.copyOf(devices.get());
        } catch (RuntimeException e) {
            // a broken configuration must not stop the sensors already known, nor the miners' polling
            LOG.warn("Could not read the configured sensors; reading the {} known", known.size(), e);
            return;
        }
        Set<SensorId> ids = new HashSet<>();
        known.forEach(d -> ids.add(d.id()));
        due.keySet().retainAll(ids);
    }

    private List<SensorReading> collect() {
        List<SensorReading> out = new ArrayList<>();
        long deadlineNanos = settings.readDeadline().toNanos();
        long nowNanos = System.nanoTime();
        var it = inFlight.values().iterator();
        while (it.hasNext()) {
            InFlight read = it.next();
            if (read.read().isDone()) {
                it.remove();
                out.add(outcome(read));
            } else if (nowNanos - read.startNanos() >= deadlineNanos) {
                it.remove();
                read.read().cancel(true);
                out.add(SensorReading.failed(read.device().id(), read.device().placement(), clock.instant(),
                        SensorStatus.TIMEOUT, "no complete answer within " + words(settings.readDeadline())
                                + " (the poller gave up on the read)"));
            }
        }
        return out;
    }

    private SensorReading outcome(InFlight read) {
        Future<SensorReading> future = read.read();
        if (future.state() == Future.State.SUCCESS) {
            return future.resultNow();
        }
        // the reader threw instead of returning a status: a driver bug, reported on the sensor and logged
        Throwable cause = future.state() == Future.State.FAILED ? future.exceptionNow()
                : new IllegalStateException("the read was cancelled");
        LOG.warn("Reading sensor {} failed unexpectedly", read.device().id(), cause);
        return SensorReading.failed(read.device().id(), read.device().placement(), clock.instant(),
                SensorStatus.MALFORMED_REPLY, "the driver failed: " + cause);
    }

    private void store(List<SensorReading> batch) {
        try {
            store.ingest(batch);
        } catch (RuntimeException e) {
            // the next batch must still be stored; the sensors' statuses are lost for this one
            LOG.warn("Storing {} sensor reads failed; they are lost", batch.size(), e);
        }
    }

    private static String words(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** Interrupts the reads in progress and waits briefly for the last batch to be stored. */
    @Override
    public void close() {
        readThreads.shutdownNow();
        storeThread.shutdown();
        try {
            if (!storeThread.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("The last sensor reads were still being stored at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
