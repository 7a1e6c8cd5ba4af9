package io.hashdesk.app.market;

import io.hashdesk.core.energy.HourPrice;
import io.hashdesk.core.energy.PriceWindow;
import io.hashdesk.core.energy.Tariff;
import io.hashdesk.core.market.Coin;
import io.hashdesk.core.market.CoinMarket;
import io.hashdesk.core.profit.CoinQuote;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One background read of everything the Market &amp; energy screen shows, handed whole to the FX thread.
 *
 * @param at        when it was read
 * @param coins     every catalogued coin with its latest figures (if any) and its quote
 * @param energy    the active tariff's next 24 hours; empty when no tariff is active or it cannot be priced
 * @param energyProblem why {@code energy} is empty, one sentence
 * @param providers every market data provider, enabled or not
 */
record MarketPicture(Instant at, List<CoinLine> coins, Optional<EnergyOutlook> energy, String energyProblem,
                     List<ProviderStatus> providers) {

    MarketPicture {
        coins = List.copyOf(coins);
        providers = List.copyOf(providers);
    }

    /** A coin, its latest market figures and the economics read from them. */
    record CoinLine(Coin coin, Optional<CoinMarket> market, CoinQuote quote) {
    }

    /**
     * The active tariff over the next 24 hours.
     *
     * @param hours    hour by hour from the top of the current local hour
     * @param cheapest the cheapest run of hours among them
     */
    record EnergyOutlook(Tariff tariff, List<HourPrice> hours, PriceWindow cheapest) {
        EnergyOutlook {
            hours = List.copyOf(hours);
        }
    }
}
