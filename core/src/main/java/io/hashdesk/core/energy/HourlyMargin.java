package io.hashdesk.core.energy;

import java.time.Instant;

/** A miner's revenue and energy cost for the hour {@code [start, end)}, both in the tariff's currency. */
public record HourlyMargin(Instant start, Instant end, double revenue, double energyCost, PriceSource source) {

    public double margin() {
        return revenue - energyCost;
    }
}
