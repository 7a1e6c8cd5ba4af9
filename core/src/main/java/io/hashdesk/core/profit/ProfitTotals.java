package io.hashdesk.core.profit;

/** Sums over a group of miners (a room, the fleet) for a period. Money in the tariff's currency. */
public record ProfitTotals(int miners, int unprofitableMiners, double hashrateThs, double powerWatts,
                           double energyKwh, double revenueUsd, double revenue, double energyCost) {

    static final ProfitTotals NONE = new ProfitTotals(0, 0, 0, 0, 0, 0, 0, 0);

    public double profit() {
        return revenue - energyCost;
    }

    /** The group's joules per terahash: total power over total hashrate. */
    public double efficiencyJPerTh() {
        return powerWatts / hashrateThs;
    }

    ProfitTotals plus(MinerProfit m) {
        return new ProfitTotals(miners + 1, unprofitableMiners + (m.unprofitable() ? 1 : 0),
                hashrateThs + m.hashrateThs(), powerWatts + m.powerWatts(), energyKwh + m.energyKwh(),
                revenueUsd + m.revenueUsd(), revenue + m.revenue(), energyCost + m.energyCost());
    }
}
