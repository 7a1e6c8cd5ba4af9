package io.hashdesk.ml.month;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.catalog.Algorithm;
import io.hashdesk.core.profit.FleetProfit;
import io.hashdesk.core.profit.MinerProfit;
import java.time.LocalDate;
import java.util.Map;

/**
 * One simulated day of the farm as the profit report prices it from the store's hourly rollups. Money in USD (the
 * demo tariff's currency).
 *
 * @param profitUsd       revenue after pool fees minus the tariff's energy cost, whole farm
 * @param energyKwh       energy drawn, whole farm
 * @param sha256Ths       mean hashrate of the SHA-256 units
 * @param sha256Watts     mean wall power of the SHA-256 units
 * @param priced          units the report could price (mining or not)
 * @param hashing         the SHA-256 units' energy and hashes in the polls that found them mining
 */
record DayFigures(LocalDate day, double profitUsd, double revenueUsd, double energyCostUsd, double energyKwh,
                  double sha256Ths, double sha256Watts, int priced, Hashing hashing) {

    /**
     * Energy and hashes of units while they were mining, each poll counting for the poll interval: a paused unit's
     * idle draw (fans, controller) is left out, as a J/TH figure of running miners means.
     */
    record Hashing(double wattHours, double thsHours) {
        static final Hashing NONE = new Hashing(0, 0);

        Hashing plus(double watts, double ths, double hours) {
            return new Hashing(wattHours + watts * hours, thsHours + ths * hours);
        }

        double jPerTh() {
            return wattHours / thsHours;
        }
    }

    static DayFigures of(LocalDate day, FleetProfit profit, Map<MinerId, Algorithm> algorithmOf, Hashing hashing) {
        double ths = 0;
        double watts = 0;
        for (MinerProfit miner : profit.miners()) {
            if (algorithmOf.get(miner.miner()) == Algorithm.SHA256) {
                ths += miner.hashrateThs();
                watts += miner.powerWatts();
            }
        }
        return new DayFigures(day, profit.fleet().profit(), profit.fleet().revenueUsd(), profit.fleet().energyCost(),
                profit.fleet().energyKwh(), ths, watts, profit.miners().size(), hashing);
    }

    /** The SHA-256 units' joules per terahash (the Scrypt units' J/TH is of another scale and left out). */
    double sha256JPerTh() {
        return sha256Watts / sha256Ths;
    }
}
