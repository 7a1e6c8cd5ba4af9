package io.hashdesk.drivers.vnish;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.drivers.api.DriverOptions;
import io.hashdesk.drivers.api.MinerCredentials;
import io.hashdesk.drivers.api.MinerTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Requests to a miner whose last request went unanswered take their slots from a pool of their own, so a farm's hung
 * miners cannot hold the slots the answering miners need (with one pool they took every slot at the start of a poll
 * cycle, when the miners that failed last time are read first).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class VnishUnansweredMinersTest {

    /** Longer than any request here may take: a hung request keeps its slot until it times out. */
    private static final Duration NEVER_STRAGGLE = Duration.ofSeconds(60);
    /** A hung request holds its slot this long; a request waiting for that slot waits as long. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(4);
    private static final DriverOptions OPTIONS = DriverOptions.defaults()
            .withTimeouts(Duration.ofMillis(500), REQUEST_TIMEOUT, Duration.ofSeconds(8));
    /** A blink with a free slot takes milliseconds; one that had to wait for the hung request's slot, 4 s. */
    private static final long WITHOUT_WAITING_MILLIS = REQUEST_TIMEOUT.toMillis() / 2;
    private static final String BLINK = "POST /find-miner";

    @Test
    void aMinerThatTimedOutWaitsInItsOwnPoolAndLeavesTheOnlyAnsweringSlotFree() throws Exception {
        try (FakeVnish hung = new FakeVnish("1.2.7");
             FakeVnish answering = new FakeVnish("1.2.7");
             VnishDrivers drivers = new VnishDrivers(OPTIONS, Clock.systemUTC(), 1, NEVER_STRAGGLE);
             VnishDriver hungDriver = drivers.open(hung.address(), MinerCredentials.vnishDefault());
             VnishDriver answeringDriver = drivers.open(answering.address(), MinerCredentials.vnishDefault())) {
            hangPastTheRequestTimeout(hung);
            answering.json(BLINK, "{\"on\":true}");
            assertThrows(MinerTimeoutException.class, () -> hungDriver.blink(true));

            Thread secondTry = Thread.ofVirtual().start(() -> blinkIgnoringFailure(hungDriver));
            awaitRequests(hung, 2);

            assertBlinksWithoutWaiting(answeringDriver,
                    "the hung miner's open request holds a slot of the unanswered pool, not the answering one");
            assertEquals(1, answering.requests(BLINK).size());
            secondTry.join();
        }
    }

    @Test
    void aMinerThatAnswersAgainGoesBackToTheAnsweringPool() throws Exception {
        try (FakeVnish recovering = new FakeVnish("1.2.7");
             FakeVnish stillHung = new FakeVnish("1.2.7");
             VnishDrivers drivers = new VnishDrivers(OPTIONS, Clock.systemUTC(), 1, NEVER_STRAGGLE);
             VnishDriver recoveringDriver = drivers.open(recovering.address(), MinerCredentials.vnishDefault());
             VnishDriver hungDriver = drivers.open(stillHung.address(), MinerCredentials.vnishDefault())) {
            hangPastTheRequestTimeout(stillHung);
            hangPastTheRequestTimeout(recovering);
            assertThrows(MinerTimeoutException.class, () -> hungDriver.blink(true));
            assertThrows(MinerTimeoutException.class, () -> recoveringDriver.blink(true));
            recovering.json(BLINK, "{\"on\":true}");
            assertDoesNotThrow(() -> recoveringDriver.blink(true), "answered again");

            Thread secondTry = Thread.ofVirtual().start(() -> blinkIgnoringFailure(hungDriver));
            awaitRequests(stillHung, 2);

            assertBlinksWithoutWaiting(recoveringDriver,
                    "the only unanswered slot is held by the hung miner; the recovered one uses the answering pool");
            secondTry.join();
        }
    }

    /** The miner answers a blink only after 5 s, past the 4 s request timeout. */
    private static void hangPastTheRequestTimeout(FakeVnish miner) {
        miner.respond(BLINK, r -> new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS)
                .body("{\"on\":true}").build());
    }

    private static void assertBlinksWithoutWaiting(VnishDriver driver, String why) {
        long started = System.nanoTime();
        assertDoesNotThrow(() -> driver.blink(true), why);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(millis < WITHOUT_WAITING_MILLIS, why + "; took " + millis + " ms");
    }

    private static void blinkIgnoringFailure(VnishDriver driver) {
        try {
            driver.blink(true);
        } catch (MinerAccessException expected) {
            // the miner hangs past the request timeout: what the test needs is the open request, not its end
        }
    }

    private static void awaitRequests(FakeVnish miner, int count) throws InterruptedException {
        while (miner.requests(BLINK).size() < count) {
            Thread.sleep(10);
        }
    }
}
