package io.hashdesk.core.market;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The bundled {@code coins.json}.
 *
 * @param schemaVersion format version; only {@link #SUPPORTED_SCHEMA} is understood
 * @param asOf          the date the "current" subsidy and halving figures describe
 * @param coins         the coins
 */
record CoinDocument(int schemaVersion, LocalDate asOf, List<Coin> coins) {

    static final int SUPPORTED_SCHEMA = 1;

    CoinDocument {
        if (schemaVersion != SUPPORTED_SCHEMA) {
            throw new IllegalArgumentException("schemaVersion " + schemaVersion + " is not supported (expected "
                    + SUPPORTED_SCHEMA + ")");
        }
        Objects.requireNonNull(asOf, "asOf is missing");
        if (coins == null || coins.isEmpty() || coins.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("coins must list at least one coin and no empty entries");
        }
        coins = List.copyOf(coins);
    }
}
