package io.hashdesk.core.market;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Coin prices in US dollars from CoinGecko's simple price endpoint
 * ({@code GET /simple/price?ids=bitcoin,litecoin&vs_currencies=usd}, reply {@code {"bitcoin":{"usd":67187.34}}}),
 * one request for every coin in the catalog. A coin missing from the reply is reported as a gap; its previous price
 * keeps serving.
 */
public final class CoinGeckoPrices extends HttpMarketProvider {

    /** Display name. */
    public static final String NAME = "CoinGecko";
    /** The source recorded on its snapshots and cached replies. */
    public static final String SOURCE = "coingecko";
    private static final String PATH = "simple/price";

    private final List<Coin> coins;
    private final MarketStore store;
    private final String ids;

    public CoinGeckoPrices(ProviderSettings settings, CoinCatalog catalog, MarketStore store, OkHttpClient http,
                           Clock clock) {
        super(new ProviderCalls(NAME, settings, http, clock, Optional.empty()));
        this.coins = catalog.all();
        this.store = store;
        this.ids = coins.stream().map(Coin::coinGeckoId).collect(Collectors.joining(","));
    }

    /** The cache key of the one request this provider makes. */
    public String requestKey() {
        return PATH + "?ids=" + ids + "&vs_currencies=usd";
    }

    @Override
    public RefreshOutcome refresh() {
        return calls.refresh(() -> {
            HttpUrl url = calls.settings().url(PATH).newBuilder()
                    .addQueryParameter("ids", ids)
                    .addQueryParameter("vs_currencies", "usd")
                    .build();
            Fetched reply = calls.get(url);
            JsonNode root = ReplyJson.object(reply.body());
            Optional<String> apiError = apiError(root);
            if (apiError.isPresent()) {
                return calls.rejected(apiError.get());
            }
            List<String> gaps = new ArrayList<>();
            List<MarketSnapshot> snapshots = prices(root, reply.receivedAt(), gaps);
            store.saveReply(new CachedReply(SOURCE, requestKey(), reply.receivedAt(), reply.body()), snapshots);
            return calls.updated(snapshots.size() + " price(s)", gaps);
        });
    }

    private List<MarketSnapshot> prices(JsonNode root, Instant at, List<String> gaps) throws ReplyFormatException {
        List<MarketSnapshot> out = new ArrayList<>();
        for (Coin coin : coins) {
            JsonNode entry = root.get(coin.coinGeckoId());
            if (entry == null || !entry.isObject()) {
                gaps.add("no price for " + coin.symbol() + " (" + coin.coinGeckoId() + ")");
                continue;
            }
            OptionalDouble usd = ReplyJson.number(entry, "usd", coin.coinGeckoId() + ".");
            if (usd.isEmpty()) {
                gaps.add("no USD price for " + coin.symbol() + " (" + coin.coinGeckoId() + ")");
                continue;
            }
            Optional<String> problem = MarketField.PRICE_USD.problemWith(usd.getAsDouble());
            if (problem.isPresent()) {
                throw new ReplyFormatException(coin.coinGeckoId() + ".usd " + problem.get());
            }
            out.add(new MarketSnapshot(coin.symbol(), at, SOURCE, usd.getAsDouble(), null, null, null, null));
        }
        if (out.isEmpty()) {
            throw new ReplyFormatException("none of the " + coins.size() + " requested coins has a USD price");
        }
        return out;
    }

    /**
     * CoinGecko reports API errors (rate limit, missing key) as {@code {"status":{"error_code":…,"error_message":…}}},
     * sometimes with HTTP 200.
     */
    private static Optional<String> apiError(JsonNode root) throws ReplyFormatException {
        JsonNode status = root.get("status");
        if (status == null || !status.isObject() || !status.has("error_code")) {
            return Optional.empty();
        }
        String code = ReplyJson.text(status, "error_code", "status.").orElse("?");
        String message = ReplyJson.text(status, "error_message", "status.").orElse("no message");
        return Optional.of("API error " + code + ": " + message);
    }
}
