package io.hashdesk.core.profit;

import io.hashdesk.core.domain.catalog.Algorithm;
import io.hashdesk.core.settings.JsonSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What profitability assumes where the farm's own data is silent. Defaults live in {@code profit-defaults.json}
 * beside this class; an operator's file overrides any subset of them.
 *
 * @param assumedCoins        the coin a miner is taken to earn when its pool is not one of the farm's pools
 * @param assumedPool         the terms assumed for such a miner
 * @param fallbackTariff      the electricity price used while no tariff is active (first run): a flat price in its
 *                            currency, shown as an assumption until the operator sets a tariff
 * @param currencyPerUsd      exchange rates: units of each tariff currency per US dollar (revenue is in USD)
 * @param mergeMining         whether pools of a merge-mining parent (LTC) also pay the auxiliary coins (DOGE), as
 *                            the big Scrypt pools do
 * @param historyInterval     how often the profit history job runs
 * @param historyDays         the completed days it (re)records each run, so days missed while the app was closed
 *                            are filled in and late market data corrects them
 */
public record ProfitSettings(Map<Algorithm, String> assumedCoins, PoolTerms assumedPool, FallbackTariff fallbackTariff,
                             Map<String, Double> currencyPerUsd, boolean mergeMining, Duration historyInterval,
                             int historyDays) {

    /** The operator's overrides, in the data folder, shared by the console, the agent and model training. */
    public static final String OVERRIDES_FILE = "profit-settings.json";
    private static final String DEFAULTS = "profit-defaults.json";

    /** A flat electricity price to use until a tariff is set. */
    public record FallbackTariff(String currency, double pricePerKwh) {

        public FallbackTariff {
            Objects.requireNonNull(currency, "fallbackTariff.currency");
            if (!(pricePerKwh >= 0) || Double.isInfinite(pricePerKwh)) {
                throw new IllegalArgumentException("fallbackTariff.pricePerKwh must be 0 or more, got " + pricePerKwh);
            }
        }
    }

    public ProfitSettings {
        assumedCoins = Map.copyOf(Objects.requireNonNull(assumedCoins, "assumedCoins"));
        Objects.requireNonNull(assumedPool, "assumedPool");
        Objects.requireNonNull(fallbackTariff, "fallbackTariff");
        currencyPerUsd = Map.copyOf(Objects.requireNonNull(currencyPerUsd, "currencyPerUsd"));
        if (historyInterval == null || historyInterval.isNegative() || historyInterval.isZero()) {
            throw new IllegalArgumentException("historyInterval must be a positive duration, got " + historyInterval);
        }
        if (historyDays < 1) {
            throw new IllegalArgumentException("historyDays must be at least 1, got " + historyDays);
        }
        currencyPerUsd.forEach((currency, rate) -> {
            if (rate == null || !(rate > 0) || rate.isInfinite()) {
                throw new IllegalArgumentException("currencyPerUsd." + currency + " must be above 0, got " + rate);
            }
        });
    }

    /** Units of {@code currency} per US dollar, if known; USD is always 1. */
    public OptionalDouble rate(String currency) {
        if ("USD".equals(currency)) {
            return OptionalDouble.of(1);
        }
        Double rate = currencyPerUsd.get(currency);
        return rate == null ? OptionalDouble.empty() : OptionalDouble.of(rate);
    }

    public static ProfitSettings defaults() {
        return JsonSettings.defaults(ProfitSettings.class, DEFAULTS);
    }

    /** The defaults with the data folder's {@value #OVERRIDES_FILE} over them. */
    public static ProfitSettings inDataFolder(Path dataFolder) {
        return withOverrides(dataFolder.resolve(OVERRIDES_FILE));
    }

    public static ProfitSettings withOverrides(Path overridesFile) {
        return JsonSettings.withOverrides(ProfitSettings.class, DEFAULTS, overridesFile);
    }
}
