package io.hashdesk.core.energy;

/** Where a price came from, so a screen can show which hours rest on a fallback instead of market data. */
public enum PriceSource {
    /** The tariff's own flat or time-of-use price. */
    TARIFF,
    /** A point of the market series (plus the tariff's adder). */
    MARKET,
    /** The market tariff's fallback, because the series has no price for that time. */
    FALLBACK;

    /** The less certain of two sources: a mix of market and fallback hours counts as fallback. */
    PriceSource weaker(PriceSource other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
