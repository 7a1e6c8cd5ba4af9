package io.hashdesk.drivers.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class NetworkScannerTest {

    private static final List<DiscoveryTarget> SLASH_24 = DiscoveryTarget.of(Ipv4Range.parse("127.0.5.0/24"), 80, 4028);

    @Test
    void probesEveryTargetOnceNeverMoreAtATimeThanAllowedAndReportsProgress() {
        Set<String> probed = ConcurrentHashMap.newKeySet();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        MinerProbe probe = target -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(2);
                assertTrue(probed.add(target.host()), "probed twice: " + target.host());
                boolean miner = target.host().endsWith("0") && !target.host().endsWith(".0");
                return miner ? Optional.of(new DiscoveredMiner(target.address(), DiscoveredMiner.Channel.WEB_API,
                        "Antminer S19", "Vnish 1.2.6", "", "")) : Optional.empty();
            } finally {
                inFlight.decrementAndGet();
            }
        };
        AtomicInteger lastDone = new AtomicInteger();
        AtomicInteger foundEvents = new AtomicInteger();
        ScanProgress progress = new ScanProgress() {
            @Override
            public void scanned(int done, int total, int found) {
                lastDone.accumulateAndGet(done, Math::max);
                assertEquals(254, total);
            }

            @Override
            public void found(DiscoveredMiner miner) {
                foundEvents.incrementAndGet();
            }
        };

        NetworkScanner.ScanResult result = new NetworkScanner(probe, 16).scan(SLASH_24, progress);

        assertEquals(254, probed.size());
        assertTrue(mostInFlight.get() <= 16, "at most 16 at once, saw " + mostInFlight.get());
        assertEquals(254, lastDone.get());
        assertEquals(25, result.miners().size());
        assertEquals(25, foundEvents.get());
        assertEquals("127.0.5.10", result.miners().getFirst().address().host(), "results in address order");
        assertEquals("127.0.5.250", result.miners().getLast().address().host());
    }

    @Test
    void aProbeThatFailsUnexpectedlyCostsOnlyItsOwnAddress() {
        MinerProbe probe = target -> {
            if (target.host().equals("127.0.5.7")) {
                throw new IllegalStateException("odd reply");
            }
            return Optional.of(new DiscoveredMiner(target.address(), DiscoveredMiner.Channel.RPC, "", "", "", ""));
        };
        NetworkScanner.ScanResult result = new NetworkScanner(probe, 8).scan(SLASH_24, ScanProgress.NONE);
        assertEquals(253, result.miners().size());
        assertEquals(254, result.scanned());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void interruptingTheScanCancelsItAndReturnsWhatWasFound() throws Exception {
        CountDownLatch started = new CountDownLatch(4);
        MinerProbe slow = target -> {
            started.countDown();
            Thread.sleep(60_000);
            return Optional.empty();
        };
        AtomicInteger scanned = new AtomicInteger(-1);
        AtomicInteger cancelledFlag = new AtomicInteger();
        Thread scanning = Thread.ofVirtual().start(() -> {
            NetworkScanner.ScanResult result = new NetworkScanner(slow, 4).scan(SLASH_24, ScanProgress.NONE);
            scanned.set(result.scanned());
            cancelledFlag.set(result.cancelled() ? 1 : 0);
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        scanning.interrupt();
        scanning.join(20_000);

        assertEquals(1, cancelledFlag.get());
        assertTrue(scanned.get() < 254, "cancelled before the end, scanned " + scanned.get());
    }

    @Test
    void theWebProbeFallsBackToRpcOnlyWhereItFindsNothing() throws Exception {
        MinerProbe web = target -> target.host().equals("127.0.5.1")
                ? Optional.of(new DiscoveredMiner(target.address(), DiscoveredMiner.Channel.WEB_API, "S19", "Vnish", "", ""))
                : Optional.empty();
        AtomicInteger rpcCalls = new AtomicInteger();
        MinerProbe rpc = target -> {
            rpcCalls.incrementAndGet();
            return Optional.of(new DiscoveredMiner(target.address(), DiscoveredMiner.Channel.RPC, "", "", "", ""));
        };
        MinerProbe both = web.orElse(rpc);
        assertEquals(DiscoveredMiner.Channel.WEB_API, both.probe(SLASH_24.getFirst()).orElseThrow().via());
        assertEquals(DiscoveredMiner.Channel.RPC, both.probe(SLASH_24.get(1)).orElseThrow().via());
        assertEquals(1, rpcCalls.get());
    }
}
