package io.hashdesk.ml.optimiser;

import io.hashdesk.core.domain.catalog.SafeLimits;
import io.hashdesk.ml.TrainingProgress;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bayesian power/overclock optimiser: proposes the next setting to probe on a unit by expected improvement of the
 * operator's objective times the probability that the constraints hold, over the candidate settings inside both
 * the model's safe limits and the firmware's envelope; and names the best feasible setting probed so far.
 *
 * <p>A candidate is never proposed unless the curve is confident (at {@code minProbabilityBelowSafeChipTemp}) that
 * its chips stay under the model's safe temperature and its power under the model's power limit.
 */
public final class PowerOptimizer {

    private static final Logger LOG = LoggerFactory.getLogger(PowerOptimizer.class);

    private final OptimiserOptions options;

    public PowerOptimizer(OptimiserOptions options) {
        this.options = options;
    }

    /** The unit's efficiency curve from its probes, relative to the scope's model prior. */
    public EfficiencyCurve curve(UnitHistory history, SafeLimits limits, OptimisationScope scope,
                                 TrainingProgress progress) {
        if (history.probes().isEmpty()) {
            throw new IllegalArgumentException("unit " + history.unitId() + " has no probe yet: probe its current"
                    + " setting (read from telemetry) first");
        }
        return EfficiencyCurve.fit("unit " + history.unitId(), history.probes(), limits, scope.firmware(),
                scope.modelPrior(), options, progress);
    }

    /** The next setting to probe; empty when no candidate is confidently within the safe temperature and power. */
    public Optional<Proposal> propose(UnitHistory history, Objective objective, SafeLimits limits, Prices prices,
                                      OptimisationScope scope) {
        return propose(curve(history, limits, scope, TrainingProgress.NONE), objective, limits, prices, scope);
    }

    /** As {@link #propose(UnitHistory, Objective, SafeLimits, Prices, OptimisationScope)} on a fitted curve. */
    public Optional<Proposal> propose(EfficiencyCurve curve, Objective objective, SafeLimits limits, Prices prices,
                                      OptimisationScope scope) {
        Acquisition acquisition = acquisition(curve, objective, limits, prices, scope);
        SettingGrid grid = SettingGrid.of(limits, scope.firmware(), options);
        Acquisition.Candidate best = null;
        for (Setting setting : grid.candidates()) {
            Acquisition.Candidate candidate = acquisition.evaluate(setting);
            if (candidate != null && (best == null || candidate.value() > best.value())) {
                best = candidate;
            }
        }
        if (best == null) {
            LOG.info("No setting for {} is confidently within the safe chip temperature and power", curve.scope());
            return Optional.empty();
        }
        return Optional.of(acquisition.proposal(best));
    }

    /** The best feasible setting probed so far, by the curve's (denoised) forecast of the objective. */
    public Optional<Proposal> bestKnown(UnitHistory history, Objective objective, SafeLimits limits, Prices prices,
                                        OptimisationScope scope) {
        return bestKnown(curve(history, limits, scope, TrainingProgress.NONE), objective, limits, prices, scope);
    }

    /** As {@link #bestKnown(UnitHistory, Objective, SafeLimits, Prices, OptimisationScope)} on a fitted curve. */
    public Optional<Proposal> bestKnown(EfficiencyCurve curve, Objective objective, SafeLimits limits, Prices prices,
                                        OptimisationScope scope) {
        Acquisition acquisition = acquisition(curve, objective, limits, prices, scope);
        return acquisition.incumbent().map(acquisition::known);
    }

    private Acquisition acquisition(EfficiencyCurve curve, Objective objective, SafeLimits limits, Prices prices,
                                    OptimisationScope scope) {
        Constraints constraints = scope.constraints().within(limits);
        if (constraints.maxErrorFraction() <= options.errorFloorFraction()) {
            throw new IllegalArgumentException("maxErrorFraction " + constraints.maxErrorFraction() + " is at or below"
                    + " the error floor the curve resolves (errorFloorFraction " + options.errorFloorFraction() + ")");
        }
        return new Acquisition(curve, objective, limits, constraints, prices, options);
    }
}
