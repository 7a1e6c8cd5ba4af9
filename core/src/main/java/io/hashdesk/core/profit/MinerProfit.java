package io.hashdesk.core.profit;

import io.hashdesk.core.domain.MinerId;

/**
 * One miner's economics over a period (a day). Money is in the tariff's currency unless the name says USD. Ratios
 * over a miner with no hashrate or no power are infinite (or NaN when both are zero), never a made-up number.
 *
 * @param energyKwh                         energy drawn over the period
 * @param revenueUsd                        expected earnings over the period, after the pool fee
 * @param revenue                           the same in the tariff's currency
 * @param energyCost                        the tariff integrated over the period for this miner's power
 * @param profit                            revenue − energyCost
 * @param breakEvenPricePerKwh              the flat electricity price at which profit would be zero
 * @param breakEvenHashpriceUsdPerThPerDay  the gross (Luxor) hashprice at which profit would be zero under the
 *                                          same pool terms, tariff and exchange rate
 * @param efficiencyJPerTh                  joules per terahash (W per TH/s)
 * @param costPerThPerDay                   energy cost per TH/s of this miner's hashrate per 24 hours
 */
public record MinerProfit(MinerId miner, String roomId, double hashrateThs, double powerWatts, double energyKwh,
                          double revenueUsd, double revenue, double energyCost, double profit,
                          double breakEvenPricePerKwh, double breakEvenHashpriceUsdPerThPerDay,
                          double efficiencyJPerTh, double costPerThPerDay) {

    public boolean unprofitable() {
        return profit < 0;
    }
}
