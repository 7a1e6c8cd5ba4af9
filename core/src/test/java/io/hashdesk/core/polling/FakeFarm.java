package io.hashdesk.core.polling;

import io.hashdesk.core.store.sqlite.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A poll scheduler over fake miners, a recording store and a clock the test moves; the test ticks the scheduler
 * itself, so schedules play out exactly and in no real time.
 */
final class FakeFarm implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    static final Duration TICK = Duration.ofSeconds(1);

    final MutableClock clock = new MutableClock(T0);
    final Fleet fleet;
    final ScriptedReader reader = new ScriptedReader(clock);
    final RecordingStore store = new RecordingStore();
    final PollScheduler scheduler;

    FakeFarm(int miners, PollSettings settings) {
        fleet = Fleet.of(miners);
        scheduler = new PollScheduler(reader, fleet, store, settings, clock, new SplittableRandom(7));
    }

    /** Seconds since {@link #T0} by the test clock. */
    long elapsedSeconds() {
        return Duration.between(T0, clock.instant()).toSeconds();
    }

    /** Ticks once a second for {@code duration}, starting now; returns the cycles that polled something. */
    List<PollCycle> runFor(Duration duration) {
        List<PollCycle> cycles = new ArrayList<>();
        Instant end = clock.instant().plus(duration);
        while (clock.instant().isBefore(end)) {
            scheduler.pollDue().ifPresent(cycles::add);
            clock.advance(TICK);
        }
        return cycles;
    }

    /** Runs until the clock reads {@code seconds} after {@link #T0}. */
    List<PollCycle> runUntil(long seconds) {
        return runFor(Duration.ofSeconds(seconds - elapsedSeconds()));
    }

    /** Seconds after {@link #T0} of each instant. */
    static List<Long> seconds(List<Instant> instants) {
        return instants.stream().map(i -> Duration.between(T0, i).toSeconds()).toList();
    }

    @Override
    public void close() {
        scheduler.close();
    }
}
