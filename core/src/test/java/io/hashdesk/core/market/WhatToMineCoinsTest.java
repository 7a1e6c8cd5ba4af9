package io.hashdesk.core.market;

import static io.hashdesk.core.market.MarketFixtures.json;
import static io.hashdesk.core.market.MarketFixtures.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** WhatToMine's ASIC coin list, replayed from recorded replies by a server on 127.0.0.1. */
class WhatToMineCoinsTest extends RecordedProviderTest {

    private WhatToMineCoins provider(ProviderSettings settings) {
        return new WhatToMineCoins(settings, CoinCatalog.bundled(), farm.market(), new OkHttpClient(), clock);
    }

    private WhatToMineCoins provider() {
        return provider(MarketFixtures.provider(server, "/"));
    }

    private CoinMarket latest(String coin) {
        return farm.market().latest(coin).orElseThrow();
    }

    @Test
    void networkFiguresOfTheCatalogCoinsAreStoredFromTheAsicList() throws Exception {
        server.enqueue(json(200, reply("whattomine-asic.json")));

        RefreshOutcome outcome = provider().refresh();

        assertThat(outcome.message()).isEqualTo("WhatToMine: figures for 5 coin(s)");
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/asic.json");
        CoinMarket btc = latest("BTC");
        assertThat(btc.networkDifficulty()).map(Figure::value).hasValue(1.4921e14);
        assertThat(btc.networkHashrateHps()).map(Figure::value).hasValue(1.068103e21);
        assertThat(btc.priceUsd()).map(Figure::value).hasValue(91_234.5);
        assertThat(btc.blockRewardCoins()).map(Figure::source).hasValue("whattomine");
    }

    @Test
    void theReportedRewardIsSplitIntoTheSubsidyAtTheReportedHeightAndFees() {
        server.enqueue(json(200, reply("whattomine-asic.json")));

        provider().refresh();

        // BTC: block_reward 3.1443 at height 974,210 where the subsidy is 3.125
        assertThat(latest("BTC").blockRewardCoins()).map(Figure::value).hasValue(3.125);
        assertThat(latest("BTC").feesPerBlockCoins().orElseThrow().value()).isCloseTo(0.0193, within(1e-9));
        // LTC: 6.2812 at 3,021,450 (subsidy 6.25); DOGE: 10,007.3 at 5,950,221 (fixed 10,000)
        assertThat(latest("LTC").blockRewardCoins()).map(Figure::value).hasValue(6.25);
        assertThat(latest("LTC").feesPerBlockCoins().orElseThrow().value()).isCloseTo(0.0312, within(1e-9));
        assertThat(latest("DOGE").feesPerBlockCoins().orElseThrow().value()).isCloseTo(7.3, within(1e-9));
    }

    @Test
    void pricesQuotedInBitcoinAreTurnedIntoDollarsWithBitcoinsRateFromTheSameList() {
        server.enqueue(json(200, reply("whattomine-asic.json")));

        provider().refresh();

        assertThat(latest("LTC").priceUsd().orElseThrow().value()).isCloseTo(0.000927 * 91_234.5, within(1e-9));
        assertThat(latest("BCH").priceUsd().orElseThrow().value()).isCloseTo(0.005616 * 91_234.5, within(1e-9));
        assertThat(latest("DOGE").priceUsd().orElseThrow().value()).isCloseTo(0.00000168 * 91_234.5, within(1e-12));
    }

    @Test
    void coinsOutsideTheCatalogAreIgnored() {
        server.enqueue(json(200, reply("whattomine-asic.json")));

        provider().refresh();

        assertThat(farm.market().latest()).extracting(CoinMarket::coin)
                .containsExactly("BCH", "BSV", "BTC", "DOGE", "LTC");
    }

    @Test
    void aPartialListStoresWhatItHasAndNamesEachGap() {
        server.enqueue(json(200, reply("whattomine-asic-partial.json")));

        RefreshOutcome outcome = provider().refresh();

        assertThat(outcome).isInstanceOfSatisfying(RefreshOutcome.Updated.class, updated -> assertThat(updated.gaps())
                .containsExactly("no BCH in the list", "no BSV in the list", "no exchange_rate for LTC",
                        "no difficulty for DOGE", "no nethash for DOGE"));
        assertThat(latest("LTC").priceUsd()).isEmpty();
        assertThat(latest("LTC").networkDifficulty()).map(Figure::value).hasValue(8.93e7);
        assertThat(latest("DOGE").networkDifficulty()).isEmpty();
        assertThat(latest("DOGE").priceUsd()).isPresent();
    }

    @Test
    void aListOfTheWrongShapeIsAMalformedReplyAndNothingIsCached() {
        server.enqueue(json(200, reply("whattomine-asic-wrong-shape.json")));

        RefreshOutcome outcome = provider().refresh();

        assertThat(outcome.message()).isEqualTo(
                "WhatToMine: the reply is not what WhatToMine sends: coins should be an object, got an array");
        assertThat(farm.market().cachedReply(WhatToMineCoins.SOURCE, WhatToMineCoins.REQUEST_KEY)).isEmpty();
    }

    @Test
    void aFigureThatIsNotANumberIsNamedInTheMalformedReply() {
        server.enqueue(json(200, reply("whattomine-asic-text-difficulty.json")));

        RefreshOutcome outcome = provider().refresh();

        assertThat(outcome).isInstanceOfSatisfying(RefreshOutcome.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(RefreshOutcome.Kind.MALFORMED_REPLY);
            assertThat(failed.message()).endsWith("BTC.difficulty is 'n/a', not a number");
        });
    }

    @Test
    void figuresThatMultiplyBeyondAnyNumberAreAMalformedReplyNotACrash() {
        server.enqueue(json(200, """
                {"coins": {"Bitcoin": {"tag": "BTC", "exchange_rate": 1e300, "difficulty": 1.49e14},
                           "Litecoin": {"tag": "LTC", "exchange_rate": 1e300, "exchange_rate_curr": "BTC"}}}"""));

        RefreshOutcome outcome = provider().refresh();

        assertThat(outcome).isInstanceOfSatisfying(RefreshOutcome.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(RefreshOutcome.Kind.MALFORMED_REPLY);
            assertThat(failed.message()).endsWith("LTC from whattomine: priceUsd is not a number");
        });
        assertThat(farm.market().latest()).isEmpty();
    }

    @Test
    void aTimeoutThenAGoodReplyIsOneSuccessfulRefresh() {
        server.enqueue(new MockResponse.Builder().headersDelay(2, TimeUnit.SECONDS).body("{}").build());
        server.enqueue(json(200, reply("whattomine-asic.json")));

        RefreshOutcome outcome = provider(MarketFixtures.provider(server, "/", Duration.ofMillis(500))).refresh();

        assertThat(outcome).isInstanceOf(RefreshOutcome.Updated.class);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void theCachedListOutlivesARestartWithoutNetwork() {
        server.enqueue(json(200, reply("whattomine-asic.json")));
        provider().refresh();
        farm.close();
        server.close();

        openStore();
        RefreshOutcome offline = provider().refresh();

        assertThat(offline).isInstanceOf(RefreshOutcome.Failed.class);
        assertThat(farm.market().cachedReply(WhatToMineCoins.SOURCE, WhatToMineCoins.REQUEST_KEY))
                .map(CachedReply::body).hasValue(reply("whattomine-asic.json"));
        assertThat(latest("LTC").networkDifficulty()).map(Figure::fetchedAt).hasValue(T0);
    }
}
