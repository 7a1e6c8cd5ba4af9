package io.hashdesk.core.market;

import io.hashdesk.core.store.StoreException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The farm's earnings at the Prohashing pool, per coin ({@code /api/v1/wallet}) and per worker
 * ({@code /api/v1/walletEx}), read with the operator's API key. The key travels only in the request's query; it is
 * never logged, cached or put in a message. Both replies are cached, so the last earnings show after a restart
 * without network.
 */
public final class ProhashingEarnings extends HttpMarketProvider {

    /** Display name. */
    public static final String NAME = "Prohashing";
    /** The provider name on its cached replies. */
    public static final String SOURCE = "prohashing";
    /** Cache key of the per-coin reply. */
    public static final String WALLET = "wallet";
    /** Cache key of the per-worker reply. */
    public static final String WALLET_EX = "walletEx";

    private static final Logger LOG = LoggerFactory.getLogger(ProhashingEarnings.class);

    private final Optional<ApiKey> apiKey;
    private final MarketStore store;
    private volatile PoolEarnings latest;

    /**
     * @param apiKey the key from the operator's Prohashing account settings; without one the provider reports that
     *               it is not configured
     */
    public ProhashingEarnings(ProviderSettings settings, Optional<ApiKey> apiKey, MarketStore store,
                              OkHttpClient http, Clock clock) {
        super(new ProviderCalls(NAME, settings, http, clock, apiKey));
        this.apiKey = apiKey;
        this.store = store;
    }

    @Override
    public RefreshOutcome refresh() {
        return calls.refresh(() -> {
            if (apiKey.isEmpty()) {
                return calls.notConfigured("no API key; enter the key from your Prohashing account settings");
            }
            Fetched wallet = calls.get(url("api/v1/wallet"));
            Optional<String> refused = ProhashingReplies.apiError(wallet.body());
            if (refused.isPresent()) {
                return calls.rejected(calls.redact(refused.get()));
            }
            Fetched walletEx = calls.get(url("api/v1/walletEx"));
            refused = ProhashingReplies.apiError(walletEx.body());
            if (refused.isPresent()) {
                return calls.rejected(calls.redact(refused.get()));
            }
            PoolEarnings earnings = ProhashingReplies.earnings(NAME, wallet.body(), walletEx.body(),
                    walletEx.receivedAt());
            store.saveReply(new CachedReply(SOURCE, WALLET, wallet.receivedAt(), wallet.body()), List.of());
            store.saveReply(new CachedReply(SOURCE, WALLET_EX, walletEx.receivedAt(), walletEx.body()), List.of());
            latest = earnings;
            return calls.updated("earnings in " + earnings.coins().size() + " coin(s) for "
                    + earnings.workers().size() + " worker(s)", List.of());
        });
    }

    /**
     * The last earnings the pool reported: from this session, else from the replies cached before the last restart;
     * empty when there are none (or the cached ones cannot be read).
     */
    public Optional<PoolEarnings> latest() {
        PoolEarnings current = latest;
        if (current != null) {
            return Optional.of(current);
        }
        try {
            Optional<CachedReply> wallet = store.cachedReply(SOURCE, WALLET);
            Optional<CachedReply> walletEx = store.cachedReply(SOURCE, WALLET_EX);
            if (wallet.isEmpty() || walletEx.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(ProhashingReplies.earnings(NAME, wallet.get().body(), walletEx.get().body(),
                    walletEx.get().fetchedAt()));
        } catch (ReplyFormatException | StoreException e) {
            LOG.warn("The cached Prohashing earnings cannot be read: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private HttpUrl url(String path) {
        return calls.settings().url(path).newBuilder().addQueryParameter("apiKey", apiKey.orElseThrow().value())
                .build();
    }
}
