package io.hashdesk.ml.advice;

import io.hashdesk.core.market.Coin;
import io.hashdesk.core.market.CoinCatalog;
import io.hashdesk.core.market.MarketSnapshot;
import io.hashdesk.core.reco.Estimate;
import io.hashdesk.core.reco.HashpriceOutlook;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.ml.forecast.ForecastSource;
import io.hashdesk.ml.forecast.HashpriceForecast;
import io.hashdesk.ml.forecast.HashpriceForecaster;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The forecaster's hashprice outlook for the coin it was trained for, one per horizon, turned from its USD per PH/s
 * per day into USD per TH/s per day. A horizon served by the naive forecast (the model did not beat it) names no
 * model version.
 */
final class HashpriceOutlooks {

    private static final Logger LOG = LoggerFactory.getLogger(HashpriceOutlooks.class);
    private static final double TH_PER_PH = 1000;

    private HashpriceOutlooks() {
    }

    static List<HashpriceOutlook> of(HashpriceForecaster.Saved saved, String version, FarmStore store,
                                     Instant now, Duration marketHistory) {
        Optional<Coin> coin = CoinCatalog.bundled().bySymbol(saved.coinSymbol());
        if (coin.isEmpty()) {
            LOG.warn("The hashprice forecaster was trained for {}, which the coin catalog no longer has: no outlook",
                    saved.coinSymbol());
            return List.of();
        }
        List<MarketSnapshot> history = store.market().history(coin.get().symbol(), now.minus(marketHistory), now);
        List<HashpriceForecast> forecasts;
        try {
            forecasts = HashpriceForecaster.restore(saved, coin.get()).forecast(history, now);
        } catch (IllegalArgumentException e) {
            // the market figures it needs are missing or stale: no outlook until the market data catches up
            LOG.warn("No hashprice outlook for {}: {}", coin.get().symbol(), e.getMessage());
            return List.of();
        }
        List<HashpriceOutlook> out = new ArrayList<>();
        for (HashpriceForecast f : forecasts) {
            out.add(new HashpriceOutlook(coin.get().symbol(), f.horizon(), f.lastKnown() / TH_PER_PH,
                    new Estimate(f.expected() / TH_PER_PH, f.low() / TH_PER_PH, f.high() / TH_PER_PH),
                    f.source() == ForecastSource.MODEL ? version : null));
        }
        return out;
    }
}
