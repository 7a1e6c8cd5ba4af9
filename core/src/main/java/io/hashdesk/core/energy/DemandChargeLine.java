package io.hashdesk.core.energy;

import java.time.Instant;

/**
 * One demand charge of a month's bill.
 *
 * @param peakDemandKw      the highest average power over one demand interval in the month
 * @param peakIntervalStart when that interval began
 * @param charge            {@code peakDemandKw × pricePerKw}, in the tariff's currency
 */
public record DemandChargeLine(DemandCharge demandCharge, double peakDemandKw, Instant peakIntervalStart,
                               double charge) {
}
