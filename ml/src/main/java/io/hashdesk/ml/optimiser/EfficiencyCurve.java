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
import smile.stat.distribution.TDistribution;

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
     * Everything needed to rebuild a curve: its probes, each process's hyper-parameters and calibration, and its
     * prior's state.
     *
     * @param scope             what the curve describes ("unit s19-0042", "model antminer-s19")
     * @param calibration       per output, how its forecast spreads are calibrated
     * @param prior             the per-model curve this one is relative to, or null for none
     */
    public record State(String scope, InputBox box, List<Probe> probes, Map<Output, GpHyperparameters> hyperparameters,
                        Map<Output, IntervalCalibration> calibration, State prior, OptimiserOptions options) {

        public State {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(box, "box");
            probes = List.copyOf(probes);
            hyperparameters = Map.copyOf(hyperparameters);
            calibration = Map.copyOf(calibration);
            if (!calibration.keySet().equals(hyperparameters.keySet())) {
                throw new IllegalArgumentException("curve state for " + scope + " calibrates " + calibration.keySet()
                        + " but has processes for " + hyperparameters.keySet());
            }
            Objects.requireNonNull(options, "options");
        }
    }

    private final String scope;
    private final InputBox box;
    private final List<Probe> probes;
    private final EfficiencyCurve prior;
    private final OptimiserOptions options;
    private final Map<Output, GaussianProcess> processes;
    private final Map<Output, IntervalCalibration> calibration;
    private final double intervalZ;
    /** Per output (by ordinal), what {@link #intervalZ(Output)} returns: a t quantile is too dear to redo per call. */
    private final double[] measurementZ;
    /** Per output (by ordinal), the standard-deviation factor of its calibration (1 without a process). */
    private final double[] spreadInflation;
    private final boolean calibrated;

    private EfficiencyCurve(String scope, InputBox box, List<Probe> probes, EfficiencyCurve prior,
                            OptimiserOptions options, Map<Output, GaussianProcess> processes,
                            Map<Output, IntervalCalibration> calibration) {
        this.scope = scope;
        this.box = box;
        this.probes = List.copyOf(probes);
        this.prior = prior;
        this.options = options;
        this.processes = processes;
        this.calibration = calibration;
        this.intervalZ = GaussianDistribution.getInstance().quantile(0.5 + options.intervalLevel() / 2);
        Output[] outputs = Output.values();
        this.measurementZ = new double[outputs.length];
        this.spreadInflation = new double[outputs.length];
        for (Output output : outputs) {
            measurementZ[output.ordinal()] = tQuantile(output);
            spreadInflation[output.ordinal()] = Math.sqrt(varianceInflation(output));
        }
        this.calibrated = prior != null || this.probes.stream().filter(p -> teaches(Output.EFFICIENCY, p, options))
                .count() >= options.calibration().minProbes();
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

    /** A per-model curve from the probes of many units of one model, at most {@code maxModelProbes} of them. */
    public static EfficiencyCurve fitModel(String modelId, List<UnitHistory> histories, SafeLimits limits,
                                           FirmwareEnvelope firmware, OptimiserOptions options,
                                           TrainingProgress progress) {
        return fit("model " + modelId, modelProbes(modelId, histories, options.maxModelProbes()), limits, firmware,
                Optional.empty(), options, progress);
    }

    /**
     * The probes {@link #fitModel} fits on: {@link #probesTaken} of each unit, newest first. A model's curve is what a
     * unit of that model does, so it should see as many units as its budget allows rather than every probe of a few.
     */
    static List<Probe> modelProbes(String modelId, List<UnitHistory> histories, int maxModelProbes) {
        int[] taken = probesTaken(histories, maxModelProbes);
        List<Probe> picked = new ArrayList<>();
        for (int u = 0; u < histories.size(); u++) {
            UnitHistory history = histories.get(u);
            if (!history.modelId().equals(modelId)) {
                throw new IllegalArgumentException("unit " + history.unitId() + " is a " + history.modelId()
                        + ", not a " + modelId + "; a model prior learns from one model's units only");
            }
            List<Probe> probes = history.probes();
            picked.addAll(probes.subList(probes.size() - taken[u], probes.size()));
        }
        return picked;
    }

    /**
     * How many of each unit's newest probes a per-model curve takes, at most {@code maxModelProbes} in all: dealt
     * round-robin, one probe per unit per pass, until the budget or the probes run out.
     */
    static int[] probesTaken(List<UnitHistory> histories, int maxModelProbes) {
        int[] taken = new int[histories.size()];
        int room = maxModelProbes;
        boolean more = true;
        while (room > 0 && more) {
            more = false;
            for (int u = 0; u < histories.size() && room > 0; u++) {
                if (taken[u] < histories.get(u).probes().size()) {
                    taken[u]++;
                    room--;
                    more = true;
                }
            }
        }
        return taken;
    }

    /**
     * The J/TH process alone of the curve {@link #fit} would fit on {@code probes} without a prior, its
     * hyper-parameters searched just as there; empty when no probe teaches J/TH. Held-out scoring needs no more: a
     * curve without a prior forecasts J/TH from this process only.
     */
    static Optional<GaussianProcess> fitEfficiencyProcess(List<Probe> probes, InputBox box,
                                                          OptimiserOptions options) {
        Training training = Training.of(Output.EFFICIENCY, probes, box, null, options);
        return training == null ? Optional.empty() : Optional.of(GaussianProcess.fit(training.x(),
                training.residuals(), training.scaleFloor(), options.gp()));
    }

    static EfficiencyCurve fit(String scope, List<Probe> probes, InputBox box, EfficiencyCurve prior,
                               OptimiserOptions options, TrainingProgress progress) {
        requireHashingProbe(scope, probes);
        if (prior == null) {
            requireReported(scope, probes, Output.POWER, options);
            requireReported(scope, probes, Output.CHIP_TEMP, options);
        }
        Map<Output, GaussianProcess> processes = new EnumMap<>(Output.class);
        Map<Output, IntervalCalibration> calibration = new EnumMap<>(Output.class);
        Output[] outputs = Output.values();
        for (int i = 0; i < outputs.length; i++) {
            progress.checkCancelled();
            progress.report((double) i / outputs.length, "Fitting " + outputs[i] + " curve for " + scope);
            Training training = Training.of(outputs[i], probes, box, prior, options);
            if (training != null) {
                GaussianProcess process = GaussianProcess.fit(training.x(), training.residuals(),
                        training.scaleFloor(), options.gp());
                processes.put(outputs[i], process);
                calibration.put(outputs[i], options.calibration().of(process.leaveOneOutZ()));
            }
        }
        progress.report(1, "Fitted curves for " + scope);
        return new EfficiencyCurve(scope, box, probes, prior, options, processes, calibration);
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
        return new EfficiencyCurve(state.scope(), state.box(), state.probes(), prior, state.options(), processes,
                new EnumMap<>(state.calibration()));
    }

    public State state() {
        Map<Output, GpHyperparameters> hyper = new EnumMap<>(Output.class);
        processes.forEach((output, process) -> hyper.put(output, process.hyperparameters()));
        return new State(scope, box, probes, hyper, calibration, prior == null ? null : prior.state(), options);
    }

    /** The forecast at one setting, with intervals at the options' level. */
    public CurvePoint predict(Setting setting) {
        return forecast(setting).toPoint(setting, this::intervalZ, calibrated());
    }

    /** The forecast change of every output from one setting to another, with intervals that honour their correlation. */
    public CurveChange change(Setting from, Setting to) {
        return CurveChange.between(this, from, to);
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

    /** Normal quantile of the interval level: for the latent forecast, whose spread is known given the scale. */
    double intervalZ() {
        return intervalZ;
    }

    /**
     * Half-width, in measurement standard deviations, of an output's measurement interval: the Student-t quantile at
     * the interval level for the output's calibration. J/TH without a process of its own takes the wider of
     * hashrate's and power's; an output taken from the prior takes the prior's.
     */
    double intervalZ(Output output) {
        return measurementZ[output.ordinal()];
    }

    private double tQuantile(Output output) {
        IntervalCalibration c = calibration.get(output);
        if (c != null) {
            return new TDistribution(c.degreesOfFreedom()).quantile(0.5 + options.intervalLevel() / 2);
        }
        if (output == Output.EFFICIENCY) {
            return Math.max(tQuantile(Output.HASHRATE), tQuantile(Output.POWER));
        }
        return prior.intervalZ(output);
    }

    /**
     * Mean, latent and noise standard deviation of every output at one setting, calibrated. An output this curve has
     * no probe for takes its prior's forecast (a unit that never reported power); J/TH without probes of its own is
     * power ÷ hashrate.
     */
    Forecast forecast(Setting setting) {
        double[] at = box.normalise(setting);
        double[] mean = new double[Output.values().length];
        double[] sd = new double[mean.length];
        double[] noise = new double[mean.length];
        Forecast fromPrior = null;
        for (Output output : Output.values()) {
            int i = output.ordinal();
            GaussianProcess process = processes.get(output);
            if (process != null) {
                GaussianProcess.Prediction p = process.predict(at);
                double scale = spreadInflation[i];
                mean[i] = p.mean() + priorMean(output, setting);
                sd[i] = scale * p.sd();
                noise[i] = scale * process.noiseSd();
            } else if (output != Output.EFFICIENCY) {
                // fit() refuses a curve without power or chip temperature unless it has a prior to take them from
                fromPrior = fromPrior != null ? fromPrior : prior.forecast(setting);
                mean[i] = fromPrior.mean(output);
                sd[i] = fromPrior.sd(output);
                noise[i] = fromPrior.noiseSd()[i];
            }
        }
        if (!processes.containsKey(Output.EFFICIENCY)) {
            Forecast.ratioInto(mean, sd, noise);
        }
        return new Forecast(mean, sd, noise);
    }

    /**
     * Whether this curve's intervals are calibrated: it has a model prior (its processes learn only a unit's small
     * departures from it), or enough probes of its own for the leave-one-out calibration. A cold curve on one or two
     * probes cannot know how much J/TH varies across the envelope; its intervals are indicative only.
     */
    public boolean calibrated() {
        return calibrated;
    }

    /**
     * Calibrated variance of the latent change of {@code output} from one setting to another: var(a) + var(b) −
     * 2 cov(a, b) of the output's own process; only for an output this curve {@link #hasProcess has a process} for.
     */
    double latentChangeVariance(Output output, Setting from, Setting to) {
        GaussianProcess process = processes.get(output);
        double[] a = box.normalise(from);
        double[] b = box.normalise(to);
        double variance = process.predict(a).variance() + process.predict(b).variance()
                - 2 * process.covariance(a, b);
        return varianceInflation(output) * Math.max(0, variance);
    }

    /** The per-model curve this one is relative to, or null. */
    EfficiencyCurve prior() {
        return prior;
    }

    /** Whether this curve has a process of its own for {@code output} (else it forecasts it from its prior). */
    boolean hasProcess(Output output) {
        return processes.containsKey(output);
    }

    /** The factor this curve's calibration scales an output's predictive variance by (1 when it has no process). */
    double varianceInflation(Output output) {
        IntervalCalibration c = calibration.get(output);
        return c == null ? 1 : c.varianceInflation();
    }

    /** The prior's mean for one output, 0 without a prior. */
    private double priorMean(Output output, Setting setting) {
        return prior == null ? 0 : prior.meanOf(output, setting);
    }

    /**
     * This curve's mean for an output, prior included: what it passes on when it is another curve's prior. An output
     * it has no process for is its own prior's, except J/TH, which then passes on nothing (0): the unit learns its
     * J/TH from scratch rather than from a ratio that may be infinite.
     */
    double meanOf(Output output, Setting setting) {
        GaussianProcess process = processes.get(output);
        if (process != null) {
            return process.mean(box.normalise(setting)) + priorMean(output, setting);
        }
        return output == Output.EFFICIENCY ? 0 : priorMean(output, setting);
    }

    /** Whether a probe teaches an output: it must have reported the figure (and, for J/TH, be usable for it). */
    static boolean teaches(Output output, Probe probe, OptimiserOptions options) {
        return switch (output) {
            case HASHRATE, LOG_ERROR -> true;
            case POWER -> probe.powerWatts() != null;
            case CHIP_TEMP -> probe.chipTempC() != null;
            case EFFICIENCY -> probe.hasEfficiency()
                    && probe.errorFraction() <= options.efficiencyFitMaxErrorFraction();
        };
    }

    /** The target each output learns from one probe that {@link #teaches} it. */
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

    /** Safety rests on power and chip temperature: a curve with no prior must have seen each at least once. */
    private static void requireReported(String scope, List<Probe> probes, Output output, OptimiserOptions options) {
        if (probes.stream().noneMatch(p -> teaches(output, p, options))) {
            throw new IllegalArgumentException("curve for " + scope + " needs at least one probe that reported "
                    + (output == Output.POWER ? "power" : "chip temperature") + ", got " + probes.size()
                    + " probe(s) without; fit a per-model curve first and use it as the prior");
        }
    }

    /** One output's training set: inputs, targets less the prior's mean, and the scale floor. */
    private record Training(double[][] x, double[] residuals, double scaleFloor) {

        /**
         * Null when no probe informs this output: efficiency when every probe errs beyond the fit limit or lacks
         * power, power or chip temperature when no probe reported it.
         */
        static Training of(Output output, List<Probe> probes, InputBox box, EfficiencyCurve prior,
                           OptimiserOptions options) {
            List<Probe> used = probes.stream().filter(p -> teaches(output, p, options)).toList();
            if (used.isEmpty()) {
                return null;
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
