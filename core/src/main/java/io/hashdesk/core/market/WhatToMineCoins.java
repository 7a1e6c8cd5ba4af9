package io.hashdesk.core.market;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import okhttp3.OkHttpClient;

/**
 * Network figures from WhatToMine's coin list ({@code GET /asic.json}, the list with the SHA-256 and Scrypt coins):
 * {@code {"coins": {"Bitcoin": {"tag": "BTC", "difficulty": …, "nethash": …, "block_reward": …, "last_block": …,
 * "exchange_rate": …, "exchange_rate_curr": "BTC", …}}}}.
 *
 * <p>How its fields become a snapshot: {@code nethash} is the network hashrate in H/s; {@code block_reward} is the
 * average total reward (subsidy plus fees), so the subsidy is taken from the coin's schedule at {@code last_block} and
 * the rest counts as fees; {@code exchange_rate} is the price in BTC (in USD for Bitcoin itself), turned into USD
 * with Bitcoin's rate from the same reply. Coins not in the catalog are ignored.
 */
public final class WhatToMineCoins extends HttpMarketProvider {

    /** Display name. */
    public static final String NAME = "WhatToMine";
    /** The source recorded on its snapshots and cached replies. */
    public static final String SOURCE = "whattomine";
    /** The cache key of the one request this provider makes. */
    public static final String REQUEST_KEY = "asic.json";
    private static final String BITCOIN = "BTC";

    private final CoinCatalog catalog;
    private final MarketStore store;

    public WhatToMineCoins(ProviderSettings settings, CoinCatalog catalog, MarketStore store, OkHttpClient http,
                           Clock clock) {
        super(new ProviderCalls(NAME, settings, http, clock, Optional.empty()));
        this.catalog = catalog;
        this.store = store;
    }

    @Override
    public RefreshOutcome refresh() {
        return calls.refresh(() -> {
            Fetched reply = calls.get(calls.settings().url(REQUEST_KEY));
            List<String> gaps = new ArrayList<>();
            List<MarketSnapshot> snapshots = snapshots(reply.body(), reply.receivedAt(), gaps);
            store.saveReply(new CachedReply(SOURCE, REQUEST_KEY, reply.receivedAt(), reply.body()), snapshots);
            return calls.updated("figures for " + snapshots.size() + " coin(s)", gaps);
        });
    }

    private List<MarketSnapshot> snapshots(String body, Instant at, List<String> gaps) throws ReplyFormatException {
        Map<String, JsonNode> entries = entriesByCatalogSymbol(ReplyJson.requireObject(ReplyJson.object(body), "coins",
                ""));
        OptionalDouble btcUsd = entries.containsKey(BITCOIN)
                ? ReplyJson.number(entries.get(BITCOIN), "exchange_rate", BITCOIN + ".") : OptionalDouble.empty();
        List<MarketSnapshot> out = new ArrayList<>();
        for (Coin coin : catalog.all()) {
            JsonNode entry = entries.get(coin.symbol());
            if (entry == null) {
                gaps.add("no " + coin.symbol() + " in the list");
                continue;
            }
            snapshot(coin, entry, at, btcUsd, gaps).ifPresent(out::add);
        }
        if (out.isEmpty()) {
            throw new ReplyFormatException("none of the catalogued coins (" + catalog.all().stream()
                    .map(Coin::symbol).toList() + ") is in the list");
        }
        return out;
    }

    private Optional<MarketSnapshot> snapshot(Coin coin, JsonNode entry, Instant at, OptionalDouble btcUsd,
                                              List<String> gaps) throws ReplyFormatException {
        String where = coin.symbol() + ".";
        Double difficulty = figure(MarketField.NETWORK_DIFFICULTY, entry, "difficulty", where, gaps);
        Double hashrate = figure(MarketField.NETWORK_HASHRATE_HPS, entry, "nethash", where, gaps);
        Double totalReward = figure(MarketField.BLOCK_REWARD_COINS, entry, "block_reward", where, gaps);
        OptionalDouble lastBlock = ReplyJson.number(entry, "last_block", where);
        long height = lastBlock.isPresent() ? (long) lastBlock.getAsDouble() : coin.estimatedHeightAt(at);
        Double subsidy = subsidy(coin, height, gaps);
        Double fees = null;
        if (totalReward != null && subsidy != null) {
            if (totalReward >= subsidy) {
                fees = totalReward - subsidy;
            } else {
                gaps.add(coin.symbol() + " block_reward " + totalReward + " is below the subsidy " + subsidy
                        + " at height " + height + "; fees left unknown");
            }
        }
        Double priceUsd = priceUsd(coin, entry, btcUsd, gaps);
        if (difficulty == null && hashrate == null && totalReward == null && priceUsd == null) {
            gaps.add("no usable figure for " + coin.symbol());
            return Optional.empty();
        }
        return Optional.of(new MarketSnapshot(coin.symbol(), at, SOURCE, priceUsd, difficulty, hashrate, subsidy,
                fees));
    }

    /**
     * A figure that must be positive. WhatToMine shows 0 for figures it lacks (a lagging coin), which becomes a gap;
     * a negative or non-numeric value means the reply is broken.
     */
    private static Double figure(MarketField field, JsonNode entry, String name, String where, List<String> gaps)
            throws ReplyFormatException {
        OptionalDouble value = ReplyJson.number(entry, name, where);
        if (value.isEmpty() || value.getAsDouble() == 0) {
            gaps.add("no " + name + " for " + where.substring(0, where.length() - 1));
            return null;
        }
        Optional<String> problem = field.problemWith(value.getAsDouble());
        if (problem.isPresent()) {
            throw new ReplyFormatException(where + name + " " + problem.get());
        }
        return value.getAsDouble();
    }

    private static Double subsidy(Coin coin, long height, List<String> gaps) {
        try {
            return coin.subsidyCoinsAt(height);
        } catch (IllegalArgumentException e) {
            gaps.add(e.getMessage());
            return null;
        }
    }

    private static Double priceUsd(Coin coin, JsonNode entry, OptionalDouble btcUsd, List<String> gaps)
            throws ReplyFormatException {
        String where = coin.symbol() + ".";
        OptionalDouble rate = ReplyJson.number(entry, "exchange_rate", where);
        if (rate.isEmpty() || rate.getAsDouble() == 0) {
            gaps.add("no exchange_rate for " + coin.symbol());
            return null;
        }
        Optional<String> problem = MarketField.PRICE_USD.problemWith(rate.getAsDouble());
        if (problem.isPresent()) {
            throw new ReplyFormatException(where + "exchange_rate " + problem.get());
        }
        if (coin.symbol().equals(BITCOIN)) {
            return rate.getAsDouble();
        }
        String currency = ReplyJson.text(entry, "exchange_rate_curr", where).orElse(BITCOIN);
        if (!currency.equalsIgnoreCase(BITCOIN)) {
            gaps.add(coin.symbol() + " is quoted in " + currency + ", not BTC; price left unknown");
            return null;
        }
        if (btcUsd.isEmpty()) {
            gaps.add("no Bitcoin rate in the list to turn " + coin.symbol() + "'s BTC price into USD");
            return null;
        }
        return rate.getAsDouble() * btcUsd.getAsDouble();
    }

    /** The list's entries keyed by ticker, keeping only catalogued coins and the first entry of each ticker. */
    private Map<String, JsonNode> entriesByCatalogSymbol(JsonNode coins) throws ReplyFormatException {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : coins.properties()) {
            if (!e.getValue().isObject()) {
                throw new ReplyFormatException("coins." + e.getKey() + " should be an object");
            }
            Optional<String> tag = ReplyJson.text(e.getValue(), "tag", "coins." + e.getKey() + ".");
            if (tag.isPresent()) {
                catalog.bySymbol(tag.get()).ifPresent(coin -> out.putIfAbsent(coin.symbol(), e.getValue()));
            }
        }
        return out;
    }
}
