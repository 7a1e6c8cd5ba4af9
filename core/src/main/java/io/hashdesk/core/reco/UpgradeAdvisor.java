package io.hashdesk.core.reco;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.catalog.MinerModel;
import io.hashdesk.core.profit.MinerProfit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * UPGRADE: replace the farm's units of model X with model Y where the extra profit repays Y's price (less what an old
 * X fetches) soon enough. X is taken as the farm measures it (J/TH and its degradation trend from telemetry), Y at its
 * catalog rating within a tolerance, revenue per TH/s at today's value times the hashprice forecast. The payback
 * period's interval spans the forecast's interval, the rating tolerance and the trend's standard error, and in the
 * pessimistic case Y wears as fast as X has.
 */
public final class UpgradeAdvisor implements Advisor {

    private static final double PERCENT = 100.0;
    private static final double DAYS_PER_YEAR = 365.0;
    private static final double HOURS_PER_DAY = 24.0;
    private static final double Z90 = 1.6449;

    private final EconomicAdviceSettings settings;

    public UpgradeAdvisor(EconomicAdviceSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Days until the cumulative extra profit reaches the investment, when the daily gain starts at {@code gainPerDay}
     * and grows by {@code growthPerDay} each day (the old unit degrading); infinite when it never does.
     */
    static double paybackDays(double gainPerDay, double growthPerDay, double investment) {
        if (investment <= 0) {
            return 0;
        }
        if (growthPerDay == 0) {
            return gainPerDay > 0 ? investment / gainPerDay : Double.POSITIVE_INFINITY;
        }
        double discriminant = gainPerDay * gainPerDay + 2 * growthPerDay * investment;
        if (discriminant < 0) {
            return Double.POSITIVE_INFINITY;
        }
        double t = (-gainPerDay + Math.sqrt(discriminant)) / growthPerDay;
        return t > 0 ? t : Double.POSITIVE_INFINITY;
    }

    @Override
    public List<Recommendation> advise(FarmEvidence evidence, Instant now, TrackRecord trackRecord) {
        EconomicEvidence economics = evidence.economics();
        if (economics.rate().isEmpty()) {
            return List.of();
        }
        double rate = economics.rate().getAsDouble();
        double kwhPrice = averagePrice(economics);
        Map<MinerId, EfficiencyTrend> trends = new HashMap<>();
        economics.efficiencyTrends().forEach(t -> trends.put(t.miner(), t));
        Map<String, List<PricedMiner>> byModel = new TreeMap<>();
        PricedMiner.of(evidence).stream().filter(m -> !m.pausedNow())
                .forEach(m -> byModel.computeIfAbsent(m.model().id(), k -> new ArrayList<>()).add(m));
        List<Recommendation> out = new ArrayList<>();
        for (List<PricedMiner> units : byModel.values()) {
            Fleet x = Fleet.of(units, trends, rate);
            RevenueOutlook outlook = RevenueOutlook.of(units.getFirst().coin(), evidence.hashprice(),
                    settings.switching().noForecastSpreadPercent());
            settings.upgrade().candidates().stream()
                    .flatMap(c -> economics.model(c.modelId()).stream().map(y -> new Offer(y, c.unitPriceUsd())))
                    .filter(o -> o.model().algorithm() == units.getFirst().model().algorithm()
                            && !o.model().id().equals(units.getFirst().model().id())
                            && o.model().ratedEfficiencyJPerTh() < x.jPerTh())
                    .map(o -> option(units, x, o, outlook, kwhPrice / rate))
                    .filter(o -> o.payback().mean() <= settings.upgrade().maxPaybackDays())
                    .min((a, b) -> Double.compare(a.payback().mean(), b.payback().mean()))
                    .map(o -> recommendation(units, x, o, outlook, economics, now, trackRecord))
                    .ifPresent(out::add);
        }
        return out;
    }

    private record Offer(MinerModel model, double unitPriceUsd) {
    }

    /** The old units as measured: per-unit means, and the trend in % per year with its standard error. */
    private record Fleet(double hashrateThs, double powerWatts, double jPerTh, double trendPercentPerYear,
                         double trendErrorPercentPerYear, int trended, double revenueUsdPerThPerDay) {

        static Fleet of(List<PricedMiner> units, Map<MinerId, EfficiencyTrend> trends, double rate) {
            double ths = units.stream().mapToDouble(PricedMiner::hashrateThs).sum();
            double watts = units.stream().mapToDouble(PricedMiner::powerWatts).sum();
            double revenue = units.stream().mapToDouble(PricedMiner::revenuePerDay).sum() / rate;
            List<EfficiencyTrend> known = units.stream().map(u -> trends.get(u.id())).filter(Objects::nonNull)
                    .toList();
            double trend = known.stream().mapToDouble(EfficiencyTrend::trendPercentPerYear).average().orElse(0);
            double error = known.isEmpty() ? 0 : Math.sqrt(known.stream().mapToDouble(
                    t -> t.trendStdErrorPercentPerYear() * t.trendStdErrorPercentPerYear()).sum()) / known.size();
            double jPerTh = known.isEmpty() ? watts / ths
                    : known.stream().mapToDouble(EfficiencyTrend::measuredJPerTh).average().orElseThrow();
            return new Fleet(ths / units.size(), watts / units.size(), jPerTh, trend, error, known.size(),
                    revenue / ths);
        }
    }

    /** One candidate priced out: per-unit daily gain now and the payback period, both with intervals. */
    private record Option(Offer offer, Estimate gainPerDay, Estimate payback, double investmentUsd) {
    }

    private Option option(List<PricedMiner> units, Fleet x, Offer y, RevenueOutlook outlook, double usdPerKwh) {
        double tolerance = settings.upgrade().ratingTolerancePercent() / PERCENT;
        double investment = y.unitPriceUsd() - settings.upgrade().resaleUsd(units.getFirst().model().id());
        Estimate factor = outlook.factor();
        double trendHigh = x.trendPercentPerYear() + Z90 * x.trendErrorPercentPerYear();
        double trendLow = x.trendPercentPerYear() - Z90 * x.trendErrorPercentPerYear();
        double mean = gain(x, y.model().ratedHashrateThs(), y.model().ratedPowerWatts(), factor.mean(), usdPerKwh);
        double optimistic = gain(x, y.model().ratedHashrateThs() * (1 + tolerance),
                y.model().ratedPowerWatts() * (1 - tolerance), factor.high(), usdPerKwh);
        double pessimistic = gain(x, y.model().ratedHashrateThs() * (1 - tolerance),
                y.model().ratedPowerWatts() * (1 + tolerance), factor.low(), usdPerKwh);
        double revenuePerTh = x.revenueUsdPerThPerDay();
        double growthMean = growth(revenuePerTh * factor.mean() * x.hashrateThs(), x.trendPercentPerYear());
        double growthFast = growth(revenuePerTh * factor.high() * x.hashrateThs(), trendHigh);
        // pessimistic: the new unit wears as fast as the old one has (its hashrate is the larger, so the gap closes)
        double growthSlow = growth(revenuePerTh * factor.low() * (x.hashrateThs()
                - y.model().ratedHashrateThs() * (1 - tolerance)), Math.max(0, trendLow));
        double paybackMean = paybackDays(mean, growthMean, investment);
        double paybackLow = paybackDays(optimistic, growthFast, investment);
        double paybackHigh = paybackDays(pessimistic, growthSlow, investment);
        double cap = 2.0 * settings.upgrade().maxPaybackDays();
        Estimate payback = new Estimate(Math.min(paybackMean, cap), Math.min(Math.min(paybackLow, paybackMean), cap),
                Math.min(Math.max(paybackHigh, paybackMean), cap));
        return new Option(y, new Estimate(mean, Math.min(pessimistic, mean), Math.max(optimistic, mean)), payback,
                investment);
    }

    /** Extra profit per day of one new unit over one old unit, USD. */
    private static double gain(Fleet x, double newThs, double newWatts, double factor, double usdPerKwh) {
        return x.revenueUsdPerThPerDay() * factor * (newThs - x.hashrateThs())
                - usdPerKwh * HOURS_PER_DAY * (newWatts - x.powerWatts()) / 1000;
    }

    /** How much a daily revenue shrinks per day at a degradation of {@code percentPerYear}. */
    private static double growth(double revenuePerDay, double percentPerYear) {
        return revenuePerDay * percentPerYear / PERCENT / DAYS_PER_YEAR;
    }

    private static double averagePrice(EconomicEvidence economics) {
        double kwh = economics.nextDay().profit().miners().stream().mapToDouble(MinerProfit::energyKwh).sum();
        double cost = economics.nextDay().profit().miners().stream().mapToDouble(MinerProfit::energyCost).sum();
        return kwh > 0 ? cost / kwh : 0;
    }

    private Recommendation recommendation(List<PricedMiner> units, Fleet x, Option o, RevenueOutlook outlook,
                                          EconomicEvidence economics, Instant now, TrackRecord trackRecord) {
        int n = units.size();
        MinerModel oldModel = units.getFirst().model();
        MinerModel newModel = o.offer().model();
        double max = settings.upgrade().maxPaybackDays();
        Estimate slack = new Estimate(max - o.payback().mean(), max - o.payback().high(), max - o.payback().low());
        double coverage = (double) x.trended() / n;
        double confidence = IntervalConfidence.shown(trackRecord, RecommendationType.UPGRADE,
                IntervalConfidence.of(slack, 0.5 + 0.5 * coverage));
        RecommendationTarget target = new RecommendationTarget(TargetScope.GROUP, n + " " + oldModel.name(), null,
                units.stream().map(PricedMiner::id).toList());
        EconomicAdviceSettings.Upgrade prices = settings.upgrade();
        String priceWords = String.format(Locale.ROOT, "%s at $%,.0f a unit and $%,.0f resale for an %s, prices as of"
                        + " %s%s", newModel.name(), o.offer().unitPriceUsd(), prices.resaleUsd(oldModel.id()),
                oldModel.name(), prices.pricesAsOf(), prices.pricesAreExamples()
                        ? " (EXAMPLE prices bundled with Hashdesk: set real quotes in " + EconomicAdviceSettings.OVERRIDES_FILE
                        + ")" : "");
        String reasoning = String.format(Locale.ROOT, "Your %d %s measure %.1f J/TH%s; the %s is rated %.1f J/TH"
                        + " (± %.0f %%). Replacing one unit gains $%.2f [%.2f, %.2f] a day at today's revenue of $%.4f"
                        + " per TH/s per day and %.4f USD/kWh. With %s, one unit pays back in %s [%s, %s]. %s.",
                n, oldModel.name(), x.jPerTh(), x.trended() > 0 ? String.format(Locale.ROOT,
                        ", degrading %+.1f ± %.1f %% a year (trend on %d of them)", x.trendPercentPerYear(),
                        x.trendErrorPercentPerYear(), x.trended()) : " (no trend yet: too little history)",
                newModel.name(), newModel.ratedEfficiencyJPerTh(), prices.ratingTolerancePercent(),
                o.gainPerDay().mean(), o.gainPerDay().low(), o.gainPerDay().high(), x.revenueUsdPerThPerDay(),
                averagePrice(economics) / economics.rate().getAsDouble(), priceWords, days(o.payback().mean()),
                days(o.payback().low()), days(o.payback().high()), capitalised(outlook.basis()));
        List<String> evidence = List.of(
                String.format(Locale.ROOT, "%s measured: %.1f TH/s, %.0f W per unit", oldModel.name(),
                        x.hashrateThs(), x.powerWatts()),
                String.format(Locale.ROOT, "%s rated: %.1f TH/s, %.0f W (%s)", newModel.name(),
                        newModel.ratedHashrateThs(), newModel.ratedPowerWatts(), newModel.source()),
                String.format(Locale.ROOT, "net investment per unit $%,.0f", o.investmentUsd()));
        Estimate profit = o.gainPerDay().times(n);
        return new Recommendation(RecommendationIds.forSubject(RecommendationType.UPGRADE, oldModel.id(), newModel.id()),
                RecommendationType.UPGRADE, target, List.of(), new ExpectedImpact(
                Estimate.exactly(n * (newModel.ratedHashrateThs() - x.hashrateThs())),
                Estimate.exactly(n * (newModel.ratedPowerWatts() - x.powerWatts())),
                Estimate.exactly(newModel.ratedEfficiencyJPerTh() - x.jPerTh()), profit), confidence,
                String.format(Locale.ROOT, "Replace %d %s with %s: pays back in %s", n, oldModel.name(),
                        newModel.name(), days(o.payback().mean())), reasoning, evidence,
                List.of("Get current quotes for the " + newModel.name() + " and for selling the " + oldModel.name(),
                        "Replace the least efficient units first (highest measured J/TH)",
                        "Register the new units in Hashdesk and retire the old ones"),
                Urgency.LOW, now, now.plus(Duration.ofDays(1)), outlook.versions(), profit.mean() * confidence,
                Optional.empty(), List.of());
    }

    private String days(double days) {
        return days >= 2.0 * settings.upgrade().maxPaybackDays() ? "never within " + (2 * settings.upgrade()
                .maxPaybackDays()) + " days" : String.format(Locale.ROOT, "%.0f days", days);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
