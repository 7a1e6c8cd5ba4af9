package io.hashdesk.core.energy;

import java.time.Instant;

/** A run of whole hours {@code [start, end)} and its average price, e.g. the cheapest 4 hours of the next 24. */
public record PriceWindow(Instant start, Instant end, double averagePricePerKwh, PriceSource source) {
}
