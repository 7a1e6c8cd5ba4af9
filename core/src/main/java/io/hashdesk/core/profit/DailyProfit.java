package io.hashdesk.core.profit;

import io.hashdesk.core.domain.MinerId;
import java.time.LocalDate;

/** A miner's recorded figures for one local day at the site. Money in {@code currency} unless the name says USD. */
public record DailyProfit(MinerId miner, LocalDate day, String currency, double hashrateThs, double powerWatts,
                          double energyKwh, double revenueUsd, double revenue, double energyCost) {

    public double profit() {
        return revenue - energyCost;
    }
}
