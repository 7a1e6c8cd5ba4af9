package io.hashdesk.core.energy;

import java.time.YearMonth;
import java.util.List;

/** A month's demand charges: one line per {@link DemandCharge} of the tariff. */
public record DemandChargeBill(YearMonth month, String currency, List<DemandChargeLine> lines) {

    public DemandChargeBill {
        lines = List.copyOf(lines);
    }

    public double total() {
        return lines.stream().mapToDouble(DemandChargeLine::charge).sum();
    }
}
