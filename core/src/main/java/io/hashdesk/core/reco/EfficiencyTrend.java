package io.hashdesk.core.reco;

import io.hashdesk.core.domain.MinerId;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A miner's measured efficiency and how it drifts: a least-squares line through its daily mean J/TH. Dust, fan wear
 * and chip ageing show as J/TH rising at the same settings; a positive trend is the unit getting worse.
 *
 * @param measuredJPerTh             the line's value on the last day with data
 * @param trendPercentPerYear        the slope as % of the mean J/TH per year (positive = degrading)
 * @param trendStdErrorPercentPerYear the slope's standard error in the same unit
 * @param days                       days with data the line was fitted on
 */
public record EfficiencyTrend(MinerId miner, double measuredJPerTh, double trendPercentPerYear,
                              double trendStdErrorPercentPerYear, int days) {

    private static final double DAYS_PER_YEAR = 365.0;
    private static final double PERCENT = 100.0;

    public EfficiencyTrend {
        Objects.requireNonNull(miner, "miner");
        if (!(measuredJPerTh > 0) || !Double.isFinite(trendPercentPerYear)
                || !(trendStdErrorPercentPerYear >= 0) || days < 2) {
            throw new IllegalArgumentException("efficiency trend of " + miner + " needs a positive J/TH, a finite"
                    + " trend, a standard error of 0 or more and 2 days or more");
        }
    }

    /** One day's mean efficiency, {@code day} counted from any fixed day. */
    public record DayMean(int day, double jPerTh) {
    }

    /** The line through the days; empty with fewer than {@code minDays} days or all on one day. */
    public static Optional<EfficiencyTrend> fit(MinerId miner, List<DayMean> days, int minDays) {
        int n = days.size();
        if (n < Math.max(2, minDays)) {
            return Optional.empty();
        }
        double meanX = days.stream().mapToDouble(DayMean::day).average().orElseThrow();
        double meanY = days.stream().mapToDouble(DayMean::jPerTh).average().orElseThrow();
        double sxx = 0;
        double sxy = 0;
        for (DayMean d : days) {
            sxx += (d.day() - meanX) * (d.day() - meanX);
            sxy += (d.day() - meanX) * (d.jPerTh() - meanY);
        }
        if (sxx == 0 || !(meanY > 0)) {
            return Optional.empty();
        }
        double slope = sxy / sxx;
        double intercept = meanY - slope * meanX;
        double sse = 0;
        int lastDay = Integer.MIN_VALUE;
        for (DayMean d : days) {
            double residual = d.jPerTh() - (intercept + slope * d.day());
            sse += residual * residual;
            lastDay = Math.max(lastDay, d.day());
        }
        // with two days the line fits exactly and says nothing about its own error: report none rather than zero
        double slopeError = n > 2 ? Math.sqrt(sse / (n - 2) / sxx) : Math.abs(slope);
        double toPercentPerYear = DAYS_PER_YEAR / meanY * PERCENT;
        double measured = intercept + slope * lastDay;
        if (!(measured > 0)) {
            return Optional.empty();
        }
        return Optional.of(new EfficiencyTrend(miner, measured, slope * toPercentPerYear,
                slopeError * toPercentPerYear, n));
    }
}
