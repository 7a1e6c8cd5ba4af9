package io.hashdesk.app.common;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a value in the background at a fixed period and hands the newest one to the UI. Updates coalesce: if
 * the UI thread has not taken the last value yet, a newer one replaces it instead of queueing behind it, so
 * a slow screen never builds a backlog and never sees more than one update per period.
 *
 * @param <T> what is read, e.g. the fleet summary
 */
public final class LiveRefresh<T> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveRefresh.class);
    /** Faster than this is noise to a person and load to the store. */
    public static final Duration MIN_PERIOD = Duration.ofSeconds(1);

    private final String name;
    private final Supplier<T> source;
    private final Consumer<T> sink;
    private final Executor uiExecutor;
    private final AtomicReference<T> pending = new AtomicReference<>();
    private final ScheduledExecutorService scheduler;

    public LiveRefresh(String name, Supplier<T> source, Consumer<T> sink, Executor uiExecutor) {
        this.name = Objects.requireNonNull(name, "name");
        this.source = Objects.requireNonNull(source, "source");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.uiExecutor = Objects.requireNonNull(uiExecutor, "uiExecutor");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "refresh-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts reading now and then every {@code period} (at least {@link #MIN_PERIOD}). */
    public LiveRefresh<T> start(Duration period) {
        long millis = Math.max(MIN_PERIOD.toMillis(), period.toMillis());
        scheduler.scheduleWithFixedDelay(this::readOnce, 0, millis, TimeUnit.MILLISECONDS);
        return this;
    }

    /** One read, on the caller's thread; what the schedule runs, exposed so tests need no waiting. */
    void readOnce() {
        T value;
        try {
            value = source.get();
        } catch (RuntimeException e) {
            LOG.warn("Refreshing {} failed; the screen keeps its last values until the next try", name, e);
            return;
        }
        if (value != null && pending.getAndSet(value) == null) {
            uiExecutor.execute(this::deliver);
        }
    }

    private void deliver() {
        T value = pending.getAndSet(null);
        if (value != null) {
            sink.accept(value);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
