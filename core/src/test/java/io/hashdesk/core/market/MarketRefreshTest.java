package io.hashdesk.core.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MarketRefreshTest {

    private final List<RefreshOutcome> heard = new CopyOnWriteArrayList<>();
    private MarketRefresh refresh;

    @AfterEach
    void close() {
        if (refresh != null) {
            refresh.close();
        }
    }

    /** A provider that answers when its gate opens and counts how often it was asked and from which thread. */
    private static class ScriptedProvider implements MarketProvider {
        private final String name;
        private final boolean enabled;
        private final Duration interval;
        private final CountDownLatch gate;
        private final AtomicInteger asked = new AtomicInteger();
        private final AtomicInteger concurrent = new AtomicInteger();
        private volatile int maxConcurrent;
        private volatile boolean virtualThread;

        ScriptedProvider(String name, boolean enabled, Duration interval, CountDownLatch gate) {
            this.name = name;
            this.enabled = enabled;
            this.interval = interval;
            this.gate = gate;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean enabled() {
            return enabled;
        }

        @Override
        public Duration refreshInterval() {
            return interval;
        }

        @Override
        public RefreshOutcome refresh() {
            asked.incrementAndGet();
            virtualThread = Thread.currentThread().isVirtual();
            maxConcurrent = Math.max(maxConcurrent, concurrent.incrementAndGet());
            try {
                gate.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                concurrent.decrementAndGet();
            }
            return new RefreshOutcome.Updated(name, Instant.now(), name + ": 1 price(s)", List.of());
        }
    }

    private static CountDownLatch open() {
        return new CountDownLatch(0);
    }

    @Test
    void refreshNowReturnsAtOnceWhileAProviderIsStillWaitingOnTheNetwork() throws Exception {
        CountDownLatch network = new CountDownLatch(1);
        ScriptedProvider slow = new ScriptedProvider("Slow", true, Duration.ofMinutes(10), network);
        refresh = new MarketRefresh(List.of(slow), Clock.systemUTC(), heard::add);

        long started = System.nanoTime();
        CompletableFuture<List<RefreshOutcome>> pending = refresh.refreshNow();
        Duration returnedAfter = Duration.ofNanos(System.nanoTime() - started);

        assertThat(returnedAfter).isLessThan(Duration.ofMillis(500));
        assertThat(pending).isNotDone();
        network.countDown();
        assertThat(pending.get(5, TimeUnit.SECONDS)).extracting(RefreshOutcome::provider).containsExactly("Slow");
        assertThat(slow.virtualThread).isTrue();
        assertThat(heard).extracting(RefreshOutcome::message).containsExactly("Slow: 1 price(s)");
        assertThat(refresh.lastOutcome("Slow")).map(RefreshOutcome::message).hasValue("Slow: 1 price(s)");
    }

    @Test
    void disabledProvidersAreNeverAsked() throws Exception {
        ScriptedProvider on = new ScriptedProvider("On", true, Duration.ofMinutes(10), open());
        ScriptedProvider off = new ScriptedProvider("Off", false, Duration.ofMinutes(10), open());
        refresh = new MarketRefresh(List.of(on, off), Clock.systemUTC(), heard::add);

        refresh.start();
        refresh.refreshNow().get(5, TimeUnit.SECONDS);

        assertThat(off.asked).hasValue(0);
        assertThat(on.asked.get()).isPositive();
        assertThat(refresh.lastOutcomes()).containsOnlyKeys("On");
    }

    @Test
    void aProviderStillBusyIsNotAskedASecondTimeButAwaited() throws Exception {
        CountDownLatch network = new CountDownLatch(1);
        ScriptedProvider slow = new ScriptedProvider("Slow", true, Duration.ofMinutes(10), network);
        refresh = new MarketRefresh(List.of(slow), Clock.systemUTC(), heard::add);

        CompletableFuture<List<RefreshOutcome>> first = refresh.refreshNow();
        CompletableFuture<List<RefreshOutcome>> second = refresh.refreshNow();
        network.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(second.get(5, TimeUnit.SECONDS));
        assertThat(slow.asked).hasValue(1);
        assertThat(slow.maxConcurrent).isEqualTo(1);
    }

    @Test
    void startedRefreshAsksEachProviderAgainOnItsInterval() throws Exception {
        ScriptedProvider fast = new ScriptedProvider("Fast", true, Duration.ofMillis(50), open());
        refresh = new MarketRefresh(List.of(fast), Clock.systemUTC(), heard::add);

        refresh.start();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (fast.asked.get() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(fast.asked.get()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aProviderThatThrowsBecomesAFailedOutcomeAndTheOthersStillRun() throws Exception {
        MarketProvider broken = new ScriptedProvider("Broken", true, Duration.ofMinutes(10), open()) {
            @Override
            public RefreshOutcome refresh() {
                throw new IllegalStateException("bug");
            }
        };
        ScriptedProvider fine = new ScriptedProvider("Fine", true, Duration.ofMinutes(10), open());
        refresh = new MarketRefresh(List.of(broken, fine), Clock.systemUTC(), heard::add);

        List<RefreshOutcome> outcomes = refresh.refreshNow().get(5, TimeUnit.SECONDS);

        assertThat(outcomes.get(0)).isInstanceOfSatisfying(RefreshOutcome.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(RefreshOutcome.Kind.UNEXPECTED);
            assertThat(failed.message()).startsWith("Broken: internal error");
        });
        assertThat(outcomes.get(1)).isInstanceOf(RefreshOutcome.Updated.class);
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheRefresh() throws Exception {
        ScriptedProvider fine = new ScriptedProvider("Fine", true, Duration.ofMinutes(10), open());
        refresh = new MarketRefresh(List.of(fine), Clock.systemUTC(), outcome -> {
            throw new IllegalStateException("listener bug");
        });

        assertThat(refresh.refreshNow().get(5, TimeUnit.SECONDS)).hasSize(1);
        assertThat(refresh.lastOutcome("Fine")).isPresent();
    }

    @Test
    void afterCloseARefreshIsSkippedInsteadOfThrown() throws Exception {
        ScriptedProvider fine = new ScriptedProvider("Fine", true, Duration.ofMinutes(10), open());
        refresh = new MarketRefresh(List.of(fine), Clock.systemUTC(), heard::add);
        refresh.close();

        List<RefreshOutcome> outcomes = refresh.refreshNow().get(5, TimeUnit.SECONDS);

        assertThat(outcomes).singleElement().isInstanceOf(RefreshOutcome.Skipped.class);
        assertThat(fine.asked).hasValue(0);
        assertThat(outcomes.getFirst().message()).isEqualTo("Fine: market refresh has stopped");
    }
}
