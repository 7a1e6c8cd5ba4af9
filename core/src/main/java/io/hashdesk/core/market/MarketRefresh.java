package io.hashdesk.core.market;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the enabled market providers in the background, each on its own interval, on virtual threads: nothing here
 * ever blocks its caller on the network. Each outcome is kept (the status bar's "CoinGecko: HTTP 429, retrying after
 * 60 s") and handed to the listener; failures are logged once when a provider starts failing, not on every retry.
 */
public final class MarketRefresh implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MarketRefresh.class);

    private final List<MarketProvider> providers;
    private final Clock clock;
    private final Consumer<RefreshOutcome> listener;
    private final ScheduledExecutorService timer;
    private final ExecutorService workers;
    private final Map<String, RefreshOutcome> lastOutcomes = new ConcurrentHashMap<>();
    private final AtomicBoolean started = new AtomicBoolean();
    /** Providers with a refresh in flight, so a slow one is not asked again before it has answered. */
    private final Map<String, CompletableFuture<RefreshOutcome>> inFlight = new ConcurrentHashMap<>();

    /**
     * @param listener told of every outcome, on a background thread; it must not block for long
     */
    public MarketRefresh(List<MarketProvider> providers, Clock clock, Consumer<RefreshOutcome> listener) {
        this.providers = List.copyOf(providers);
        this.clock = clock;
        this.listener = listener;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("market-refresh-timer")
                .daemon(true).factory());
        this.workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("market-refresh-", 0).factory());
    }

    /** Starts asking every enabled provider now and then on its refresh interval; call once. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("the market refresh is already started");
        }
        for (MarketProvider provider : providers) {
            if (provider.enabled()) {
                long every = provider.refreshInterval().toMillis();
                timer.scheduleWithFixedDelay(() -> refresh(provider), 0, every, TimeUnit.MILLISECONDS);
                LOG.info("Market data from {} every {}", provider.name(), provider.refreshInterval());
            }
        }
    }

    /**
     * Asks every enabled provider now, in the background; the future completes when all have answered. Returns at
     * once. A provider still busy with an earlier refresh is not asked twice: its running refresh is awaited instead.
     */
    public CompletableFuture<List<RefreshOutcome>> refreshNow() {
        List<CompletableFuture<RefreshOutcome>> running = new ArrayList<>();
        for (MarketProvider provider : providers) {
            if (provider.enabled()) {
                running.add(refresh(provider));
            }
        }
        return CompletableFuture.allOf(running.toArray(CompletableFuture[]::new))
                .thenApply(done -> running.stream().map(CompletableFuture::join).toList());
    }

    /** The last outcome of the named provider, if it has been asked since start. */
    public Optional<RefreshOutcome> lastOutcome(String provider) {
        return Optional.ofNullable(lastOutcomes.get(provider));
    }

    /** The last outcome of every provider asked since start. */
    public Map<String, RefreshOutcome> lastOutcomes() {
        return Map.copyOf(lastOutcomes);
    }

    private CompletableFuture<RefreshOutcome> refresh(MarketProvider provider) {
        CompletableFuture<RefreshOutcome> mine = new CompletableFuture<>();
        CompletableFuture<RefreshOutcome> running = inFlight.putIfAbsent(provider.name(), mine);
        if (running != null) {
            return running;
        }
        try {
            workers.execute(() -> {
                RefreshOutcome outcome = ask(provider);
                inFlight.remove(provider.name(), mine);
                mine.complete(outcome);
            });
        } catch (RejectedExecutionException e) {
            inFlight.remove(provider.name(), mine);
            mine.complete(new RefreshOutcome.Skipped(provider.name(), clock.instant(),
                    provider.name() + ": market refresh has stopped"));
        }
        return mine;
    }

    private RefreshOutcome ask(MarketProvider provider) {
        RefreshOutcome outcome;
        try {
            outcome = provider.refresh();
        } catch (RuntimeException e) {
            // last resort: a provider must return its failures, so this is a bug; keep the refresh loop alive
            LOG.error("{} threw instead of reporting an outcome", provider.name(), e);
            outcome = new RefreshOutcome.Failed(provider.name(), clock.instant(), RefreshOutcome.Kind.UNEXPECTED,
                    provider.name() + ": internal error (" + e + "); see the log", Optional.empty());
        }
        RefreshOutcome previous = lastOutcomes.put(provider.name(), outcome);
        log(previous, outcome);
        notifyListener(outcome);
        return outcome;
    }

    private static void log(RefreshOutcome previous, RefreshOutcome outcome) {
        boolean wasFailing = previous instanceof RefreshOutcome.Failed;
        switch (outcome) {
            case RefreshOutcome.Failed failed when !wasFailing -> LOG.warn("{}", failed.message());
            case RefreshOutcome.Updated updated when wasFailing -> LOG.info("{} (recovered)", updated.message());
            default -> LOG.debug("{}", outcome.message());
        }
    }

    private void notifyListener(RefreshOutcome outcome) {
        try {
            listener.accept(outcome);
        } catch (RuntimeException e) {
            // last resort: a broken listener must not stop the refreshes
            LOG.error("The market refresh listener failed on '{}'", outcome.message(), e);
        }
    }

    /** Stops the schedule and interrupts refreshes in flight; figures already stored stay. */
    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdownNow();
    }
}
