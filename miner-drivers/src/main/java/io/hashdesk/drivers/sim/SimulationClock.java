package io.hashdesk.drivers.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulated time. In manual mode time moves only when a test calls {@link #advance}; once {@link #start()}ed it
 * follows the wall clock multiplied by {@link #speed()} (1 for the demo farm, 1000 to generate history quickly).
 * Listeners (the fleet) are told each advance on the thread that made it, and finish before it returns, so a reader
 * never sees time ahead of the state. It is also a {@link Clock}, so code under test can run on simulated time.
 */
public final class SimulationClock extends Clock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulationClock.class);
    /**
     * How often the running clock moves: once a second at real time (ten thousand units stepped four times as often
     * would only cost CPU), four times a second when faster, so that fast runs still look smooth. The fleet
     * sub-steps anyway.
     */
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final Duration FAST_TICK = Duration.ofMillis(250);
    /** Behind by more than this many ticks is worth one warning: the fleet cannot keep up with the speed. */
    private static final int LAG_WARNING_TICKS = 20;

    /** Told about every advance of simulated time. */
    public interface Listener {
        void advanced(Instant from, Instant to);
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Object advanceLock = new Object();
    private volatile Instant now;
    private volatile double speed;
    private volatile Thread ticker;
    private boolean lagReported;

    private SimulationClock(Instant start, double speed) {
        this.now = start;
        this.speed = requireSpeed(speed);
    }

    /** A clock that stands still until {@link #advance} is called. */
    public static SimulationClock manual(Instant start) {
        return new SimulationClock(start, 1);
    }

    /** A clock that will run at {@code speed} times real time once {@link #start()}ed. */
    public static SimulationClock atSpeed(Instant start, double speed) {
        return new SimulationClock(start, speed);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    public double speed() {
        return speed;
    }

    public void setSpeed(double value) {
        speed = requireSpeed(value);
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /** Moves simulated time forward now, on this thread. Not allowed while the clock runs by itself. */
    public void advance(Duration duration) {
        if (ticker != null) {
            throw new IllegalStateException("the clock is running at " + speed + "x; stop it before stepping by hand");
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time only moves forward, got " + duration);
        }
        moveTo(now.plus(duration));
    }

    /** Starts following the wall clock at {@link #speed()}; idempotent. */
    public synchronized void start() {
        if (ticker != null) {
            return;
        }
        ticker = Thread.ofPlatform().daemon().name("simulation-clock").start(this::run);
    }

    /** Stops the running clock; simulated time stays where it is. */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            running = ticker;
            ticker = null;
        }
        if (running != null) {
            running.interrupt();
            try {
                running.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean running() {
        return ticker != null;
    }

    private void run() {
        long last = System.nanoTime();
        double carryNanos = 0;
        while (!Thread.currentThread().isInterrupted()) {
            Duration tick = speed > 1 ? FAST_TICK : TICK;
            LockSupport.parkNanos(tick.toNanos());
            long wall = System.nanoTime();
            carryNanos += (wall - last) * speed;
            last = wall;
            long whole = (long) carryNanos;
            carryNanos -= whole;
            try {
                moveTo(now.plusNanos(whole));
            } catch (RuntimeException e) {
                // Last resort on the clock's own thread: nobody else would ever see this failure.
                LOG.error("Simulation clock stopped: a listener failed at {}", now, e);
                return;
            }
            long spent = System.nanoTime() - wall;
            if (!lagReported && spent > LAG_WARNING_TICKS * tick.toNanos()) {
                lagReported = true;
                LOG.warn("Simulation at {}x falls behind: one tick took {} ms of real time", speed, spent / 1_000_000);
            }
        }
    }

    private void moveTo(Instant target) {
        synchronized (advanceLock) {
            Instant from = now;
            if (!target.isAfter(from)) {
                return;
            }
            for (Listener listener : listeners) {
                listener.advanced(from, target);
            }
            now = target;
        }
    }

    private static double requireSpeed(double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number, got " + speed);
        }
        return speed;
    }
}
