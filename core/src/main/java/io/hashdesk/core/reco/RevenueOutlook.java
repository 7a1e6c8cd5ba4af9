package io.hashdesk.core.reco;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a coin's revenue will be relative to today's, from its hashprice forecast: a factor with its interval (1 =
 * as today). Working in ratios keeps the forecaster's unit (per TH/s, per PH/s) out of the arithmetic. Without a
 * forecast the factor is 1 with an honest spread from settings, and {@link #basis()} says so.
 *
 * @param basis        one sentence naming where the factor came from
 * @param modelVersion the forecaster's version, or {@code null} for the naive or no forecast
 */
record RevenueOutlook(Estimate factor, String basis, String modelVersion) {

    private static final double PERCENT = 100.0;

    static RevenueOutlook of(String coin, List<HashpriceOutlook> outlooks, double noForecastSpreadPercent) {
        Optional<HashpriceOutlook> outlook = outlooks.stream().filter(o -> o.coin().equals(coin))
                .filter(o -> o.lastKnown() > 0).findFirst();
        if (outlook.isEmpty()) {
            double spread = noForecastSpreadPercent / PERCENT;
            return new RevenueOutlook(new Estimate(1, 1 - spread, 1 + spread), String.format(Locale.ROOT,
                    "no hashprice forecast for %s: revenue is taken as today's ± %.0f %%", coin,
                    noForecastSpreadPercent), null);
        }
        HashpriceOutlook o = outlook.get();
        Estimate ratio = o.expected().times(1 / o.lastKnown());
        Estimate factor = new Estimate(ratio.mean(), Math.max(0, ratio.low()), ratio.high());
        String who = o.modelVersion() == null ? "the naive forecast" : "forecast " + o.modelVersion();
        return new RevenueOutlook(factor, String.format(Locale.ROOT,
                "%s hashprice over the next %d h: %+.1f %% [%+.1f, %+.1f] (%s)", coin, o.horizon().toHours(),
                (factor.mean() - 1) * PERCENT, (factor.low() - 1) * PERCENT, (factor.high() - 1) * PERCENT, who),
                o.modelVersion());
    }

    /** The model versions to cite. */
    List<String> versions() {
        return modelVersion == null ? List.of() : List.of(modelVersion);
    }
}
