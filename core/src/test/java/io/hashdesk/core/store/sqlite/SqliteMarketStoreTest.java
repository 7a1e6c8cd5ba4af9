package io.hashdesk.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.core.market.CachedReply;
import io.hashdesk.core.market.CoinMarket;
import io.hashdesk.core.market.Figure;
import io.hashdesk.core.market.MarketSnapshot;
import io.hashdesk.core.market.MarketStore;
import io.hashdesk.core.store.StoreSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteMarketStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path dir;
    SqliteFarmStore farm;
    MarketStore market;

    @BeforeEach
    void open() {
        farm = SqliteFarmStore.open(dir.resolve("hashdesk.db"), StoreSettings.defaults(), Clock.systemUTC());
        market = farm.market();
    }

    @AfterEach
    void close() {
        farm.close();
    }

    private void reopen() {
        farm.close();
        open();
    }

    @Test
    void snapshotsRoundTripWithEveryFieldAndAbsentFiguresAcrossAReopen() {
        MarketSnapshot full = new MarketSnapshot("BTC", T0, "whattomine", 91_234.5, 1.4921e14, 1.068103e21, 3.125,
                0.0193);
        MarketSnapshot priceOnly = new MarketSnapshot("BTC", T0.plusSeconds(60), "coingecko", 91_300.0, null, null,
                null, null);
        market.append(List.of(full, priceOnly));

        reopen();

        assertThat(market.history("BTC", T0, T0.plusSeconds(61))).containsExactly(full, priceOnly);
    }

    @Test
    void latestMergesTheNewestValueOfEachFieldFromWhicheverSourceHadIt() {
        market.append(List.of(
                new MarketSnapshot("BTC", T0, "whattomine", 90_000.0, 1.49e14, 1.07e21, 3.125, 0.0193),
                new MarketSnapshot("BTC", T0.plusSeconds(600), "coingecko", 91_234.5, null, null, null, null),
                new MarketSnapshot("BTC", T0.minusSeconds(3_600), "manual", null, 1.3e14, null, null, null),
                new MarketSnapshot("LTC", T0, "coingecko", 84.62, null, null, null, null)));

        CoinMarket btc = market.latest("BTC").orElseThrow();

        assertThat(btc.priceUsd()).hasValue(new Figure(91_234.5, T0.plusSeconds(600), "coingecko"));
        assertThat(btc.networkDifficulty()).hasValue(new Figure(1.49e14, T0, "whattomine"));
        assertThat(btc.feesPerBlockCoins()).map(Figure::value).hasValue(0.0193);
        assertThat(market.latest()).extracting(CoinMarket::coin).containsExactly("BTC", "LTC");
        assertThat(market.latest("DOGE")).isEmpty();
    }

    @Test
    void latestStaysTheNewestWhenOlderFiguresArriveLater() {
        market.append(List.of(new MarketSnapshot("LTC", T0, "coingecko", 84.62, null, null, null, null)));
        market.append(List.of(new MarketSnapshot("LTC", T0.minus(Duration.ofDays(30)), "csv:ltc.csv", 70.0, null,
                null, null, null)));

        assertThat(market.latest("LTC").orElseThrow().priceUsd()).map(Figure::value).hasValue(84.62);
    }

    @Test
    void aSnapshotOfTheSameCoinTimeAndSourceReplacesTheStoredOne() {
        market.append(List.of(new MarketSnapshot("BTC", T0, "manual", 91_000.0, 1.4e14, null, null, null),
                new MarketSnapshot("BTC", T0, "coingecko", 91_100.0, null, null, null, null)));
        MarketSnapshot corrected = new MarketSnapshot("BTC", T0, "manual", 91_234.5, null, null, null, null);

        market.append(List.of(corrected));

        assertThat(market.history("BTC", T0, T0.plusSeconds(1))).containsExactly(
                new MarketSnapshot("BTC", T0, "coingecko", 91_100.0, null, null, null, null), corrected);
        // same time: the figure is told apart by source name, the same way CoinMarket.merge does
        assertThat(market.latest("BTC").orElseThrow().priceUsd()).hasValue(new Figure(91_234.5, T0, "manual"));
    }

    @Test
    void historyIsTheHalfOpenRangeOldestFirst() {
        List<MarketSnapshot> hourly = new ArrayList<>();
        for (int h = 0; h < 5; h++) {
            hourly.add(new MarketSnapshot("DOGE", T0.plus(Duration.ofHours(h)), "whattomine", 0.15 + h / 100.0,
                    null, null, null, null));
        }
        market.append(hourly.reversed());

        assertThat(market.history("DOGE", T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(3))))
                .containsExactly(hourly.get(1), hourly.get(2));
        assertThat(market.history("LTC", T0, T0.plus(Duration.ofHours(5)))).isEmpty();
    }

    @Test
    void aSavedReplyReplacesThePreviousOneAndSurvivesAReopenWithItsSnapshots() {
        market.saveReply(new CachedReply("coingecko", "simple/price?ids=bitcoin", T0, "{\"bitcoin\":{\"usd\":1}}"),
                List.of());
        CachedReply newer = new CachedReply("coingecko", "simple/price?ids=bitcoin", T0.plusSeconds(600),
                "{\"bitcoin\":{\"usd\":91234.5}}");
        MarketSnapshot price = new MarketSnapshot("BTC", T0.plusSeconds(600), "coingecko", 91_234.5, null, null,
                null, null);
        market.saveReply(newer, List.of(price));

        reopen();

        assertThat(market.cachedReply("coingecko", "simple/price?ids=bitcoin")).hasValue(newer);
        assertThat(market.cachedReply("coingecko", "other")).isEmpty();
        assertThat(market.cachedReply("whattomine", "simple/price?ids=bitcoin")).isEmpty();
        assertThat(market.latest("BTC").orElseThrow().priceUsd()).map(Figure::value).hasValue(91_234.5);
    }

    @Test
    void theMarketTablesAndTheCoinTimeIndexExist() throws SQLException {
        farm.close();
        List<String> names = new ArrayList<>();
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("hashdesk.db"));
             Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master"
                     + " WHERE name LIKE 'market%' OR name LIKE 'provider%' ORDER BY name")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        open();

        assertThat(names).containsExactly("market_snapshot", "market_snapshot_coin_time", "provider_reply_cache");
    }
}
