package io.hashdesk.core.market;

import static io.hashdesk.core.market.MarketFixtures.json;
import static io.hashdesk.core.market.MarketFixtures.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Prohashing's wallet API, replayed from recorded replies by a server on 127.0.0.1. */
class ProhashingEarningsTest extends RecordedProviderTest {

    private static final String KEY = "5f1c0e7a9b2d44c8a1e3f6b7c9d0e2f4";

    private ProhashingEarnings provider(Optional<ApiKey> key) {
        return new ProhashingEarnings(MarketFixtures.provider(server, "/"), key, farm.market(), new OkHttpClient(),
                clock);
    }

    private ProhashingEarnings provider() {
        return provider(Optional.of(new ApiKey(KEY)));
    }

    private void enqueueGoodReplies() {
        server.enqueue(json(200, reply("prohashing-wallet.json")));
        server.enqueue(json(200, reply("prohashing-walletex.json")));
    }

    @Test
    void earningsPerCoinAndPerWorkerAreReadWithTheKeyInTheQuery() throws Exception {
        enqueueGoodReplies();
        ProhashingEarnings prohashing = provider();

        RefreshOutcome outcome = prohashing.refresh();

        assertThat(outcome.message()).isEqualTo("Prohashing: earnings in 3 coin(s) for 3 worker(s)");
        RecordedRequest wallet = server.takeRequest();
        assertThat(wallet.getUrl().encodedPath()).isEqualTo("/api/v1/wallet");
        assertThat(wallet.getUrl().queryParameter("apiKey")).isEqualTo(KEY);
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v1/walletEx");
        PoolEarnings earnings = prohashing.latest().orElseThrow();
        assertThat(earnings.fetchedAt()).isEqualTo(T0);
        PoolEarnings.CoinEarnings btc = earnings.coin("btc").orElseThrow();
        assertThat(btc.coinName()).isEqualTo("Bitcoin");
        assertThat(btc.balanceCoins()).isEqualTo(0.00123456);
        assertThat(btc.unpaidCoins()).isEqualTo(0.00131011);
        assertThat(btc.paid24hCoins()).isEqualTo(0.00041);
        assertThat(earnings.coin("BCH").orElseThrow().paid24hCoins()).isZero();
    }

    @Test
    void eachWorkerGetsItsHashrateShareOfItsCoinsDailyPayout() {
        enqueueGoodReplies();
        ProhashingEarnings prohashing = provider();

        prohashing.refresh();

        PoolEarnings earnings = prohashing.latest().orElseThrow();
        assertThat(earnings.workers()).extracting(PoolEarnings.WorkerEarnings::worker)
                .containsExactly("2271843", "2271844", "2271901");
        PoolEarnings.WorkerEarnings big = earnings.workers().get(0);
        assertThat(big.coinName()).isEqualTo("Bitcoin");
        assertThat(big.algorithm()).isEqualTo("SHA-256");
        assertThat(big.acceptedHashrateHps()).isEqualTo(1.0412e14);
        // two Bitcoin workers at 104.12 and 52.06 TH/s share 0.00041 BTC two to one
        assertThat(big.estimatedPaid24hCoins()).isCloseTo(0.00041 * 2 / 3, within(1e-12));
        assertThat(earnings.workers().get(1).estimatedPaid24hCoins()).isCloseTo(0.00041 / 3, within(1e-12));
        assertThat(earnings.workers().get(2).estimatedPaid24hCoins()).isEqualTo(0.2504);
    }

    @Test
    void theLastEarningsAreReadFromTheCacheAfterARestartWithoutNetwork() {
        enqueueGoodReplies();
        provider().refresh();
        farm.close();
        server.close();

        openStore();
        ProhashingEarnings restarted = provider();
        RefreshOutcome offline = restarted.refresh();

        assertThat(offline).isInstanceOf(RefreshOutcome.Failed.class);
        assertThat(restarted.latest()).hasValueSatisfying(earnings -> {
            assertThat(earnings.fetchedAt()).isEqualTo(T0);
            assertThat(earnings.coin("LTC").orElseThrow().balanceCoins()).isEqualTo(0.7215);
            assertThat(earnings.workers()).hasSize(3);
        });
    }

    @Test
    void theKeyIsInNoMessageCacheKeyOrCachedReply() {
        enqueueGoodReplies();
        ProhashingEarnings prohashing = provider();

        RefreshOutcome outcome = prohashing.refresh();

        assertThat(outcome.toString()).doesNotContain(KEY);
        assertThat(new ApiKey(KEY).toString()).isEqualTo("ApiKey[***]");
        assertThat(farm.market().cachedReply(ProhashingEarnings.SOURCE, ProhashingEarnings.WALLET).orElseThrow()
                .toString()).doesNotContain(KEY);
        assertThat(farm.market().cachedReply(ProhashingEarnings.SOURCE, ProhashingEarnings.WALLET_EX).orElseThrow()
                .body()).doesNotContain(KEY);
    }

    @Test
    void aRefusedKeyIsARejectionThatDoesNotRepeatTheKey() {
        server.enqueue(json(200, reply("prohashing-bad-key.json")));

        RefreshOutcome outcome = provider().refresh();

        assertThat(outcome).isInstanceOfSatisfying(RefreshOutcome.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(RefreshOutcome.Kind.REJECTED);
            assertThat(failed.message()).isEqualTo("Prohashing: the pool refused the request (status 'error', code"
                    + " 400: Invalid API key)");
        });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aServerEchoingTheKeyInAnErrorHasItMaskedInTheMessage() {
        server.enqueue(json(401, "{\"error\":\"unknown apiKey " + KEY + "\"}"));

        RefreshOutcome outcome = provider().refresh();

        assertThat(outcome.message()).isEqualTo(
                "Prohashing: GET /api/v1/wallet answered HTTP 401: {\"error\":\"unknown apiKey ***\"}");
    }

    @Test
    void withoutAKeyNothingIsAskedAndTheOutcomeSaysWhatIsMissing() {
        RefreshOutcome outcome = provider(Optional.empty()).refresh();

        assertThat(outcome).isInstanceOfSatisfying(RefreshOutcome.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(RefreshOutcome.Kind.NOT_CONFIGURED);
            assertThat(failed.message()).isEqualTo(
                    "Prohashing: no API key; enter the key from your Prohashing account settings");
        });
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aWorkerListWithoutMinersIsAMalformedReply() {
        server.enqueue(json(200, reply("prohashing-wallet.json")));
        server.enqueue(json(200, reply("prohashing-walletex-no-miners.json")));
        ProhashingEarnings prohashing = provider();

        RefreshOutcome outcome = prohashing.refresh();

        assertThat(outcome.message()).isEqualTo(
                "Prohashing: the reply is not what Prohashing sends: walletEx: data.miners should be an array");
        assertThat(prohashing.latest()).isEmpty();
    }
}
