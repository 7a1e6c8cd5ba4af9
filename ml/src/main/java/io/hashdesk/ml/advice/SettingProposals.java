package io.hashdesk.ml.advice;

import io.hashdesk.core.action.SettingValues;
import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.MinerModel;
import io.hashdesk.core.domain.catalog.SafeLimits;
import io.hashdesk.core.reco.Estimate;
import io.hashdesk.core.reco.ExpectedImpact;
import io.hashdesk.core.reco.OutcomePricing;
import io.hashdesk.core.reco.RecommendationType;
import io.hashdesk.core.reco.SettingProposal;
import io.hashdesk.ml.optimiser.Constraints;
import io.hashdesk.ml.optimiser.CurveChange;
import io.hashdesk.ml.optimiser.CurvePoint;
import io.hashdesk.ml.optimiser.EfficiencyCurve;
import io.hashdesk.ml.optimiser.FirmwareEnvelope;
import io.hashdesk.ml.optimiser.Interval;
import io.hashdesk.ml.optimiser.Objective;
import io.hashdesk.ml.optimiser.OptimisationScope;
import io.hashdesk.ml.optimiser.OptimiserOptions;
import io.hashdesk.ml.optimiser.PowerOptimizer;
import io.hashdesk.ml.optimiser.Prices;
import io.hashdesk.ml.optimiser.Proposal;
import io.hashdesk.ml.optimiser.Setting;
import io.hashdesk.ml.training.TrainingSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import smile.stat.distribution.GaussianDistribution;

/**
 * POWER and OVERCLOCK proposals from a miner model's champion efficiency curve. The candidates for a unit are the
 * presets it ran (each predicted at the clocks it ran at) and the best feasible setting the model's units have run
 * ({@link PowerOptimizer#bestKnown}, manual clocks): a setting someone has measured, never an untried exploration.
 * A preset wins whenever the manual setting's further gain over it is inside the noise, since the firmware tuned
 * the preset to the unit's own chips; otherwise the manual clocks win as OVERCLOCK. A unit whose best gain is inside
 * the noise, or whose candidates the curve is not confident stay within the limits, gets no proposal.
 */
final class SettingProposals {

    private static final GaussianDistribution NORMAL = GaussianDistribution.getInstance();
    private static final double MICRO = 1e6;
    /** Vnish sets chain voltage in 10 mV steps: 100 of them per volt. */
    private static final double STEPS_PER_VOLT = 100;

    private final PowerOptimizer optimizer;
    private final OptimiserOptions options;
    private final TrainingSettings.FirmwareSteps steps;
    /** The best known setting per miner model, objective and prices: the same for every unit that shares them. */
    private final Map<BestKnownKey, Optional<Proposal>> bestKnown = new ConcurrentHashMap<>();

    /**
     * Prices in millionths of a dollar: the same coin, pool fee and tariff read back per miner can differ in the last
     * bits, which must not cost a best-known search per miner.
     */
    private record BestKnownKey(String modelId, Objective objective, long electricityMicroUsd, long hashMicroUsd) {

        static BestKnownKey of(String modelId, Objective objective, Prices prices) {
            return new BestKnownKey(modelId, objective, Math.round(prices.electricityUsdPerKwh() * MICRO),
                    Math.round(prices.hashpriceUsdPerThDay() * MICRO));
        }
    }

    /** One unit's inputs: its model's curve and the version string it goes by. */
    record Curve(EfficiencyCurve curve, String version) {
    }

    SettingProposals(OptimiserOptions options, TrainingSettings.FirmwareSteps steps) {
        this.optimizer = new PowerOptimizer(options);
        this.options = options;
        this.steps = steps;
    }

    /** The unit's proposal, or empty (not hashing, clocks unknown, nothing better beyond the noise). */
    Optional<SettingProposal> propose(Miner miner, MinerModel model, TelemetrySnapshot latest, UnitPast past,
                                      Curve curve, Optional<Prices> prices) {
        if (latest.status() != MinerStatus.MINING || latest.frequencyMhz() == null || latest.voltageVolts() == null
                || !(latest.frequencyMhz() > 0 && latest.voltageVolts() > 0)) {
            return Optional.empty();
        }
        Setting current = new Setting(latest.frequencyMhz(), latest.voltageVolts());
        Objective objective = prices.isPresent() ? Objective.MAX_PROFIT : Objective.MAX_EFFICIENCY;
        Prices at = prices.orElse(new Prices(0, 0));
        SafeLimits limits = model.safeLimits();
        Constraints constraints = Constraints.defaults(limits, options);

        CandidateSetting bestPreset = null;
        for (Map.Entry<String, Setting> preset : past == null ? List.<Map.Entry<String, Setting>>of()
                : past.presets().entrySet()) {
            int watts = FleetHistory.wattsOf(preset.getKey()).orElseThrow();
            if (preset.getKey().equals(latest.preset()) || watts > limits.powerMaxWatts()) {
                continue;
            }
            bestPreset = better(bestPreset, candidate(curve.curve(), preset.getKey(), current, preset.getValue(),
                    objective, at, limits, constraints));
        }
        CandidateSetting manual = bestKnown(model, curve.curve(), objective, at)
                .filter(setting -> limits.permits(setting.freqMhz(), setting.volts(), null, null))
                .filter(setting -> !setting.equals(current))
                .map(setting -> candidate(curve.curve(), null, current, setting, objective, at, limits, constraints))
                .filter(CandidateSetting::significant).orElse(null);
        if (bestPreset != null && (manual == null || !beyondNoise(curve.curve(), bestPreset, manual, objective, at))) {
            return Optional.of(proposal(miner, RecommendationType.POWER, latest, bestPreset, prices, curve));
        }
        return manual == null ? Optional.empty()
                : Optional.of(proposal(miner, RecommendationType.OVERCLOCK, latest, manual, prices, curve));
    }

    /** The feasible, significant candidate with the larger expected gain. */
    private CandidateSetting better(CandidateSetting best, CandidateSetting next) {
        if (next == null || !next.significant()) {
            return best;
        }
        return best == null || next.gain().mean() > best.gain().mean() ? next : best;
    }

    /** Whether moving on from the preset to the manual clocks gains beyond the noise of that move. */
    private static boolean beyondNoise(EfficiencyCurve curve, CandidateSetting preset, CandidateSetting manual,
                                       Objective objective, Prices prices) {
        return gain(curve.change(preset.setting(), manual.setting()), objective, prices).low() > 0;
    }

    /** The candidate, or null when the forecast is not finite or the curve doubts it keeps within the limits. */
    private CandidateSetting candidate(EfficiencyCurve curve, String preset, Setting current, Setting to,
                                       Objective objective, Prices prices, SafeLimits limits, Constraints constraints) {
        CurveChange change = curve.change(current, to);
        Interval gain = gain(change, objective, prices);
        if (!finite(change.hashrateThs()) || !finite(change.powerWatts()) || !finite(change.efficiencyJPerTh())
                || !finite(gain)) {
            return null;
        }
        double probability = probabilityWithinLimits(curve.predict(to), limits, constraints,
                options.intervalLevel());
        if (probability < options.minProbabilityBelowSafeChipTemp()) {
            return null;
        }
        return new CandidateSetting(preset, to, change, gain, probability);
    }

    /** The improvement in the objective's terms: USD/day gained, or J/TH saved (the change's sign turned). */
    private static Interval gain(CurveChange change, Objective objective, Prices prices) {
        if (objective == Objective.MAX_PROFIT) {
            return change.profitUsdPerDay(prices);
        }
        Interval jPerTh = change.efficiencyJPerTh();
        return new Interval(-jPerTh.mean(), -jPerTh.high(), -jPerTh.low(), jPerTh.sd());
    }

    /**
     * Probability that the settled readings at the setting keep under the operator's chip temperature, the model's
     * power limit and the error limit, each from the curve's forecast of a measurement (so the noise the executor's
     * verification will see is in it), taken as independent as the optimiser does.
     */
    private static double probabilityWithinLimits(CurvePoint point, SafeLimits limits, Constraints constraints,
                                                  double intervalLevel) {
        Interval error = point.errorFraction();
        // the error forecast is log-normal: its interval's log half-width over the interval's z gives the log spread
        double logSd = Math.log(error.high() / error.mean()) / NORMAL.quantile(0.5 + intervalLevel / 2);
        return below(constraints.maxChipTempC(), point.chipTempC()) * below(limits.powerMaxWatts(), point.powerWatts())
                * (logSd > 0 ? NORMAL.cdf((Math.log(constraints.maxErrorFraction()) - Math.log(error.mean())) / logSd)
                : error.mean() <= constraints.maxErrorFraction() ? 1 : 0);
    }

    private static double below(double limit, Interval forecast) {
        return forecast.sd() > 0 ? NORMAL.cdf((limit - forecast.mean()) / forecast.sd())
                : forecast.mean() <= limit ? 1 : 0;
    }

    private Optional<Setting> bestKnown(MinerModel model, EfficiencyCurve curve, Objective objective, Prices prices) {
        return bestKnown.computeIfAbsent(BestKnownKey.of(model.id(), objective, prices), key -> {
            SafeLimits limits = model.safeLimits();
            OptimisationScope scope = new OptimisationScope(new FirmwareEnvelope(limits.frequencyMinMhz(),
                    limits.frequencyMaxMhz(), steps.freqStepMhz(), limits.voltageMinVolts(), limits.voltageMaxVolts(),
                    steps.voltsStep()), Constraints.defaults(limits, options), Optional.empty());
            return optimizer.bestKnown(curve, objective, limits, prices, scope);
        }).map(Proposal::setting);
    }

    private static SettingProposal proposal(Miner miner, RecommendationType type, TelemetrySnapshot latest,
                                            CandidateSetting chosen, Optional<Prices> prices, Curve curve) {
        boolean presetNow = FleetHistory.wattsOf(latest.preset()).isPresent();
        SettingValues current = presetNow ? SettingValues.none().withPreset(latest.preset())
                : SettingValues.none().withClocks((int) Math.round(latest.frequencyMhz()), volts(latest.voltageVolts()));
        SettingValues proposed = chosen.preset() != null ? SettingValues.none().withPreset(chosen.preset())
                : SettingValues.none().withClocks((int) Math.round(chosen.setting().freqMhz()),
                volts(chosen.setting().volts()));
        CurveChange change = chosen.change();
        ExpectedImpact impact = new ExpectedImpact(estimate(change.hashrateThs()), estimate(change.powerWatts()),
                estimate(change.efficiencyJPerTh()), prices.map(p -> estimate(change.profitUsdPerDay(p))).orElse(null),
                prices.map(p -> new OutcomePricing(p.hashpriceUsdPerThDay(), p.electricityUsdPerKwh())).orElse(null));
        return new SettingProposal(miner.id(), type, current, proposed, impact, chosen.probability(),
                change.calibrated(), curve.curve().probes().size(), curve.version());
    }

    private static double volts(double volts) {
        return Math.round(volts * STEPS_PER_VOLT) / STEPS_PER_VOLT;
    }

    static Estimate estimate(Interval interval) {
        return new Estimate(interval.mean(), interval.low(), interval.high());
    }

    private static boolean finite(Interval interval) {
        return Double.isFinite(interval.mean()) && Double.isFinite(interval.low()) && Double.isFinite(interval.high());
    }
}
