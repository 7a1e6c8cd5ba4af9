package io.hashdesk.core.energy;

import java.time.Instant;
import java.util.Objects;

/** A market price for the interval starting at {@code start}. Market prices can be negative. */
public record PricePoint(Instant start, double pricePerKwh) {

    public PricePoint {
        Objects.requireNonNull(start, "start");
        Prices.requireFinite(pricePerKwh, "pricePerKwh at " + start);
    }
}
