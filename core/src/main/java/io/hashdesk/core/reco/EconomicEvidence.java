package io.hashdesk.core.reco;

import io.hashdesk.core.profit.FarmProfitReport;

import java.util.Objects;

/**
 * The farm's economics at evaluation time: the next 24 hours priced at the market figures and tariff in force.
 *
 * @param nextDay per-miner profit over the next 24 hours, with the quotes and notes it used
 */
public record EconomicEvidence(FarmProfitReport nextDay) {

    public EconomicEvidence {
        Objects.requireNonNull(nextDay, "next day");
    }
}
