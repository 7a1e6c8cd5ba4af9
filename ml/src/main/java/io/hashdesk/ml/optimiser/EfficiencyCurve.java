package io.hashdesk.ml.optimiser;

import io.hashdesk.core.domain.catalog.SafeLimits;
import io.hashdesk.ml.TrainingProgress;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import smile.stat.distribution.GaussianDistribution;

/**
 * The efficiency curve of one unit (or of a whole model): one Gaussian process per output over (frequency,
 * voltage), giving hashrate, wall power, hottest chip, log error rate and J/TH with calibrated uncertainty.
 *
 * <p>A per-model curve, fitted on every probe of the model's other units, can serve as the prior mean of a unit's
 * curve: the unit's processes then learn only how the unit differs from its model (mostly a shift of the error
 * boundary by its silicon quality), which a few probes pin down. Immutable; {@link #state()} is a plain record that
 * Jackson writes as JSON for the model registry, and {@link #restore} rebuilds the same curve from it.
 */
public final class EfficiencyCurve {

    /** The curve's outputs, each a Gaussian process. */
    public enum Output {
        HASHRATE, POWER, CHIP_TEMP, LOG_ERROR, EFFICIENCY
    }

    /**
     * Everything needed to rebuild a curve: its probes, each process's hyper-parameters, and its prior's state.
     *
     * @param scope what the curve describes ("unit s19-0042", "model antminer-s19")
     * @param prior the per-model curve this one is relative to, or null for none
     */
    public record State(String scope, InputBox box, List<Probe> probes, Map<Output, GpHyperparameters> hyperparameters,
                        State prior, OptimiserOptions options) {

        public State {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(box, "box");
            probes = List.copyOf(probes);
            hyperparameters = Map.copyOf(hyperparameters);
            Objects.requireNonNull(options, "options");
        }
    }

    private final String scope;
    private final InputBox box;
    private final List<Probe> probes;
    private final EfficiencyCurve prior;
    private final OptimiserOptions options;
    private final Map<Output, GaussianProcess> processes;
    private final double intervalZ;

    private EfficiencyCurve(String scope, InputBox box, List<Probe> probes, EfficiencyCurve prior,
                            OptimiserOptions options, Map<Output, GaussianProcess> processes) {
        this.scope = scope;
        this.box = box;
        this.probes = List.copyOf(probes);
        this.prior = prior;
        this.options = options;
        this.processes = processes;
        this.intervalZ = GaussianDistribution.getInstance().quantile(0.5 + options.intervalLevel() / 2);
    }

    /**
     * Fits a unit's curve on its probes, relative to {@code prior} when given.
     *
     * @throws IllegalArgumentException when there is no probe, or no probe hashed (nothing to learn hashrate from)
     */
    public static EfficiencyCurve fit(String scope, List<Probe> probes, SafeLimits limits, FirmwareEnvelope firmware,
                                      Optional<EfficiencyCurve> prior, OptimiserOptions options,
                                      TrainingProgress progress) {
        InputBox box = SettingGrid.of(limits, firmware, options).box();
        return fit(scope, probes, box, prior.orElse(null), options, progress);
    }

    /** A per-model curve from the probes of many units of one model (the newest {@code maxModelProbes}). */
    public static EfficiencyCurve fitModel(String modelId, List<UnitHistory> histories, SafeLimits limits,
                                           FirmwareEnvelope firmware, OptimiserOptions options,
                                           TrainingProgress progress) {
        List<Probe> all = new ArrayList<>();
        for (UnitHistory history : histories) {
            if (!history.modelId().equals(modelId)) {
                throw new IllegalArgumentException("unit " + history.unitId() + " is a " + history.modelId()
                        + ", not a " + modelId + "; a model prior learns from one model's units only");
            }
            all.addAll(history.probes());
        }
        List<Probe> newest = all.subList(Math.max(0, all.size() - options.maxModelProbes()), all.size());
        return fit("model " + modelId, newest, limits, firmware, Optional.empty(), options, progress);
    }

    static EfficiencyCurve fit(String scope, List<Probe> probes, InputBox box, EfficiencyCurve prior,
                               OptimiserOptions options, TrainingProgress progress) {
        requireHashingProbe(scope, probes);
        Map<Output, GaussianProcess> processes = new EnumMap<>(Output.class);
        Output[] outputs = Output.values();
        for (int i = 0; i < outputs.length; i++) {
            progress.checkCancelled();
            progress.report((double) i / outputs.length, "Fitting " + outputs[i] + " curve for " + scope);
            Training training = Training.of(outputs[i], probes, box, prior, options);
            if (training != null) {
                processes.put(outputs[i], GaussianProcess.fit(training.x(), training.residuals(),
                        training.scaleFloor(), options.gp()));
            }
        }
        progress.report(1, "Fitted curves for " + scope);
        return new EfficiencyCurve(scope, box, probes, prior, options, processes);
    }

    /** Rebuilds a curve from its state without searching hyper-parameters again. */
    public static EfficiencyCurve restore(State state) {
        EfficiencyCurve prior = state.prior() == null ? null : restore(state.prior());
        requireHashingProbe(state.scope(), state.probes());
        Map<Output, GaussianProcess> processes = new EnumMap<>(Output.class);
        state.hyperparameters().forEach((output, hyper) -> {
            Training training = Training.of(output, state.probes(), state.box(), prior, state.options());
            if (training == null) {
                throw new IllegalArgumentException("curve state for " + state.scope() + " has hyper-parameters for "
                        + output + " but no probe that output learns from");
            }
            processes.put(output, GaussianProcess.condition(training.x(), training.residuals(), training.scaleFloor(),
                    hyper));
        });
        return new EfficiencyCurve(state.scope(), state.box(), state.probes(), prior, state.options(), processes);
    }

    public State state() {
        Map<Output, GpHyperparameters> hyper = new EnumMap<>(Output.class);
        processes.forEach((output, process) -> hyper.put(output, process.hyperparameters()));
        return new State(scope, box, probes, hyper, prior == null ? null : prior.state(), options);
    }

    /** The forecast at one setting, with intervals at the options' level. */
    public CurvePoint predict(Setting setting) {
        return forecast(setting).toPoint(setting, intervalZ);
    }

    public String scope() {
        return scope;
    }

    public List<Probe> probes() {
        return probes;
    }

    InputBox box() {
        return box;
    }

    OptimiserOptions options() {
        return options;
    }

    double intervalZ() {
        return intervalZ;
    }

    /** Mean and latent standard deviation of every output at one setting. */
    Forecast forecast(Setting setting) {
        double[] at = box.normalise(setting);
        double[] mean = new double[Output.values().length];
        double[] sd = new double[mean.length];
        for (Output output : Output.values()) {
            GaussianProcess process = processes.get(output);
            if (process != null) {
                GaussianProcess.Prediction p = process.predict(at);
                mean[output.ordinal()] = p.mean() + priorMean(output, setting);
                sd[output.ordinal()] = p.sd();
            }
        }
        if (!processes.containsKey(Output.EFFICIENCY)) {
            Forecast.ratioInto(mean, sd);
        }
        return new Forecast(mean, sd);
    }

    /** The prior's mean for one output, 0 without a prior. */
    private double priorMean(Output output, Setting setting) {
        return prior == null ? 0 : prior.meanOf(output, setting);
    }

    /** This curve's mean for an output, prior included: what it passes on when it is another curve's prior. */
    private double meanOf(Output output, Setting setting) {
        GaussianProcess process = processes.get(output);
        return process == null ? 0 : process.mean(box.normalise(setting)) + priorMean(output, setting);
    }

    /** The target each output learns from one probe. */
    static double target(Output output, Probe probe, OptimiserOptions options) {
        return switch (output) {
            case HASHRATE -> probe.hashrateThs();
            case POWER -> probe.powerWatts();
            case CHIP_TEMP -> probe.chipTempC();
            case LOG_ERROR -> Math.log(Math.max(probe.errorFraction(), options.errorFloorFraction()));
            case EFFICIENCY -> probe.efficiencyJPerTh();
        };
    }

    private static void requireHashingProbe(String scope, List<Probe> probes) {
        if (probes.stream().noneMatch(Probe::hashing)) {
            throw new IllegalArgumentException("curve for " + scope + " needs at least one probe that hashed, got "
                    + probes.size() + " probe(s) with no hashrate");
        }
    }

    /** One output's training set: inputs, targets less the prior's mean, and the scale floor. */
    private record Training(double[][] x, double[] residuals, double scaleFloor) {

        /** Null when no probe informs this output (efficiency when every probe errs beyond the fit limit). */
        static Training of(Output output, List<Probe> probes, InputBox box, EfficiencyCurve prior,
                           OptimiserOptions options) {
            List<Probe> used = probes;
            if (output == Output.EFFICIENCY) {
                used = probes.stream().filter(p -> p.hashing()
                        && p.errorFraction() <= options.efficiencyFitMaxErrorFraction()).toList();
                if (used.isEmpty()) {
                    return null;
                }
            }
            double[][] x = new double[used.size()][];
            double[] residuals = new double[used.size()];
            double magnitude = 0;
            for (int i = 0; i < used.size(); i++) {
                Probe probe = used.get(i);
                x[i] = box.normalise(probe.setting());
                double y = target(output, probe, options);
                magnitude += Math.abs(y) / used.size();
                residuals[i] = y - (prior == null ? 0 : prior.meanOf(output, probe.setting()));
            }
            return new Training(x, residuals, scaleFloor(output, magnitude, options.scaleFloors()));
        }

        private static double scaleFloor(Output output, double meanMagnitude, OptimiserOptions.ScaleFloors floors) {
            return switch (output) {
                case HASHRATE -> floors.hashrateFraction() * meanMagnitude;
                case POWER -> floors.powerFraction() * meanMagnitude;
                case EFFICIENCY -> floors.efficiencyFraction() * meanMagnitude;
                case CHIP_TEMP -> floors.chipTempC();
                case LOG_ERROR -> floors.logError();
            };
        }
    }
}
