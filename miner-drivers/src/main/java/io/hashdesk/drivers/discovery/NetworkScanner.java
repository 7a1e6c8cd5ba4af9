package io.hashdesk.drivers.discovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scans exactly the targets it is given for miners, a bounded number at a time on virtual threads, reporting
 * progress as it goes. Interrupting the calling thread cancels the scan; what was found so far is returned.
 */
public final class NetworkScanner {

    private static final Logger LOG = LoggerFactory.getLogger(NetworkScanner.class);

    private final MinerProbe probe;
    private final int maxConcurrency;

    /** The outcome of one scan, miners in address order. */
    public record ScanResult(List<DiscoveredMiner> miners, int scanned, int total, boolean cancelled, Duration took) {

        public ScanResult {
            miners = List.copyOf(miners);
        }
    }

    /**
     * @param maxConcurrency addresses probed at once; bounded so a scan neither floods the LAN nor the miners
     */
    public NetworkScanner(MinerProbe probe, int maxConcurrency) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be ≥ 1, got " + maxConcurrency);
        }
        this.probe = probe;
        this.maxConcurrency = maxConcurrency;
    }

    public ScanResult scan(List<DiscoveryTarget> targets, ScanProgress progress) {
        long started = System.nanoTime();
        List<DiscoveredMiner> found = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        Semaphore slots = new Semaphore(maxConcurrency);
        boolean cancelled = false;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (DiscoveryTarget target : targets) {
                try {
                    slots.acquire();
                } catch (InterruptedException e) {
                    cancelled = true;
                    threads.shutdownNow();
                    break;
                }
                threads.submit(() -> {
                    try {
                        probeOne(target, found, progress);
                    } finally {
                        slots.release();
                        progress.scanned(done.incrementAndGet(), targets.size(), found.size());
                    }
                });
            }
        }
        if (cancelled) {
            Thread.currentThread().interrupt();
        }
        List<DiscoveredMiner> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingLong((DiscoveredMiner m) -> Ipv4Range.parseAddress(m.address().host(), m.address().host()))
                .thenComparingInt(m -> m.address().httpPort()));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("Scanned {} of {} addresses in {} ms: {} miner(s){}", done.get(), targets.size(), took.toMillis(),
                sorted.size(), cancelled ? " (cancelled)" : "");
        return new ScanResult(sorted, done.get(), targets.size(), cancelled, took);
    }

    private void probeOne(DiscoveryTarget target, List<DiscoveredMiner> found, ScanProgress progress) {
        try {
            Optional<DiscoveredMiner> miner = probe.probe(target);
            miner.ifPresent(m -> {
                found.add(m);
                progress.found(m);
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // one odd host must not end the scan of the others
            LOG.warn("Probing {} failed unexpectedly", target.host(), e);
        }
    }
}
