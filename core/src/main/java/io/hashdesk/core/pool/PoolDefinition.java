package io.hashdesk.core.pool;

import io.hashdesk.core.profit.PoolTerms;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A pool the farm mines on, as the operator describes it: where it is, which coin it pays, and its terms.
 *
 * @param id       short stable key, e.g. {@code viabtc-btc}
 * @param name     what operators call it
 * @param endpoint where miners connect
 * @param coin     the coin it pays out, as in the coin catalog (e.g. {@code BTC}, {@code LTC})
 * @param terms    its fee and payout scheme
 */
public record PoolDefinition(String id, String name, PoolEndpoint endpoint, String coin, PoolTerms terms) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern COIN = Pattern.compile("[A-Z0-9]{2,10}");

    public PoolDefinition {
        Objects.requireNonNull(id, "pool id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Pool id '" + id + "' must be 1–64 lower-case letters, digits, '.', '_'"
                    + " or '-', starting with a letter or digit");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Pool " + id + " needs a name");
        }
        Objects.requireNonNull(endpoint, "endpoint of pool " + id);
        if (coin == null || !COIN.matcher(coin).matches()) {
            throw new IllegalArgumentException("Pool " + id + ": coin '" + coin + "' is not a coin symbol such as BTC");
        }
        Objects.requireNonNull(terms, "terms of pool " + id);
        name = name.strip();
    }
}
