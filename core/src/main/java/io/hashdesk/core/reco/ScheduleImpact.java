package io.hashdesk.core.reco;

import io.hashdesk.core.energy.PriceSource;
import io.hashdesk.core.reco.SchedulePlan.Mode;
import io.hashdesk.core.reco.SchedulePlanner.Unit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a schedule plan changes over its 24 hours against keeping every miner as it is now: profit in the tariff's
 * currency with its interval, and the day-average hashrate, power and J/TH of the miners it touches. The profit
 * interval carries the hashprice forecast's interval per coin (revenue) and a spread on fallback-priced intervals
 * (cost), each taken at the end that makes the gain smallest (low) or largest (high).
 *
 * @param outlooks the revenue outlook used for each coin
 */
record ScheduleImpact(Estimate profit, double hashrateThs, double powerWatts, Double efficiencyJPerTh,
                      Map<String, RevenueOutlook> outlooks) {

    private static final double PERCENT = 100.0;
    private static final double HOURS_PER_DAY = 24.0;

    static ScheduleImpact of(List<Unit> units, SchedulePlan plan, Instant now, List<HashpriceOutlook> hashprice,
                             EconomicAdviceSettings settings) {
        Map<String, Double> revenueByCoin = new TreeMap<>();
        double[] costAtPrice = new double[plan.intervals().size()];
        double planHours = 0;
        double baseThsHours = 0;
        double planThsHours = 0;
        double baseKwh = 0;
        double planKwh = 0;
        List<Unit> touched = units.stream().filter(u -> plan.modes().get(u.miner().id()).stream()
                .anyMatch(m -> m != u.current())).toList();
        for (int i = 0; i < plan.intervals().size(); i++) {
            PriceInterval interval = plan.intervals().get(i);
            double hours = hoursFrom(interval, now);
            planHours += hours;
            for (Unit u : touched) {
                Mode planned = plan.modes().get(u.miner().id()).get(i);
                Mode base = u.current();
                revenueByCoin.merge(u.miner().coin(), (u.revenuePerHourIn(planned) - u.revenuePerHourIn(base))
                        * hours, Double::sum);
                costAtPrice[i] += (u.kwIn(planned) - u.kwIn(base)) * hours * interval.pricePerKwh();
                baseThsHours += u.thsIn(base) * hours;
                planThsHours += u.thsIn(planned) * hours;
                baseKwh += u.kwIn(base) * hours;
                planKwh += u.kwIn(planned) * hours;
            }
        }
        Map<String, RevenueOutlook> outlooks = new TreeMap<>();
        double mean = 0;
        double low = 0;
        double high = 0;
        for (Map.Entry<String, Double> e : revenueByCoin.entrySet()) {
            RevenueOutlook outlook = RevenueOutlook.of(e.getKey(), hashprice,
                    settings.switching().noForecastSpreadPercent());
            outlooks.put(e.getKey(), outlook);
            Estimate revenue = outlook.factor().times(e.getValue());
            mean += revenue.mean();
            low += revenue.low();
            high += revenue.high();
        }
        double spread = settings.schedule().fallbackPriceUncertaintyPercent() / PERCENT;
        for (int i = 0; i < costAtPrice.length; i++) {
            double u = plan.intervals().get(i).source() == PriceSource.FALLBACK ? spread : 0;
            double cost = costAtPrice[i];
            mean -= cost;
            low -= Math.max(cost * (1 - u), cost * (1 + u));
            high -= Math.min(cost * (1 - u), cost * (1 + u));
        }
        double days = planHours / HOURS_PER_DAY;
        Estimate profitPerDay = new Estimate(mean, Math.min(low, mean), Math.max(high, mean)).times(1 / days);
        Double efficiency = planThsHours > 0 && baseThsHours > 0
                ? planKwh * 1000 / planThsHours - baseKwh * 1000 / baseThsHours : null;
        // hashrate and power as averages over the plan's hours
        return new ScheduleImpact(profitPerDay, (planThsHours - baseThsHours) / planHours,
                (planKwh - baseKwh) / planHours * 1000, efficiency, outlooks);
    }

    /** Hours of {@code interval} from {@code now} on (the current interval counts only its rest). */
    private static double hoursFrom(PriceInterval interval, Instant now) {
        Instant start = interval.start().isBefore(now) ? now : interval.start();
        return Math.max(0, (interval.end().toEpochMilli() - start.toEpochMilli()) / 3_600_000.0);
    }
}
