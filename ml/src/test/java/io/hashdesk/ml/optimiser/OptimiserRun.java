package io.hashdesk.ml.optimiser;

import io.hashdesk.core.domain.catalog.SafeLimits;
import io.hashdesk.drivers.sim.OperatingPoint;
import io.hashdesk.ml.TrainingProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Runs the optimiser against one simulated unit for a fixed probe budget, the first probe being the unit's current
 * (factory) setting, and judges every best-known answer against the simulator's ground truth.
 */
final class OptimiserRun {

    /**
     * @param history          every probe, in order
     * @param trueGaps         after each probe, how far the best-known setting's true J/TH is above the true optimum
     *                         (infinite when there is no best-known setting or it truly breaks a constraint)
     * @param proposals        every proposal made
     * @param proposalCurves   the curve each proposal came from, in the same order
     * @param proposalsOutside proposals outside the safe limits or the firmware's envelope (must be 0)
     */
    record Result(UnitHistory history, List<Double> trueGaps, List<Proposal> proposals,
                  List<EfficiencyCurve> proposalCurves, int proposalsOutside) {

        double finalGap() {
            return trueGaps.getLast();
        }

        /** Probes until the best-known setting first came within {@code target}; budget + 1 when it never did. */
        int probesToReach(double target) {
            for (int i = 0; i < trueGaps.size(); i++) {
                if (trueGaps.get(i) <= target) {
                    return i + 1;
                }
            }
            return trueGaps.size() + 1;
        }
    }

    private final PowerOptimizer optimizer;
    private final Prices prices;
    private final double truthMarginC;

    OptimiserRun(PowerOptimizer optimizer, Prices prices, double truthMarginC) {
        this.optimizer = optimizer;
        this.prices = prices;
        this.truthMarginC = truthMarginC;
    }

    Result optimise(SimulatedUnit unit, OptimisationScope scope, int budget) {
        SafeLimits limits = unit.limits();
        UnitHistory history = new UnitHistory(unit.id(), unit.modelId(), List.of(unit.probeCurrent()));
        List<Double> gaps = new ArrayList<>();
        List<Proposal> proposals = new ArrayList<>();
        List<EfficiencyCurve> curves = new ArrayList<>();
        int outside = 0;
        while (true) {
            EfficiencyCurve curve = optimizer.curve(history, limits, scope, TrainingProgress.NONE);
            gaps.add(trueGap(unit, optimizer.bestKnown(curve, Objective.MAX_EFFICIENCY, limits, prices, scope)
                    .map(Proposal::setting)));
            if (history.probes().size() >= budget) {
                break;
            }
            Proposal proposal = optimizer.propose(curve, Objective.MAX_EFFICIENCY, limits, prices, scope)
                    .orElseThrow(() -> new IllegalStateException("no proposal for " + unit.id()));
            proposals.add(proposal);
            curves.add(curve);
            if (!permitted(proposal.setting(), limits, scope.firmware())) {
                outside++;
            }
            history = history.with(unit.probe(proposal.setting()));
        }
        return new Result(history, gaps, proposals, curves, outside);
    }

    /** The baseline: {@code budget - 1} settings drawn uniformly from the same candidate grid after the current one. */
    Result randomSearch(SimulatedUnit unit, OptimiserOptions options, Constraints constraints, int budget, long seed) {
        SafeLimits limits = unit.limits();
        List<Setting> grid = SettingGrid.of(limits, unit.firmware(), options).candidates();
        Random random = new Random(seed);
        List<Probe> probes = new ArrayList<>(List.of(unit.probeCurrent()));
        List<Double> gaps = new ArrayList<>();
        gaps.add(trueGap(unit, bestMeasured(probes, constraints)));
        while (probes.size() < budget) {
            probes.add(unit.probe(grid.get(random.nextInt(grid.size()))));
            gaps.add(trueGap(unit, bestMeasured(probes, constraints)));
        }
        return new Result(new UnitHistory(unit.id(), unit.modelId(), probes), gaps, List.of(), List.of(), 0);
    }

    /** Random search keeps the feasible probe with the lowest measured J/TH. */
    private static Optional<Setting> bestMeasured(List<Probe> probes, Constraints c) {
        return probes.stream()
                .filter(p -> p.hashing() && p.errorFraction() <= c.maxErrorFraction()
                        && p.chipTempC() <= c.maxChipTempC())
                .min(java.util.Comparator.comparingDouble(Probe::efficiencyJPerTh))
                .map(Probe::setting);
    }

    /** True J/TH of a setting over the true optimum, less one; infinite if it truly breaks the truth's limits. */
    double trueGap(SimulatedUnit unit, Optional<Setting> setting) {
        if (setting.isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        return gapOf(unit, setting.get());
    }

    double gapOf(SimulatedUnit unit, Setting setting) {
        OperatingPoint truth = unit.truthAt(setting);
        OperatingPoint best = unit.trueBest();
        boolean feasible = truth.chipTempC() <= unit.truthMaxChipTempC(truthMarginC)
                && truth.errorFraction() <= MAX_TRUE_ERROR_FRACTION && truth.hashrate() > 0;
        return feasible ? truth.efficiencyJPerTh() / best.efficiencyJPerTh() - 1 : Double.POSITIVE_INFINITY;
    }

    /** The simulator's tuner limit ({@code maxTunableErrorFraction}), which its ground truth also applies. */
    static final double MAX_TRUE_ERROR_FRACTION = 0.01;

    static boolean permitted(Setting s, SafeLimits limits, FirmwareEnvelope firmware) {
        return limits.permits(s.freqMhz(), s.volts(), null, null)
                && s.freqMhz() >= firmware.minFreqMhz() && s.freqMhz() <= firmware.maxFreqMhz()
                && s.volts() >= firmware.minVolts() - 1e-9 && s.volts() <= firmware.maxVolts() + 1e-9
                && Math.abs(s.volts() / firmware.voltsStep() - Math.rint(s.volts() / firmware.voltsStep())) < 1e-6
                && Math.abs(s.freqMhz() / firmware.freqStepMhz() - Math.rint(s.freqMhz() / firmware.freqStepMhz()))
                < 1e-6;
    }
}
