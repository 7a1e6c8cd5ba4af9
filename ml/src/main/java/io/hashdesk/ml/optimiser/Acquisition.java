package io.hashdesk.ml.optimiser;

import io.hashdesk.core.domain.catalog.SafeLimits;
import io.hashdesk.ml.optimiser.EfficiencyCurve.Output;
import java.util.Optional;
import smile.stat.distribution.GaussianDistribution;

/**
 * Constrained expected improvement on one fitted curve: EI of the objective's score over the incumbent, times the
 * probability that each constraint holds (each from its own output's process), on candidates that pass the safety
 * filter. The incumbent is the feasible probe the curve rates best; before any probe is feasible it is the worst
 * plausible score among the probed settings, so that EI × probability trades the objective against feasibility
 * from the start.
 */
final class Acquisition {

    private static final GaussianDistribution NORMAL = GaussianDistribution.getInstance();

    /** One candidate's acquisition value and the figures behind it. */
    record Candidate(Setting setting, Forecast forecast, double value, double feasibility, double improvement,
                     boolean exploration) {
    }

    private final EfficiencyCurve curve;
    private final Objective objective;
    private final SafeLimits limits;
    private final Constraints constraints;
    private final Prices prices;
    private final OptimiserOptions options;
    private final Optional<Setting> incumbent;
    private final double incumbentScore;

    Acquisition(EfficiencyCurve curve, Objective objective, SafeLimits limits, Constraints constraints, Prices prices,
                OptimiserOptions options) {
        this.curve = curve;
        this.objective = objective;
        this.limits = limits;
        this.constraints = constraints;
        this.prices = prices;
        this.options = options;
        Setting best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Probe probe : curve.probes()) {
            if (feasible(probe)) {
                double score = objective.score(curve.forecast(probe.setting()), prices)[0];
                if (score > bestScore) {
                    best = probe.setting();
                    bestScore = score;
                }
            }
        }
        this.incumbent = Optional.ofNullable(best);
        this.incumbentScore = best != null ? bestScore : worstPlausibleScore();
    }

    Optional<Setting> incumbent() {
        return incumbent;
    }

    /** Null when the candidate fails the safety filter. */
    Candidate evaluate(Setting setting) {
        Forecast f = curve.forecast(setting);
        double safeTemp = probabilityBelow(limits.chipTempMaxC(), f.mean(Output.CHIP_TEMP), f.sd(Output.CHIP_TEMP));
        double safePower = probabilityBelow(limits.powerMaxWatts(), f.mean(Output.POWER), f.sd(Output.POWER));
        if (safeTemp < options.minProbabilityBelowSafeChipTemp()
                || safePower < options.minProbabilityBelowSafeChipTemp()) {
            return null;
        }
        double feasibility = feasibility(f);
        double[] score = objective.score(f, prices);
        double threshold = incumbentScore + options.improvementMargin() * Math.abs(incumbentScore);
        double gain = score[0] - threshold;
        double sd = score[1];
        double exploit;
        double explore;
        if (!Double.isFinite(score[0]) || !Double.isFinite(sd)) {
            exploit = 0;
            explore = 0;
        } else if (sd > 0) {
            double z = gain / sd;
            exploit = gain * NORMAL.cdf(z);
            explore = sd * NORMAL.p(z);
        } else {
            exploit = Math.max(gain, 0);
            explore = 0;
        }
        double improvement = exploit + explore;
        return new Candidate(setting, f, improvement * feasibility, feasibility, improvement, explore > exploit);
    }

    Proposal proposal(Candidate candidate) {
        return proposal(candidate.setting(), candidate.forecast(), candidate.feasibility(), candidate.improvement(),
                candidate.exploration());
    }

    /** A best-known answer: nothing more is expected from it. */
    Proposal known(Setting setting) {
        Forecast f = curve.forecast(setting);
        return proposal(setting, f, feasibility(f), 0, false);
    }

    private Proposal proposal(Setting setting, Forecast f, double feasibility, double improvement,
                              boolean exploration) {
        // the interval is of what the unit will be measured at, so the measurement's noise widens it
        double[] score = objective.score(f.measured(), prices);
        double z = switch (objective) {
            case MAX_EFFICIENCY -> curve.intervalZ(Output.EFFICIENCY);
            case MAX_HASHRATE -> curve.intervalZ(Output.HASHRATE);
            case MAX_PROFIT -> Math.max(curve.intervalZ(Output.HASHRATE), curve.intervalZ(Output.POWER));
        };
        double one = objective.inUnit(score[0] - z * score[1]);
        double other = objective.inUnit(score[0] + z * score[1]);
        Interval value = new Interval(objective.inUnit(score[0]), Math.min(one, other), Math.max(one, other),
                score[1]);
        return new Proposal(setting, objective, value, f.toPoint(setting, curve::intervalZ, curve.calibrated()),
                feasibility, improvement, exploration);
    }

    /** Probability that every operator constraint and the power limit hold. */
    private double feasibility(Forecast f) {
        double p = probabilityBelow(constraints.maxChipTempC(), f.mean(Output.CHIP_TEMP), f.sd(Output.CHIP_TEMP))
                * probabilityBelow(Math.log(constraints.maxErrorFraction()), f.mean(Output.LOG_ERROR),
                f.sd(Output.LOG_ERROR))
                * probabilityBelow(limits.powerMaxWatts(), f.mean(Output.POWER), f.sd(Output.POWER));
        if (constraints.minHashrateThs() > 0) {
            p *= 1 - probabilityBelow(constraints.minHashrateThs(), f.mean(Output.HASHRATE), f.sd(Output.HASHRATE));
        }
        return p;
    }

    /**
     * Whether a measured probe met every constraint (and ran a setting the safe limits permit). A probe that did not
     * report chip temperature or power cannot show it met them, so it is never the incumbent.
     */
    private boolean feasible(Probe probe) {
        Setting s = probe.setting();
        return probe.hashing() && limits.permits(s.freqMhz(), s.volts(), null, null)
                && probe.chipTempC() != null && probe.chipTempC() <= constraints.maxChipTempC()
                && probe.errorFraction() <= constraints.maxErrorFraction()
                && probe.hashrateThs() >= constraints.minHashrateThs()
                && probe.powerWatts() != null && probe.powerWatts() <= limits.powerMaxWatts();
    }

    /**
     * The lowest lower-interval score over the probes' settings: an incumbent every candidate can improve on. When
     * no probed setting has a finite forecast (efficiency with nothing hashing), any value will do: every EI is 0.
     */
    private double worstPlausibleScore() {
        double worst = Double.POSITIVE_INFINITY;
        for (Probe probe : curve.probes()) {
            double[] score = objective.score(curve.forecast(probe.setting()), prices);
            if (Double.isFinite(score[0]) && Double.isFinite(score[1])) {
                worst = Math.min(worst, score[0] - curve.intervalZ() * score[1]);
            }
        }
        return Double.isFinite(worst) ? worst : 0;
    }

    static double probabilityBelow(double limit, double mean, double sd) {
        if (sd > 0) {
            return NORMAL.cdf((limit - mean) / sd);
        }
        return mean <= limit ? 1 : 0;
    }
}
