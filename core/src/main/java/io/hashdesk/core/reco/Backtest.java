package io.hashdesk.core.reco;

import java.time.Instant;

/**
 * What a policy would have done over the farm's own recent history, replayed from the store, beside what happened.
 * Money is in USD (revenue) and the tariff's currency (energy) as the names say.
 *
 * @param from                    start of the replayed window
 * @param to                      end of the replayed window
 * @param actualProfitUsd         profit as it happened
 * @param policyProfitUsd         profit had the policy been in force
 * @param actualEnergyKwh         energy drawn as it happened
 * @param policyEnergyKwh         energy had the policy been in force
 * @param coverage                share of the window the store had data for, 0–1
 * @param summary                 one sentence for the operator, e.g. "over the last 7 days this plan would have
 *                                earned $412 more (+3.1 %)"
 */
public record Backtest(Instant from, Instant to, double actualProfitUsd, double policyProfitUsd,
                       double actualEnergyKwh, double policyEnergyKwh, double coverage, String summary) {

    public double gainUsd() {
        return policyProfitUsd - actualProfitUsd;
    }
}
