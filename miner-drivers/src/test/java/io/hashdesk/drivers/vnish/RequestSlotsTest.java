package io.hashdesk.drivers.vnish;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Requests that wait long for a reply give their slot on, within the stragglers' cap. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class RequestSlotsTest {

    private static final Duration SHORT = Duration.ofMillis(50);
    private static final Duration GENEROUS = Duration.ofSeconds(5);

    @Test
    void aFreshRequestHoldsItsSlotSoTheNextWaitsAndTimesOut() throws InterruptedException {
        try (RequestSlots slots = new RequestSlots(1, 4, Duration.ofSeconds(30))) {
            RequestSlots.Slot first = slots.acquire(SHORT);

            assertNotNull(first);
            assertNull(slots.acquire(SHORT), "the only slot is taken and its request is not a straggler yet");
            first.close();
            assertNotNull(slots.acquire(SHORT), "closing gives the slot back");
        }
    }

    @Test
    void aRequestWaitingPastTheThresholdHandsItsSlotToTheNext() throws InterruptedException {
        try (RequestSlots slots = new RequestSlots(1, 4, Duration.ofMillis(100))) {
            RequestSlots.Slot hung = slots.acquire(SHORT);

            RequestSlots.Slot next = slots.acquire(GENEROUS);

            assertNotNull(hung);
            assertNotNull(next, "the hung request became a straggler and freed the slot");
            hung.close();
            next.close();
        }
    }

    @Test
    void noMoreThanTheCapOfStragglersFreeTheirSlots() throws InterruptedException {
        try (RequestSlots slots = new RequestSlots(1, 1, Duration.ofMillis(50))) {
            RequestSlots.Slot first = slots.acquire(SHORT);
            RequestSlots.Slot second = slots.acquire(GENEROUS);

            assertNotNull(second, "the first became the one straggler allowed");
            assertNull(slots.acquire(Duration.ofMillis(400)), "the second cannot straggle: the cap is reached");
            first.close();
            assertNotNull(slots.acquire(GENEROUS), "the first straggler ending lets the second straggle");
            second.close();
        }
    }
}
