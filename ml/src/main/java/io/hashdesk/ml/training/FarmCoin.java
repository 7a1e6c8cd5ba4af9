package io.hashdesk.ml.training;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.Algorithm;
import io.hashdesk.core.domain.catalog.MinerModel;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.market.Coin;
import io.hashdesk.core.market.CoinCatalog;
import io.hashdesk.core.pool.PoolDefinition;
import io.hashdesk.core.pool.PoolDirectory;
import io.hashdesk.core.store.FarmStore;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which coin the farm's one hashprice forecast is for: the coin that most of the farm's power draw mines now. Each
 * miner with telemetry counts for the coin its latest pool pays, as the profit screen prices it (a pool that is not
 * in the farm's pool list: the coin assumed for the miner's algorithm; a coin the miner cannot mine: none), weighted by its latest wall power (its
 * model's rated power when it reports none). Power rather than hashrate because SHA-256 TH/s and Scrypt GH/s are
 * different work and cannot be added, while watts are what the farm pays for whichever coin they earn. With no
 * telemetry yet, the fallback coin.
 *
 * @param coin   the coin to forecast
 * @param reason why, in words for the training note
 */
record FarmCoin(Coin coin, String reason) {

    FarmCoin {
        Objects.requireNonNull(coin, "coin");
        Objects.requireNonNull(reason, "reason");
    }

    static FarmCoin of(FarmStore store, MinerModelCatalog models, CoinCatalog coins,
                       Map<Algorithm, String> assumedCoins, String fallback) {
        Map<MinerId, TelemetrySnapshot> latest = store.telemetry().latest();
        PoolDirectory pools = new PoolDirectory(store.pools().pools());
        Map<String, Double> wattsByCoin = new TreeMap<>();
        for (Miner miner : store.registry().miners()) {
            TelemetrySnapshot snapshot = latest.get(miner.id());
            Optional<MinerModel> model = models.byId(miner.modelId());
            if (snapshot == null || model.isEmpty()) {
                continue;
            }
            Optional<String> coin = pools.byUrl(snapshot.poolUrl()).map(PoolDefinition::coin)
                    .or(() -> Optional.ofNullable(assumedCoins.get(model.get().algorithm())))
                    .filter(symbol -> coins.bySymbol(symbol).filter(c -> c.algorithm() == model.get().algorithm())
                            .isPresent());
            double watts = snapshot.powerWatts() != null ? snapshot.powerWatts() : model.get().ratedPowerWatts();
            coin.ifPresent(symbol -> wattsByCoin.merge(symbol, watts, Double::sum));
        }
        double total = wattsByCoin.values().stream().mapToDouble(Double::doubleValue).sum();
        if (!(total > 0)) {
            return new FarmCoin(coins.require(fallback), "no miner reports power on a known coin yet, so the fallback "
                    + fallback + " is forecast");
        }
        Map.Entry<String, Double> most = wattsByCoin.entrySet().stream()
                .max(Comparator.comparingDouble(Map.Entry::getValue)).orElseThrow();
        return new FarmCoin(coins.require(most.getKey()), String.format(Locale.ROOT,
                "%s is mined by %.0f %% of the farm's power draw", most.getKey(), 100 * most.getValue() / total));
    }
}
