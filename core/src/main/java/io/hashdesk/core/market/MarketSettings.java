package io.hashdesk.core.market;

import io.hashdesk.core.settings.JsonSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where market figures come from and how old they may get. Defaults live in {@code market-defaults.json} beside this
 * class; an operator's file overrides any subset of them (a provider's block field by field). Every provider is off
 * by default.
 *
 * @param staleAfter          age beyond which each kind of figure counts as stale
 * @param coinGecko           prices from CoinGecko's simple price endpoint
 * @param whatToMine          difficulty, hashrate, reward and price from WhatToMine's coin list
 * @param prohashing          earnings per coin and per worker from the Prohashing pool (needs the operator's key)
 * @param maxClockSkew        manual and imported figures stamped further than this in the future are refused
 * @param csvMaxFileBytes     a larger CSV file is refused before it is read
 * @param csvMaxRows          a CSV file with more data rows is refused
 * @param csvMaxProblemsListed an import result lists at most this many bad rows (and counts the rest)
 */
public record MarketSettings(MarketStaleness staleAfter, ProviderSettings coinGecko, ProviderSettings whatToMine,
                             ProviderSettings prohashing, Duration maxClockSkew, long csvMaxFileBytes,
                             int csvMaxRows, int csvMaxProblemsListed) {

    private static final String DEFAULTS = "market-defaults.json";

    public MarketSettings {
        Objects.requireNonNull(staleAfter, "staleAfter is missing");
        Objects.requireNonNull(coinGecko, "coinGecko is missing");
        Objects.requireNonNull(whatToMine, "whatToMine is missing");
        Objects.requireNonNull(prohashing, "prohashing is missing");
        if (maxClockSkew == null || maxClockSkew.isNegative()) {
            throw new IllegalArgumentException("maxClockSkew must be a duration of 0 or more, got " + maxClockSkew);
        }
        if (csvMaxFileBytes < 1) {
            throw new IllegalArgumentException("csvMaxFileBytes must be at least 1, got " + csvMaxFileBytes);
        }
        if (csvMaxRows < 1) {
            throw new IllegalArgumentException("csvMaxRows must be at least 1, got " + csvMaxRows);
        }
        if (csvMaxProblemsListed < 1) {
            throw new IllegalArgumentException("csvMaxProblemsListed must be at least 1, got " + csvMaxProblemsListed);
        }
    }

    /** The bundled defaults. */
    public static MarketSettings defaults() {
        return JsonSettings.defaults(MarketSettings.class, DEFAULTS);
    }

    /**
     * The defaults with the fields present in an operator's JSON file replacing them; a missing file means no
     * overrides. A malformed file is an error naming the file, never silently ignored.
     */
    public static MarketSettings withOverrides(Path overridesFile) {
        return JsonSettings.withOverrides(MarketSettings.class, DEFAULTS, overridesFile);
    }
}
