package io.hashdesk.core.reco;

import java.time.Duration;
import java.util.Objects;

/**
 * The profitability forecaster's view of one coin's hashprice (USD per TH/s per day, or per the coin's display unit
 * for non-SHA-256 coins, as the forecaster works).
 *
 * @param lastKnown    the latest value the market data gives
 * @param expected     forecast at {@code horizon} with its interval
 * @param modelVersion {@code type/scope@version}; {@code null} when the naive forecast (last value) is served
 */
public record HashpriceOutlook(String coin, Duration horizon, double lastKnown, Estimate expected,
                               String modelVersion) {

    public HashpriceOutlook {
        Objects.requireNonNull(coin, "coin");
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(expected, "expected");
    }
}
