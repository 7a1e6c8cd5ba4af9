package io.hashdesk.core.reco;

/**
 * What applying a recommendation is expected to change, as differences from now (after − before), summed over its
 * target miners. A {@code null} figure is one the recommendation does not predict (a RISK note predicts none).
 *
 * @param hashrateThs      change in hashrate, TH/s
 * @param powerWatts       change in wall power, W
 * @param efficiencyJPerTh change in J/TH (negative is better); for several miners, of the group as a whole
 * @param profitUsdPerDay  change in profit, USD per day
 */
public record ExpectedImpact(Estimate hashrateThs, Estimate powerWatts, Estimate efficiencyJPerTh,
                             Estimate profitUsdPerDay) {

    public static ExpectedImpact none() {
        return new ExpectedImpact(null, null, null, null);
    }
}
