package io.hashdesk.core.market;

import static io.hashdesk.core.market.MarketFixtures.json;
import static io.hashdesk.core.market.MarketFixtures.reply;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** CoinGecko's simple price endpoint, replayed from recorded replies by a server on 127.0.0.1. */
class CoinGeckoPricesTest extends RecordedProviderTest {

    private final OkHttpClient http = new OkHttpClient();
    private final CoinCatalog catalog = CoinCatalog.bundled();

    private CoinGeckoPrices provider(ProviderSettings settings) {
        return new CoinGeckoPrices(settings, catalog, farm.market(), http, clock);
    }

    private CoinGeckoPrices provider() {
        return provider(MarketFixtures.provider(server, "/api/v3"));
    }

    private double price(String coin) {
        return farm.market().latest(coin).orElseThrow().priceUsd().orElseThrow().value();
    }

    @Test
    void pricesOfEveryCatalogCoinAreAskedInOneRequestAndStored() throws Exception {
        server.enqueue(json(200, reply("coingecko-simple-price.json")));

        RefreshOutcome outcome = provider().refresh();

        assertThat(outcome).isInstanceOf(RefreshOutcome.Updated.class);
        assertThat(outcome.message()).isEqualTo("CoinGecko: 5 price(s)");
        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v3/simple/price");
        assertThat(request.getUrl().queryParameter("ids"))
                .isEqualTo("bitcoin,bitcoin-cash,bitcoin-cash-sv,litecoin,dogecoin");
        assertThat(request.getUrl().queryParameter("vs_currencies")).isEqualTo("usd");
        assertThat(price("BTC")).isEqualTo(91_234.5);
        assertThat(price("DOGE")).isEqualTo(0.15338);
        Figure ltc = farm.market().latest("LTC").orElseThrow().priceUsd().orElseThrow();
        assertThat(ltc.source()).isEqualTo("coingecko");
        assertThat(ltc.fetchedAt()).isEqualTo(T0);
    }

    @Test
    void theGoodReplyIsCachedAndServedOfflineAfterARestart() throws Exception {
        CoinGeckoPrices provider = provider();
        server.enqueue(json(200, reply("coingecko-simple-price.json")));
        provider.refresh();
        farm.close();
        server.close(); // the network is gone
        clock.advance(Duration.ofHours(1));

        openStore();
        RefreshOutcome offline = provider().refresh();

        assertThat(offline).isInstanceOf(RefreshOutcome.Failed.class);
        assertThat(((RefreshOutcome.Failed) offline).kind()).isEqualTo(RefreshOutcome.Kind.UNREACHABLE);
        assertThat(price("BTC")).isEqualTo(91_234.5);
        assertThat(farm.market().latest("BTC").orElseThrow().age(MarketField.PRICE_USD, clock.instant()))
                .hasValue(Duration.ofHours(1));
        CachedReply cached = farm.market().cachedReply(CoinGeckoPrices.SOURCE, provider.requestKey()).orElseThrow();
        assertThat(cached.body()).isEqualTo(reply("coingecko-simple-price.json"));
        assertThat(cached.fetchedAt()).isEqualTo(T0);
    }

    @Test
    void aServerErrorIsRetriedAndTheSecondAnswerCounts() {
        server.enqueue(json(500, "{\"error\":\"internal\"}"));
        server.enqueue(json(200, reply("coingecko-simple-price.json")));

        RefreshOutcome outcome = provider().refresh();

        assertThat(outcome).isInstanceOf(RefreshOutcome.Updated.class);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(price("LTC")).isEqualTo(84.62);
    }

    @Test
    void aServerThatStaysDownFailsAfterEveryAttemptWithTheLastStatus() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(503, "<html>Service Unavailable</html>"));
        }

        RefreshOutcome outcome = provider().refresh();

        assertThat(outcome).isInstanceOfSatisfying(RefreshOutcome.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(RefreshOutcome.Kind.SERVER_ERROR);
            assertThat(failed.message())
                    .isEqualTo("CoinGecko: GET /api/v3/simple/price answered HTTP 503 (3 attempts)");
        });
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aServerThatDoesNotAnswerTimesOutOnEveryAttempt() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().headersDelay(2, TimeUnit.SECONDS)
                    .body(reply("coingecko-simple-price.json")).build());
        }

        long started = System.nanoTime();
        RefreshOutcome outcome = provider(MarketFixtures.provider(server, "/api/v3", Duration.ofMillis(250))).refresh();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(outcome).isInstanceOfSatisfying(RefreshOutcome.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(RefreshOutcome.Kind.TIMEOUT);
            assertThat(failed.message()).isEqualTo(
                    "CoinGecko: GET /api/v3/simple/price: no reply within 0.25 s (3 attempts)");
        });
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(took).isLessThan(Duration.ofSeconds(2)); // 3 × 0.25 s + backoff, not the server's 3 × 2 s
        assertThat(farm.market().latest("BTC")).isEmpty();
    }

    @Test
    void http429IsNotRetriedAndItsRetryAfterHoldsBackTheNextCalls() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "60")
                .body(reply("coingecko-rate-limited.json")).build());
        server.enqueue(json(200, reply("coingecko-simple-price.json")));
        CoinGeckoPrices provider = provider(MarketFixtures.provider(server, "/api/v3"));

        RefreshOutcome limited = provider.refresh();
        clock.advance(Duration.ofSeconds(45));
        RefreshOutcome held = provider.refresh();
        clock.advance(Duration.ofSeconds(15));
        RefreshOutcome after = provider.refresh();

        assertThat(limited).isInstanceOfSatisfying(RefreshOutcome.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(RefreshOutcome.Kind.RATE_LIMITED);
            assertThat(failed.message()).isEqualTo("CoinGecko: HTTP 429, retrying after 60 s");
            assertThat(failed.retryAt()).hasValue(T0.plusSeconds(60));
        });
        assertThat(held).isInstanceOf(RefreshOutcome.Skipped.class);
        assertThat(held.message()).isEqualTo("CoinGecko: waiting out HTTP 429, next try in 15 s");
        assertThat(after).isInstanceOf(RefreshOutcome.Updated.class);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void http429WithAnHttpDateWaitsUntilThatDate() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "Wed, 25 Nov 2026 10:02:00 GMT")
                .build());

        RefreshOutcome limited = provider().refresh();

        assertThat(limited.message()).isEqualTo("CoinGecko: HTTP 429, retrying after 120 s");
    }

    @Test
    void http429WithoutRetryAfterWaitsTheDefault() {
        server.enqueue(new MockResponse.Builder().code(429).build());

        assertThat(provider().refresh().message()).isEqualTo("CoinGecko: HTTP 429, retrying after 60 s");
    }

    @Test
    void callsCloserThanTheMinimumIntervalSendNothing() {
        server.enqueue(json(200, reply("coingecko-simple-price.json")));
        server.enqueue(json(200, reply("coingecko-simple-price.json")));
        CoinGeckoPrices provider = provider();

        provider.refresh();
        clock.advance(Duration.ofSeconds(10));
        RefreshOutcome tooSoon = provider.refresh();
        clock.advance(Duration.ofSeconds(20));
        RefreshOutcome due = provider.refresh();

        assertThat(tooSoon).isInstanceOf(RefreshOutcome.Skipped.class);
        assertThat(tooSoon.message()).isEqualTo("CoinGecko: asked 10 s ago; at most one call every 30 s");
        assertThat(due).isInstanceOf(RefreshOutcome.Updated.class);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aDisabledProviderSendsNoRequest() {
        server.enqueue(json(200, reply("coingecko-simple-price.json")));

        RefreshOutcome outcome = provider(MarketFixtures.provider(server, "/api/v3").withEnabled(false)).refresh();

        assertThat(outcome).isInstanceOf(RefreshOutcome.Skipped.class);
        assertThat(outcome.message()).isEqualTo("CoinGecko is off; turn it on in the market settings to use it");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void truncatedJsonIsAMalformedReplyAndThePreviousPricesKeepServing() {
        server.enqueue(json(200, reply("coingecko-simple-price.json")));
        server.enqueue(json(200, reply("coingecko-simple-price-truncated.json")));
        CoinGeckoPrices provider = provider();
        provider.refresh();
        clock.advance(Duration.ofMinutes(10));

        RefreshOutcome outcome = provider.refresh();

        assertThat(outcome).isInstanceOfSatisfying(RefreshOutcome.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(RefreshOutcome.Kind.MALFORMED_REPLY);
            assertThat(failed.message()).startsWith("CoinGecko: the reply is not what CoinGecko sends: not JSON");
        });
        assertThat(price("BTC")).isEqualTo(91_234.5);
        assertThat(farm.market().cachedReply(CoinGeckoPrices.SOURCE, provider.requestKey()).orElseThrow().fetchedAt())
                .isEqualTo(T0);
    }

    @Test
    void anHtmlPageInsteadOfJsonIsAMalformedReply() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .body(reply("coingecko-cloudflare-page.html")).build());

        RefreshOutcome outcome = provider().refresh();

        assertThat(outcome).isInstanceOfSatisfying(RefreshOutcome.Failed.class,
                failed -> assertThat(failed.kind()).isEqualTo(RefreshOutcome.Kind.MALFORMED_REPLY));
        assertThat(farm.market().latest()).isEmpty();
    }

    @Test
    void anImpossiblePriceRejectsTheWholeReply() {
        server.enqueue(json(200, reply("coingecko-negative-price.json")));

        RefreshOutcome outcome = provider().refresh();

        assertThat(outcome.message()).isEqualTo(
                "CoinGecko: the reply is not what CoinGecko sends: bitcoin.usd must be above 0, got -91234.5");
        assertThat(farm.market().latest()).isEmpty();
    }

    @Test
    void aPartialReplyStoresWhatItHasAndNamesWhatItLacks() {
        server.enqueue(json(200, reply("coingecko-simple-price-partial.json")));

        RefreshOutcome outcome = provider().refresh();

        assertThat(outcome).isInstanceOfSatisfying(RefreshOutcome.Updated.class, updated -> assertThat(updated.gaps())
                .containsExactly("no price for BCH (bitcoin-cash)", "no price for BSV (bitcoin-cash-sv)",
                        "no USD price for LTC (litecoin)", "no USD price for DOGE (dogecoin)"));
        assertThat(price("BTC")).isEqualTo(91_500.25);
        assertThat(farm.market().latest("LTC")).isEmpty();
    }

    @Test
    void anApiErrorInTheBodyIsARejection() {
        server.enqueue(json(200, reply("coingecko-rate-limited.json")));

        RefreshOutcome outcome = provider().refresh();

        assertThat(outcome).isInstanceOfSatisfying(RefreshOutcome.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(RefreshOutcome.Kind.REJECTED);
            assertThat(failed.message()).startsWith("CoinGecko: API error 429: You've exceeded the Rate Limit.");
        });
    }

    @Test
    void anotherClientErrorIsNotRetriedAndQuotesTheServer() {
        server.enqueue(json(404, "{\"error\":\"coin not found\"}"));

        RefreshOutcome outcome = provider().refresh();

        assertThat(outcome.message()).isEqualTo(
                "CoinGecko: GET /api/v3/simple/price answered HTTP 404: {\"error\":\"coin not found\"}");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aReplyOverTheSizeLimitIsRefusedUnread() {
        ProviderSettings small = new ProviderSettings(true, server.url("/api/v3").toString(), Duration.ofMinutes(10),
                Duration.ofSeconds(30), Duration.ofSeconds(2), MarketFixtures.READ_TIMEOUT, 1, Duration.ofMillis(20),
                Duration.ofMillis(40), Duration.ofSeconds(60), Duration.ofHours(1), 64);
        server.enqueue(json(200, reply("coingecko-simple-price.json")));

        RefreshOutcome outcome = provider(small).refresh();

        assertThat(outcome.message()).isEqualTo("CoinGecko: GET /api/v3/simple/price: the reply is over the 64-byte"
                + " limit");
    }

    @Test
    void backoffDoublesFromTheInitialWaitUpToTheMaximum() {
        ProviderSettings settings = MarketFixtures.provider(server, "/");

        assertThat(ProviderHttp.backoff(1, settings)).isEqualTo(Duration.ofMillis(20));
        assertThat(ProviderHttp.backoff(2, settings)).isEqualTo(Duration.ofMillis(40));
        assertThat(ProviderHttp.backoff(5, settings)).isEqualTo(Duration.ofMillis(40));
    }
}
