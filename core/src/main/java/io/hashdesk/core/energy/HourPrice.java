package io.hashdesk.core.energy;

import java.time.Instant;

/**
 * The average price of one hour {@code [start, end)}, weighted by time when a band or market interval changes
 * within it; {@code source} is {@link PriceSource#FALLBACK} if any part of the hour used the fallback.
 */
public record HourPrice(Instant start, Instant end, double pricePerKwh, PriceSource source) {
}
