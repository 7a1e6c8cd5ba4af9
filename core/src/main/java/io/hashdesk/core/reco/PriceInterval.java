package io.hashdesk.core.reco;

import io.hashdesk.core.energy.PriceSource;

import java.time.Instant;
import java.util.Objects;

/**
 * The tariff's time-weighted price over one schedule interval {@code [start, end)}, in the tariff's currency per kWh;
 * {@code source} is {@link PriceSource#FALLBACK} if any part of it rested on the fallback price.
 */
public record PriceInterval(Instant start, Instant end, double pricePerKwh, PriceSource source) {

    public PriceInterval {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(source, "source");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a price interval must end after it starts, got " + start + " to " + end);
        }
        if (!Double.isFinite(pricePerKwh)) {
            throw new IllegalArgumentException("the price at " + start + " must be a number, got " + pricePerKwh);
        }
    }

    public double hours() {
        return (end.toEpochMilli() - start.toEpochMilli()) / 3_600_000.0;
    }
}
