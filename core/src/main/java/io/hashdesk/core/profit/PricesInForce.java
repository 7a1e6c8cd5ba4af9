package io.hashdesk.core.profit;

import io.hashdesk.core.energy.ElectricityPrices;
import io.hashdesk.core.energy.EnergyStore;
import io.hashdesk.core.energy.MarketPrice;
import io.hashdesk.core.energy.PriceSeries;
import io.hashdesk.core.energy.Tariff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The electricity prices profit is figured with: the active tariff (with its market series for the period, when it
 * reads one), or, until the operator sets a tariff, the assumed flat price, said in a note.
 *
 * @param note what was assumed, if anything
 */
record PricesInForce(ElectricityPrices prices, Optional<String> note) {

    /** The market series' step when none is stored yet: an empty series only makes every hour a fallback hour. */
    private static final Duration EMPTY_SERIES_STEP = Duration.ofHours(1);

    static PricesInForce resolve(EnergyStore energy, ProfitSettings settings, ZoneId siteZone, Instant from,
                                 Instant to, Clock clock) {
        Optional<Tariff> active = energy.activeTariff();
        if (active.isEmpty()) {
            ProfitSettings.FallbackTariff fallback = settings.fallbackTariff();
            Tariff assumed = Tariff.flat("Assumed flat price", fallback.currency(), siteZone, fallback.pricePerKwh());
            return new PricesInForce(ElectricityPrices.of(assumed, clock), Optional.of(String.format(Locale.ROOT,
                    "No electricity tariff is set: %.4f %s/kWh assumed", fallback.pricePerKwh(),
                    fallback.currency())));
        }
        Tariff tariff = active.get();
        if (tariff.energy() instanceof MarketPrice market) {
            PriceSeries series = energy.priceSeries(market.seriesName(), from, to).orElseGet(() ->
                    new PriceSeries(market.seriesName(), tariff.currency(), EMPTY_SERIES_STEP, List.of()));
            return new PricesInForce(ElectricityPrices.withMarket(tariff, series, clock), Optional.empty());
        }
        return new PricesInForce(ElectricityPrices.of(tariff, clock), Optional.empty());
    }
}
