package io.hashdesk.core.energy;

import java.time.Instant;

/** Time between two points of a price series that no point covers: {@code [from, until)}. */
public record PriceGap(Instant from, Instant until) {
}
