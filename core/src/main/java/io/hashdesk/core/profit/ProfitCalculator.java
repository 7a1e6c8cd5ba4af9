package io.hashdesk.core.profit;

import io.hashdesk.core.energy.EnergyCost;
import io.hashdesk.core.energy.PricedPeriod;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns hashrate and power into money for a period: expected revenue under the pool's terms, the real tariff
 * integrated over the period for the power (not an average price), and the figures derived from them. The period
 * is normally a day: the next 24 hours, or a local calendar day, which has 23 or 25 hours when clocks change;
 * revenue then covers those hours too.
 */
public final class ProfitCalculator {

    private static final double SECONDS_PER_DAY = 86_400;

    private final RevenueTerms terms;
    private final double tariffCurrencyPerUsd;
    private final double usdPerThPerDay;
    private final double payoutFraction;

    /**
     * @param tariffCurrencyPerUsd the exchange rate from USD (coin prices) to the tariff's currency; 1 for USD
     */
    public ProfitCalculator(RevenueTerms terms, double tariffCurrencyPerUsd) {
        this.terms = Objects.requireNonNull(terms, "terms");
        if (!(tariffCurrencyPerUsd > 0) || Double.isInfinite(tariffCurrencyPerUsd)) {
            throw new IllegalArgumentException("tariffCurrencyPerUsd must be more than zero, got " + tariffCurrencyPerUsd);
        }
        this.tariffCurrencyPerUsd = tariffCurrencyPerUsd;
        this.usdPerThPerDay = terms.usdPerDay(1);
        this.payoutFraction = terms.payoutFraction();
    }

    public RevenueTerms terms() {
        return terms;
    }

    /** One miner's figures over the period. */
    public MinerProfit profit(MinerInput input, PricedPeriod period) {
        double costPerKw = period.costPerKw();
        return profit(input, period, costPerKw, period.hours(), days(period));
    }

    /** Every miner's figures over the period, with room and fleet totals; the tariff is integrated once. */
    public FleetProfit fleet(List<MinerInput> miners, PricedPeriod period) {
        double costPerKw = period.costPerKw();
        double hours = period.hours();
        double days = days(period);
        List<MinerProfit> out = new ArrayList<>(miners.size());
        for (MinerInput miner : miners) {
            out.add(profit(miner, period, costPerKw, hours, days));
        }
        return FleetProfit.of(period.from(), period.to(), period.currency(), out);
    }

    /**
     * The constant-power cost is the miner's kW times the period's integrated price per kW, which is the same number
     * {@link PricedPeriod#costOf(double)} gives, computed once per period instead of once per miner.
     */
    private MinerProfit profit(MinerInput m, PricedPeriod period, double costPerKw, double hours, double days) {
        double kw = m.powerWatts() / 1000.0;
        EnergyCost cost = new EnergyCost(kw * hours, kw * costPerKw, period.currency());
        double revenueUsd = usdPerThPerDay * m.hashrateThs() * days;
        double revenue = revenueUsd * tariffCurrencyPerUsd;
        double costPerThPerDay = cost.cost() / days / m.hashrateThs();
        double breakEvenHashprice = costPerThPerDay / tariffCurrencyPerUsd / payoutFraction;
        return new MinerProfit(m.miner(), m.roomId(), m.hashrateThs(), m.powerWatts(), cost.energyKwh(), revenueUsd,
                revenue, cost.cost(), revenue - cost.cost(), revenue / cost.energyKwh(), breakEvenHashprice,
                m.powerWatts() / m.hashrateThs(), costPerThPerDay);
    }

    private static double days(PricedPeriod period) {
        return period.duration().toNanos() / 1e9 / SECONDS_PER_DAY;
    }
}
