package io.hashdesk.core.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.profit.PayoutScheme;
import io.hashdesk.core.profit.PoolTerms;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PoolDirectoryTest {

    private static final PoolDefinition BTC_MAIN = new PoolDefinition("main-btc", "Main BTC pool",
            PoolEndpoint.parse("btc.pool.example:3333"), "BTC", new PoolTerms(2.5, PayoutScheme.FPPS));
    private static final PoolDefinition BTC_SSL = new PoolDefinition("main-btc-443", "Main BTC pool (443)",
            PoolEndpoint.parse("btc.pool.example:443"), "BTC", new PoolTerms(2.5, PayoutScheme.FPPS));
    private static final PoolDefinition LTC_ANY_PORT = new PoolDefinition("ltc", "LTC+DOGE pool",
            PoolEndpoint.parse("ltc.pool.example"), "LTC", new PoolTerms(1.0, PayoutScheme.PPS));
    private final PoolDirectory directory = new PoolDirectory(List.of(BTC_MAIN, BTC_SSL, LTC_ANY_PORT));

    @Test
    void theExactPortWinsOverAnotherPoolOnTheSameHost() {
        assertEquals(Optional.of(BTC_SSL), directory.byUrl("stratum+ssl://btc.pool.example:443"));
        assertEquals(Optional.of(BTC_MAIN), directory.byUrl("stratum+tcp://btc.pool.example:3333"));
    }

    @Test
    void aPoolDefinedWithoutAPortTakesAnyPortOfItsHost() {
        assertEquals(Optional.of(LTC_ANY_PORT), directory.byUrl("stratum+tcp://ltc.pool.example:3333"));
    }

    @Test
    void anUnknownOrUnreadableUrlHasNoPoolAndNoCoin() {
        assertTrue(directory.byUrl("stratum+tcp://elsewhere.example:3333").isEmpty());
        assertTrue(directory.byUrl("not a url").isEmpty());
        assertTrue(directory.byUrl(null).isEmpty());
    }

    @Test
    void eachMinersCurrentPoolAndCoinComeFromItsLatestSnapshot() {
        Instant at = Instant.parse("2026-11-27T12:00:00Z");
        MinerId onLtc = MinerId.of("l7-01");
        MinerId offline = MinerId.of("s19-02");
        Map<MinerId, TelemetrySnapshot> latest = Map.of(
                onLtc, withPool(onLtc, at, "stratum+tcp://ltc.pool.example:8888"),
                offline, TelemetrySnapshot.unreachable(offline, at));

        Map<MinerId, CurrentPool> current = directory.currentPools(latest);

        assertEquals(Optional.of("LTC"), current.get(onLtc).coin());
        assertEquals("stratum+tcp://ltc.pool.example:8888", current.get(onLtc).reportedUrl());
        assertTrue(current.get(offline).pool().isEmpty());
        assertTrue(current.get(offline).coin().isEmpty());
    }

    private static TelemetrySnapshot withPool(MinerId id, Instant at, String poolUrl) {
        return new TelemetrySnapshot(id, at, MinerStatus.MINING, 9.5e-3, 9.5e-3, List.of(), 70.0, 60.0, List.of(5000),
                60.0, 3425.0, null, null, null, poolUrl, 100L, 1L, 0L, null);
    }
}
