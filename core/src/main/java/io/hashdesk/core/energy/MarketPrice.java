package io.hashdesk.core.energy;

import java.util.Objects;

/**
 * Each interval priced from an imported market series (day-ahead prices), plus a per-kWh adder for what the
 * supplier charges on top (grid fees, taxes, margin). Where the series has no price, a gap or past its end, the
 * {@code fallback} prices the energy and every answer says so; nothing is ever priced at zero for lack of data.
 *
 * @param seriesName       the {@link PriceSeries} this tariff reads
 * @param adderPerKwh      added to every market price; 0 when the series already holds the full price
 * @param fallback         prices the hours the series does not cover; a flat or time-of-use charge
 */
public record MarketPrice(String seriesName, double adderPerKwh, EnergyCharge fallback) implements EnergyCharge {

    public MarketPrice {
        if (seriesName == null || seriesName.isBlank()) {
            throw new IllegalArgumentException("A market-priced tariff must name its price series, got '" + seriesName + "'");
        }
        Prices.requireFinite(adderPerKwh, "adderPerKwh");
        Objects.requireNonNull(fallback, "fallback of market series '" + seriesName
                + "' (the flat or time-of-use price for hours the series does not cover)");
        if (fallback instanceof MarketPrice) {
            throw new IllegalArgumentException("The fallback of market series '" + seriesName
                    + "' must be a flat or time-of-use price, not another market series");
        }
    }
}
