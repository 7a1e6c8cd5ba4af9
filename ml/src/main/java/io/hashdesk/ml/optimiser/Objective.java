package io.hashdesk.ml.optimiser;

import io.hashdesk.ml.optimiser.EfficiencyCurve.Output;

/**
 * What the operator wants a unit's setting to achieve. The optimiser maximises a score: profit and hashrate as they
 * are, efficiency as minus J/TH. Values shown to people are in the objective's own unit ({@link #unit()}).
 */
public enum Objective {

    /** Most USD per day at the current electricity price and hashprice. */
    MAX_PROFIT("USD/day"),
    /** Fewest joules per terahash (J/TH). */
    MAX_EFFICIENCY("J/TH"),
    /** Most TH/s. */
    MAX_HASHRATE("TH/s");

    private final String unit;

    Objective(String unit) {
        this.unit = unit;
    }

    public String unit() {
        return unit;
    }

    /**
     * Mean and standard deviation of the score forecast at one setting. Profit is linear in hashrate and power, so
     * its forecast combines theirs exactly (taking the two as independent).
     */
    double[] score(Forecast forecast, Prices prices) {
        return switch (this) {
            case MAX_PROFIT -> {
                double hashUsd = prices.hashpriceUsdPerThDay();
                double powerUsd = prices.usdPerWattDay();
                double mean = forecast.mean(Output.HASHRATE) * hashUsd - forecast.mean(Output.POWER) * powerUsd;
                double sdHash = forecast.sd(Output.HASHRATE) * hashUsd;
                double sdPower = forecast.sd(Output.POWER) * powerUsd;
                yield new double[] {mean, Math.sqrt(sdHash * sdHash + sdPower * sdPower)};
            }
            case MAX_EFFICIENCY -> new double[] {-forecast.mean(Output.EFFICIENCY), forecast.sd(Output.EFFICIENCY)};
            case MAX_HASHRATE -> new double[] {forecast.mean(Output.HASHRATE), forecast.sd(Output.HASHRATE)};
        };
    }

    /** A score turned back into the objective's own unit (J/TH positive). */
    double inUnit(double score) {
        return this == MAX_EFFICIENCY ? -score : score;
    }
}
