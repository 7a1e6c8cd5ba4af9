package io.hashdesk.ml.training;

import io.hashdesk.core.domain.catalog.Algorithm;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.market.CoinCatalog;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.drift.DriftSettings;
import io.hashdesk.ml.forecast.HashpriceForecastTraining;
import io.hashdesk.ml.forecast.HashpriceForecaster;
import io.hashdesk.ml.registry.ModelCandidate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retrains the farm's hashprice forecaster ({@link HashpriceForecastTraining}), one for the fleet, for the coin most
 * of the farm's power mines ({@link FarmCoin}); the candidate records the coin with its hyper-parameters.
 */
public final class HashpriceForecastTrainer implements ModelTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(HashpriceForecastTrainer.class);

    private final MinerModelCatalog models;
    private final CoinCatalog coins;
    private final Map<Algorithm, String> assumedCoins;
    private final HashpriceForecaster.Options options;
    private final DriftSettings drift;
    private final TrainingSettings settings;

    /**
     * @param assumedCoins the coin a miner on a pool outside the farm's pool list is taken to mine, by algorithm (the
     *                     profit settings' {@code assumedCoins}, so the forecast and the profit screen agree)
     */
    public HashpriceForecastTrainer(MinerModelCatalog models, CoinCatalog coins, Map<Algorithm, String> assumedCoins,
                                    HashpriceForecaster.Options options, DriftSettings drift,
                                    TrainingSettings settings) {
        this.models = models;
        this.coins = coins;
        this.assumedCoins = Map.copyOf(assumedCoins);
        this.options = options;
        this.drift = drift;
        this.settings = settings;
        coins.require(settings.fallbackForecastCoin());
    }

    @Override
    public ModelType type() {
        return ModelType.PROFIT_FORECAST;
    }

    @Override
    public List<ModelScope> scopes(FarmStore store, Instant now) {
        return List.of(ModelScope.fleet());
    }

    /**
     * Trains on the coin's market history over the last {@code profitForecast.history}. Not enough data when the
     * store has none of the coin, or too little for walk-forward validation.
     */
    @Override
    public TrainingResult train(FarmStore store, ModelScope scope, Instant now, TrainingProgress progress) {
        FarmCoin farmCoin = coinOf(store);
        String symbol = farmCoin.coin().symbol();
        if (store.market().history(symbol, now.minus(settings.profitForecast().history()), now).isEmpty()) {
            return TrainingResult.notEnoughData(farmCoin.reason() + ", but the store holds no market history of "
                    + symbol + " from the last " + settings.profitForecast().history().toDays() + " days");
        }
        HashpriceForecastTraining.Trained trained;
        try {
            trained = HashpriceForecastTraining.train(store.market(), farmCoin.coin(),
                    settings.profitForecast().history(), now, options, drift, progress);
        } catch (IllegalArgumentException e) {
            // HashpriceForecastTraining's way of saying the history is too short for walk-forward validation
            return TrainingResult.notEnoughData(farmCoin.reason() + "; " + e.getMessage());
        }
        String note = String.format(Locale.ROOT, "%s; walk-forward MAE %.3f × the naive forecast's",
                farmCoin.reason(), trained.candidate().metrics().get(HashpriceForecastTraining.HELD_OUT_MAE_VS_NAIVE));
        LOG.info("Hashprice forecaster: {}", note);
        return TrainingResult.trained(withCoin(trained.candidate(), symbol), trained.artifact(), note);
    }

    /** The market features over the last {@code profitForecast.recent}, for the coin the farm mines now. */
    @Override
    public Map<String, double[]> recentFeatures(FarmStore store, ModelScope scope, Instant now) {
        return HashpriceForecastTraining.recentFeatures(store.market(), coinOf(store).coin(),
                settings.profitForecast().recent(), now, options);
    }

    private FarmCoin coinOf(FarmStore store) {
        return FarmCoin.of(store, models, coins, assumedCoins, settings.fallbackForecastCoin());
    }

    private static ModelCandidate withCoin(ModelCandidate candidate, String coin) {
        Map<String, Object> hyper = new LinkedHashMap<>();
        hyper.put("coin", coin);
        hyper.put("forecaster", candidate.hyperParameters());
        return new ModelCandidate(candidate.type(), candidate.scope(), candidate.trainedFrom(),
                candidate.trainedTo(), candidate.features(), candidate.algorithm(), hyper, candidate.metrics(),
                candidate.distributions());
    }
}
