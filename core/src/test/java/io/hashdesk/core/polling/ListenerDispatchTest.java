package io.hashdesk.core.polling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hashdesk.core.store.IngestReport;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** Delivery rules, with an executor the test runs by hand so every interleaving is exact. */
class ListenerDispatchTest {

    /** Holds submitted deliveries until the test runs them. */
    private static final class ManualExecutor implements Executor {
        final Queue<Runnable> waiting = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            waiting.add(task);
        }

        void runAll() {
            for (Runnable task = waiting.poll(); task != null; task = waiting.poll()) {
                task.run();
            }
        }
    }

    private static PollCycle cycle(int second) {
        return new PollCycle(Instant.EPOCH.plusSeconds(second), List.of(), List.of(), new IngestReport(0, List.of()),
                PollMetrics.none());
    }

    private final ManualExecutor executor = new ManualExecutor();
    private final ListenerDispatch dispatch = new ListenerDispatch(executor);
    private final List<Instant> heard = new ArrayList<>();

    @Test
    void aListenerStillBusyGetsOnlyTheLatestCycleWhenItIsFreeAgain() {
        dispatch.add(c -> heard.add(c.startedAt()));

        dispatch.publish(cycle(1));
        dispatch.publish(cycle(2));
        dispatch.publish(cycle(3));
        assertEquals(1, executor.waiting.size(), "one delivery thread per listener, not one per cycle");
        executor.runAll();

        assertEquals(List.of(Instant.EPOCH.plusSeconds(3)), heard);
    }

    @Test
    void aThrowingListenerDoesNotStopTheOthersOrItsOwnNextDelivery() {
        List<Instant> thrower = new ArrayList<>();
        dispatch.add(c -> {
            thrower.add(c.startedAt());
            throw new IllegalStateException("listener bug");
        });
        dispatch.add(c -> heard.add(c.startedAt()));

        dispatch.publish(cycle(1));
        executor.runAll();
        dispatch.publish(cycle(2));
        executor.runAll();

        assertEquals(List.of(Instant.EPOCH.plusSeconds(1), Instant.EPOCH.plusSeconds(2)), thrower);
        assertEquals(thrower, heard);
    }

    @Test
    void aRemovedListenerHearsNothingMore() {
        PollListener removed = c -> heard.add(c.startedAt());
        dispatch.add(removed);
        dispatch.remove(removed);

        dispatch.publish(cycle(1));
        executor.runAll();

        assertEquals(List.of(), heard);
    }
}
