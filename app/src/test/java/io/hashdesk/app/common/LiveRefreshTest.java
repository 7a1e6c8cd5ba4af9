package io.hashdesk.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LiveRefreshTest {

    /** Stands in for the FX thread: runs what was posted only when the test says so. */
    private final Queue<Runnable> uiQueue = new ArrayDeque<>();

    @Test
    void readsThatPileUpWhileTheUiIsBusyCoalesceIntoTheNewestValue() {
        AtomicInteger counter = new AtomicInteger();
        List<Integer> shown = new ArrayList<>();
        try (LiveRefresh<Integer> refresh = new LiveRefresh<>("test", counter::incrementAndGet, shown::add, uiQueue::add)) {
            refresh.readOnce();
            refresh.readOnce();
            refresh.readOnce();
            assertEquals(1, uiQueue.size(), "one UI update queued, not three");
            uiQueue.poll().run();
            assertEquals(List.of(3), shown);

            refresh.readOnce();
            uiQueue.poll().run();
            assertEquals(List.of(3, 4), shown);
        }
    }

    @Test
    void aFailingReadKeepsTheLastValuesAndTheNextReadStillArrives() {
        AtomicInteger calls = new AtomicInteger();
        List<String> shown = new ArrayList<>();
        try (LiveRefresh<String> refresh = new LiveRefresh<>("test", () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database busy");
            }
            return "ok";
        }, shown::add, uiQueue::add)) {
            refresh.readOnce();
            assertEquals(0, uiQueue.size());
            refresh.readOnce();
            uiQueue.poll().run();
            assertEquals(List.of("ok"), shown);
        }
    }
}
