package io.hashdesk.ml.training;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.catalog.MinerModel;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.domain.catalog.SafeLimits;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.drift.DriftSettings;
import io.hashdesk.ml.optimiser.EfficiencyCurveTraining;
import io.hashdesk.ml.optimiser.FirmwareEnvelope;
import io.hashdesk.ml.optimiser.HistoryOptions;
import io.hashdesk.ml.optimiser.OptimiserOptions;
import io.hashdesk.ml.optimiser.Probe;
import io.hashdesk.ml.optimiser.UnitHistories;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Retrains the efficiency curves, one per miner model that has registered miners and is in the catalog (a model
 * the catalog lacks has no safe limits to keep a curve inside). The store keeps no firmware envelope (what the
 * Vnish driver reads from {@code /model} is not stored), so the envelope is the model's safe limits on the
 * firmware's clock lattice from {@link TrainingSettings#firmwareSteps()}: the optimiser then proposes only settings
 * the action executor would accept.
 */
public final class EfficiencyCurveTrainer implements ModelTrainer {

    /** The curve's held-out score groups units into folds: it needs a unit to hold out and one to fit on. */
    private static final int MIN_UNITS = 2;

    private final MinerModelCatalog catalog;
    private final HistoryOptions history;
    private final OptimiserOptions options;
    private final DriftSettings drift;
    private final TrainingSettings settings;

    public EfficiencyCurveTrainer(MinerModelCatalog catalog, HistoryOptions history, OptimiserOptions options,
                                  DriftSettings drift, TrainingSettings settings) {
        this.catalog = catalog;
        this.history = history;
        this.options = options;
        this.drift = drift;
        this.settings = settings;
    }

    @Override
    public ModelType type() {
        return ModelType.EFFICIENCY_CURVE;
    }

    @Override
    public List<ModelScope> scopes(FarmStore store, Instant now) {
        return MinerModelScopes.of(store, model -> catalog.byId(model).isPresent());
    }

    /**
     * Fits the curve on the settled stretches of the model's units (at most {@code maxModelUnits} of them, spread
     * over the model's) over the last {@code efficiencyCurve.history}. Not enough data with fewer than two units, or fewer than two that ran a
     * settled stretch reporting power.
     */
    @Override
    public TrainingResult train(FarmStore store, ModelScope scope, Instant now, TrainingProgress progress) {
        MinerModel model = modelOf(scope);
        List<MinerId> units = MinerModelScopes.unitsOf(store, scope).stream().map(Miner::id).toList();
        if (units.size() < MIN_UNITS) {
            return TrainingResult.notEnoughData("an efficiency curve is scored on units it has not seen, which needs"
                    + " at least " + MIN_UNITS + " units of " + model.name() + "; " + units.size() + " registered");
        }
        EfficiencyCurveTraining training = new EfficiencyCurveTraining(store.telemetry(), history, options, drift);
        EfficiencyCurveTraining.Trained trained;
        try {
            trained = training.train(model, spread(units, options.maxModelUnits()), envelopeOf(model), now.minus(settings.efficiencyCurve().history()),
                    now, progress);
        } catch (IllegalArgumentException e) {
            // EfficiencyCurveTraining's way of saying too few units ran settled stretches that teach J/TH
            return TrainingResult.notEnoughData(e.getMessage());
        }
        Map<String, Double> metrics = trained.candidate().metrics();
        return TrainingResult.trained(trained.candidate(), trained.artifact(), String.format(Locale.ROOT,
                "fitted on %.0f probe(s) of %.0f unit(s); firmware envelope taken as the catalog's safe limits",
                metrics.get("probes"), metrics.get("unitsWithProbes")));
    }

    /** At most {@code max} of the units, evenly spaced in their order (all of them when there are no more). */
    static <T> List<T> spread(List<T> units, int max) {
        if (units.size() <= max) {
            return units;
        }
        List<T> picked = new ArrayList<>(max);
        for (int i = 0; i < max; i++) {
            picked.add(units.get((int) ((long) i * units.size() / max)));
        }
        return picked;
    }

    /** The settled stretches the model's units ran over the last {@code efficiencyCurve.recent}, as probe figures. */
    @Override
    public Map<String, double[]> recentFeatures(FarmStore store, ModelScope scope, Instant now) {
        MinerModel model = modelOf(scope);
        UnitHistories reader = new UnitHistories(store.telemetry(), history);
        List<Probe> probes = new ArrayList<>();
        for (Miner unit : MinerModelScopes.unitsOf(store, scope)) {
            probes.addAll(reader.read(unit.id(), model, now.minus(settings.efficiencyCurve().recent()), now)
                    .probes());
        }
        return EfficiencyCurveTraining.featureColumns(probes);
    }

    /** The model's safe limits on the firmware's lattice. */
    FirmwareEnvelope envelopeOf(MinerModel model) {
        SafeLimits limits = model.safeLimits();
        TrainingSettings.FirmwareSteps steps = settings.firmwareSteps();
        return new FirmwareEnvelope(limits.frequencyMinMhz(), limits.frequencyMaxMhz(), steps.freqStepMhz(),
                limits.voltageMinVolts(), limits.voltageMaxVolts(), steps.voltsStep());
    }

    /** Only scopes of catalogued models are listed, so a missing one means the catalog changed under a run. */
    private MinerModel modelOf(ModelScope scope) {
        return catalog.byId(scope.key()).orElseThrow(() -> new IllegalStateException("miner model '" + scope.key()
                + "' is not in the model catalog; its efficiency curve has no safe limits to stay inside"));
    }
}
