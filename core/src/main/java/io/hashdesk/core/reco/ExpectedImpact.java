package io.hashdesk.core.reco;

/**
 * What applying a recommendation is expected to change, as differences from now (after − before), summed over its
 * target miners. A {@code null} figure is one the recommendation does not predict (a RISK note predicts none).
 *
 * @param hashrateThs      change in hashrate, TH/s
 * @param powerWatts       change in wall power, W
 * @param efficiencyJPerTh change in J/TH (negative is better); for several miners, of the group as a whole
 * @param profitUsdPerDay  change in profit, USD per day
 * @param pricedAt         the market figures the profit change was worked out at, when they are one hashprice and one
 *                         electricity price: the measured outcome is priced at the same figures, so that a market
 *                         move between the prediction and the measurement is not taken for the model's error; null
 *                         when the profit was priced otherwise (a tariff plan, a coin switch) or not at all
 */
public record ExpectedImpact(Estimate hashrateThs, Estimate powerWatts, Estimate efficiencyJPerTh,
                             Estimate profitUsdPerDay, OutcomePricing pricedAt) {

    /** An impact whose profit, if any, is not priced at one pair of market figures. */
    public ExpectedImpact(Estimate hashrateThs, Estimate powerWatts, Estimate efficiencyJPerTh,
                          Estimate profitUsdPerDay) {
        this(hashrateThs, powerWatts, efficiencyJPerTh, profitUsdPerDay, null);
    }

    public static ExpectedImpact none() {
        return new ExpectedImpact(null, null, null, null);
    }
}
