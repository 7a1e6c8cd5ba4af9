package io.hashdesk.ml.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Hashprice forecast for one horizon, in USD per PH/s per day.
 *
 * @param madeAt        the grid time forecast from (the latest market figures used are no newer)
 * @param lastKnown     hashprice at {@code madeAt}
 * @param expected      the forecast
 * @param low           lower end of the prediction interval
 * @param high          upper end
 * @param coverage      the share of walk-forward errors the interval spans (0.9 = 5th–95th percentile); the
 *                      coverage achieved out of sample is in {@link HorizonValidation#intervalCoverage()}
 * @param source        model or naive baseline
 * @param reason        why this source, with the walk-forward figures behind the choice
 * @param feesIncluded  false when the history never reported fees, so hashprice counts the subsidy only
 */
public record HashpriceForecast(Duration horizon, Instant madeAt, double lastKnown, double expected, double low,
                                double high, double coverage, ForecastSource source, String reason,
                                boolean feesIncluded) {

    public HashpriceForecast {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
        if (!(low <= expected && expected <= high)) {
            throw new IllegalArgumentException("expected low ≤ forecast ≤ high, got " + low + ", " + expected + ", "
                    + high);
        }
    }

    public Instant forecastFor() {
        return madeAt.plus(horizon);
    }
}
