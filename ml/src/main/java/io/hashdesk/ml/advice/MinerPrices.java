package io.hashdesk.ml.advice;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.profit.MinerProfit;
import io.hashdesk.core.reco.EconomicEvidence;
import io.hashdesk.ml.optimiser.Prices;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The prices in force for each miner, read back from the economics the caller priced the next day with, so that the
 * optimiser's profit and the profit screens agree on coin, pool fee, tariff and exchange rate: what a TH/s earns is
 * the miner's revenue in USD per TH/s of its hashrate (after the pool's fee), and a kWh costs its energy cost per kWh,
 * turned into USD at the rate its revenue was converted with.
 */
final class MinerPrices {

    private final Map<MinerId, Prices> byMiner;

    private MinerPrices(Map<MinerId, Prices> byMiner) {
        this.byMiner = byMiner;
    }

    static MinerPrices of(EconomicEvidence economics) {
        Map<MinerId, Prices> byMiner = new HashMap<>();
        double days = Duration.between(economics.nextDay().profit().from(), economics.nextDay().profit().to())
                .toSeconds() / (double) Duration.ofDays(1).toSeconds();
        for (MinerProfit p : economics.nextDay().profit().miners()) {
            // a miner that earned nothing or drew nothing gives no rate to convert with, nor a price per unit
            if (days > 0 && p.hashrateThs() > 0 && p.energyKwh() > 0 && p.revenue() > 0 && p.revenueUsd() > 0
                    && Double.isFinite(p.energyCost()) && p.energyCost() >= 0) {
                double usdPerCurrency = p.revenueUsd() / p.revenue();
                byMiner.put(p.miner(), new Prices(p.energyCost() / p.energyKwh() * usdPerCurrency,
                        p.revenueUsd() / days / p.hashrateThs()));
            }
        }
        return new MinerPrices(byMiner);
    }

    /** Empty when the economics could not price the miner: its setting is then chosen for efficiency. */
    Optional<Prices> of(MinerId miner) {
        return Optional.ofNullable(byMiner.get(miner));
    }
}
