package io.hashdesk.core.energy;

import java.time.Duration;
import java.util.Objects;

/**
 * A charge on the month's highest average demand: the site's power is averaged over each {@code interval} of the
 * local clock (:00, :15, …) and the highest average in the month, in kW, is billed at {@code pricePerKw}.
 *
 * @param name       how the bill line reads, e.g. {@code "facility demand"}
 * @param pricePerKw charge per kW of the month's peak average demand, in the tariff's currency
 * @param interval   the demand interval: 15, 30 or 60 minutes
 */
public record DemandCharge(String name, double pricePerKw, Duration interval) {

    public DemandCharge {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A demand charge needs a name (e.g. \"facility demand\"), got '" + name + "'");
        }
        Prices.requireTariffPrice(pricePerKw, "pricePerKw of demand charge '" + name + "'");
        Objects.requireNonNull(interval, "interval of demand charge '" + name + "'");
        long minutes = interval.toMinutes();
        if (!interval.equals(Duration.ofMinutes(minutes)) || !(minutes == 15 || minutes == 30 || minutes == 60)) {
            throw new IllegalArgumentException("interval of demand charge '" + name
                    + "' must be 15, 30 or 60 minutes (PT15M, PT30M, PT1H), got " + interval);
        }
    }
}
