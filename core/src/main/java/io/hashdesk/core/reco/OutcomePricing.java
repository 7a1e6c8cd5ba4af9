package io.hashdesk.core.reco;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.profit.FarmProfitReport;
import io.hashdesk.core.profit.MinerProfit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The market figures both windows of an outcome are priced at, so a market move between them is not counted as the
 * recommendation's doing.
 *
 * @param revenueUsdPerThPerDay what a TH/s earns a day after pool fees, USD
 * @param energyUsdPerKwh       what a kWh costs, converted to USD
 */
public record OutcomePricing(double revenueUsdPerThPerDay, double energyUsdPerKwh) {

    public OutcomePricing {
        if (!Double.isFinite(revenueUsdPerThPerDay) || !Double.isFinite(energyUsdPerKwh)) {
            throw new IllegalArgumentException("pricing needs finite figures, got " + revenueUsdPerThPerDay
                    + " USD/TH/day and " + energyUsdPerKwh + " USD/kWh");
        }
    }

    /**
     * The figures to price a recommendation's measured outcome at: those its prediction was priced at, else what the
     * report prices its miners at now.
     */
    public static Optional<OutcomePricing> forOutcomeOf(Recommendation recommendation, FarmProfitReport report) {
        OutcomePricing predicted = recommendation.impact().pricedAt();
        return predicted != null ? Optional.of(predicted) : of(report, recommendation.target().miners());
    }

    /**
     * The figures the profit report priced {@code miners} at (all its miners when none of them was priced); empty when
     * the report priced nothing.
     */
    public static Optional<OutcomePricing> of(FarmProfitReport report, Collection<MinerId> miners) {
        Set<MinerId> wanted = Set.copyOf(miners);
        List<MinerProfit> priced = report.profit().miners().stream().filter(p -> wanted.contains(p.miner())).toList();
        return average(priced).or(() -> average(report.profit().miners()));
    }

    private static Optional<OutcomePricing> average(List<MinerProfit> profits) {
        double revenueUsd = 0;
        double ths = 0;
        double energyUsd = 0;
        double kwh = 0;
        for (MinerProfit p : profits) {
            if (p.revenue() <= 0 || !Double.isFinite(p.revenueUsd())) {
                continue;
            }
            revenueUsd += p.revenueUsd();
            ths += p.hashrateThs();
            // the report keeps energy in the tariff's currency; its own exchange rate turns it into USD
            energyUsd += p.energyCost() * p.revenueUsd() / p.revenue();
            kwh += p.energyKwh();
        }
        if (ths <= 0 || kwh <= 0) {
            return Optional.empty();
        }
        return Optional.of(new OutcomePricing(revenueUsd / ths, energyUsd / kwh));
    }

    /** Profit change a day of the given hashrate and power changes is worth. */
    public double profitUsdPerDay(double hashrateThs, double powerWatts) {
        return hashrateThs * revenueUsdPerThPerDay - powerWatts / 1000 * 24 * energyUsdPerKwh;
    }
}
