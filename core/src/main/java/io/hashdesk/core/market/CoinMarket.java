package io.hashdesk.core.market;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The latest known market figures of one coin, each field taken from the newest snapshot that has it, with its own
 * age and source: the price may come from CoinGecko a minute ago while the difficulty came from WhatToMine an hour
 * ago or from an operator's manual entry.
 *
 * @param coin    ticker
 * @param figures the newest value of each field that any source has reported; absent fields are missing
 */
public record CoinMarket(String coin, Map<MarketField, Figure> figures) {

    public CoinMarket {
        Map<MarketField, Figure> inOrder = new EnumMap<>(MarketField.class);
        inOrder.putAll(figures);
        figures = Collections.unmodifiableMap(inOrder);
    }

    /**
     * Merges snapshots of one coin field by field: for each field the newest snapshot that has it wins. Two snapshots
     * of the same time are told apart by source, the later name in alphabetical order winning, so the result does not
     * depend on the order of {@code snapshots}.
     */
    public static CoinMarket merge(String coin, Collection<MarketSnapshot> snapshots) {
        Map<MarketField, Figure> newest = new EnumMap<>(MarketField.class);
        for (MarketSnapshot snapshot : snapshots) {
            if (!snapshot.coin().equals(coin)) {
                throw new IllegalArgumentException("a " + snapshot.coin() + " snapshot cannot be merged into " + coin);
            }
            for (MarketField field : MarketField.values()) {
                Double value = field.of(snapshot);
                Figure current = newest.get(field);
                if (value != null && (current == null || newer(snapshot, current))) {
                    newest.put(field, new Figure(value, snapshot.fetchedAt(), snapshot.source()));
                }
            }
        }
        return new CoinMarket(coin, newest);
    }

    private static boolean newer(MarketSnapshot snapshot, Figure current) {
        int byTime = snapshot.fetchedAt().compareTo(current.fetchedAt());
        return byTime > 0 || byTime == 0 && snapshot.source().compareTo(current.source()) > 0;
    }

    /** The latest value of {@code field}, if any source has reported it. */
    public Optional<Figure> figure(MarketField field) {
        return Optional.ofNullable(figures.get(field));
    }

    public Optional<Figure> priceUsd() {
        return figure(MarketField.PRICE_USD);
    }

    public Optional<Figure> networkDifficulty() {
        return figure(MarketField.NETWORK_DIFFICULTY);
    }

    public Optional<Figure> networkHashrateHps() {
        return figure(MarketField.NETWORK_HASHRATE_HPS);
    }

    public Optional<Figure> blockRewardCoins() {
        return figure(MarketField.BLOCK_REWARD_COINS);
    }

    public Optional<Figure> feesPerBlockCoins() {
        return figure(MarketField.FEES_PER_BLOCK_COINS);
    }

    /** How old {@code field} is at {@code now}; empty when no source has reported it. */
    public Optional<Duration> age(MarketField field, Instant now) {
        return figure(field).map(f -> f.age(now));
    }

    /** Whether {@code field} is missing or older than its limit in {@code staleness} at {@code now}. */
    public boolean isStale(MarketField field, Instant now, MarketStaleness staleness) {
        return figure(field).map(f -> f.isStale(now, staleness.limit(field))).orElse(true);
    }

    /** The fields that are missing or stale at {@code now}, in field order. */
    public List<MarketField> staleFields(Instant now, MarketStaleness staleness) {
        return Arrays.stream(MarketField.values()).filter(f -> isStale(f, now, staleness)).toList();
    }
}
