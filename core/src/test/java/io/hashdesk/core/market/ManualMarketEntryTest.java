package io.hashdesk.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.MutableClock;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManualMarketEntryTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @TempDir
    Path dir;
    private SqliteFarmStore farm;
    private ManualMarketEntry entry;

    @BeforeEach
    void open() {
        MutableClock clock = new MutableClock(NOW);
        farm = SqliteFarmStore.open(dir.resolve("hashdesk.db"), StoreSettings.defaults(), clock);
        entry = new ManualMarketEntry(CoinCatalog.bundled(), farm.market(), MarketSettings.defaults(), clock);
    }

    @AfterEach
    void close() {
        farm.close();
    }

    @Test
    void aManualEntryIsStoredAsManualAndBecomesTheLatestFigure() {
        farm.market().append(java.util.List.of(new MarketSnapshot("LTC", NOW.minus(Duration.ofHours(1)),
                "coingecko", 84.62, null, null, null, null)));

        MarketSnapshot stored = entry.enter("ltc", NOW, 90.0, 8.93e7, null, null, null);

        assertThat(stored.source()).isEqualTo("manual");
        assertThat(stored.coin()).isEqualTo("LTC");
        CoinMarket ltc = farm.market().latest("LTC").orElseThrow();
        assertThat(ltc.priceUsd()).hasValue(new Figure(90.0, NOW, "manual"));
        assertThat(ltc.networkDifficulty()).hasValue(new Figure(8.93e7, NOW, "manual"));
    }

    @Test
    void badEntriesAreRefusedNamingTheFieldAndNothingIsStored() {
        assertThatThrownBy(() -> entry.enter("XMR", NOW, 150.0, null, null, null, null))
                .hasMessageStartingWith("coin 'XMR' is not in the catalog");
        assertThatThrownBy(() -> entry.enter("BTC", NOW.plus(Duration.ofHours(1)), 91_000.0, null, null, null, null))
                .hasMessage("time 2026-11-25T13:00:00Z is in the future; enter the time the figures were current");
        assertThatThrownBy(() -> entry.enter("BTC", NOW, null, null, null, null, null))
                .hasMessage("BTC from manual: a snapshot needs at least one figure");
        assertThatThrownBy(() -> entry.enter("BTC", NOW, 91_000.0, null, null, null, -0.5))
                .hasMessage("BTC from manual: feesPerBlockCoins must not be negative, got -0.5");
        assertThat(farm.market().latest()).isEmpty();
    }

    @Test
    void aTimeWithinTheAllowedClockSkewIsAccepted() {
        assertThat(entry.enter("DOGE", NOW.plus(Duration.ofMinutes(4)), 0.15, null, null, null, null).fetchedAt())
                .isEqualTo(NOW.plus(Duration.ofMinutes(4)));
    }
}
