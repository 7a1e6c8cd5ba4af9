package io.hashdesk.core.energy;

import java.time.Duration;
import java.time.Instant;

/**
 * A stretch of time at one price: {@code [start, end)}.
 *
 * @param label what priced it: a band ({@code "summer weekday: peak"}), {@code "flat"} or {@code "market"}
 */
public record PriceSegment(Instant start, Instant end, double pricePerKwh, PriceSource source, String label) {

    public Duration duration() {
        return Duration.between(start, end);
    }

    /** Hours the segment lasts, as a fraction. */
    double hours() {
        return PricedPeriod.hoursBetween(start, end);
    }
}
