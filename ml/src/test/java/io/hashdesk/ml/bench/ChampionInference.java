package io.hashdesk.ml.bench;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.MinerModel;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.anomaly.AnomalyDetector;
import io.hashdesk.ml.features.RoomSensors;
import io.hashdesk.ml.features.FeatureBuilder;
import io.hashdesk.ml.features.FeatureSettings;
import io.hashdesk.ml.features.FeatureTable;
import io.hashdesk.ml.maintenance.FailureRiskModel;
import io.hashdesk.ml.maintenance.FeatureRow;
import io.hashdesk.ml.maintenance.HourlyHistory;
import io.hashdesk.ml.maintenance.MaintenanceFeatures;
import io.hashdesk.ml.maintenance.MaintenanceSettings;
import io.hashdesk.ml.optimiser.EfficiencyCurve;
import io.hashdesk.ml.optimiser.Setting;
import io.hashdesk.ml.registry.LoadedModel;
import io.hashdesk.ml.registry.ModelRegistry;
import io.hashdesk.ml.thermal.ThermalModel;
import io.hashdesk.ml.thermal.ThermalModelSet;
import io.hashdesk.ml.training.TrainingSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntSupplier;

/**
 * Inference for a fleet of {@code units} miners with the champions the registry holds, each family timed on its own as
 * the median of several runs after warm-up (what a scheduled scoring pass in a running app costs), then summed. Inputs
 * come from the farm's store and are repeated to the fleet's size ({@link ScaledFleet}); building them, and loading
 * the champions from their artifacts, are timed apart, as they are not inference.
 */
final class ChampionInference {

    private static final int WARM_UPS = 3;
    private static final int RUNS = 7;
    /** How far ahead the thermal model predicts after a change, besides the steady state. */
    private static final Duration THERMAL_AHEAD = Duration.ofMinutes(30);

    private final FarmStore store;
    private final ModelRegistry registry;
    private final MinerModelCatalog catalog;
    private final TrainingSettings training;
    private final Instant now;
    private final BenchReport report;
    /** What the timed runs found, summed; see {@link #median}. */
    private volatile int results;

    /** One unit's thermal model with what its latest poll reported. */
    private record ThermalInput(ThermalModel model, double ambientC, double powerWatts, double fanPercent,
                                double chipTempC) {
    }

    /** One unit's model-level efficiency curve with the setting it runs now. */
    private record CurveInput(EfficiencyCurve curve, Setting setting) {
    }

    ChampionInference(FarmStore store, ModelRegistry registry, MinerModelCatalog catalog, TrainingSettings training,
                      Instant now, BenchReport report) {
        this.store = store;
        this.registry = registry;
        this.catalog = catalog;
        this.training = training;
        this.now = now;
        this.report = report;
    }

    /**
     * Times each family's inference for {@code units} miners and their sum. A family or miner model without a champion
     * (its training failed) is left out with a note, and the sum says how many families it covers.
     */
    void run(int units) {
        long t = System.nanoTime();
        FeatureTable table = new FeatureBuilder(store.telemetry(), store.registry(), catalog,
                FeatureSettings.defaults()).build(now, RoomSensors.NONE, algorithm -> null, TrainingProgress.NONE);
        report.seconds(text("inference features: anomaly feature table of %d miners", table.size()), t);
        t = System.nanoTime();
        List<FeatureRow> rows = maintenanceRows();
        report.seconds(text("inference features: failure-model rows of %d miners from hourly history", rows.size()), t);
        t = System.nanoTime();
        Map<MinerId, TelemetrySnapshot> latest = store.telemetry().latest();
        report.seconds(text("inference features: latest poll of %d miners", latest.size()), t);

        t = System.nanoTime();
        Optional<AnomalyDetector> anomaly = champion(ModelType.ANOMALY, ModelScope.fleet(), AnomalyDetector.class);
        Optional<FailureRiskModel> failure = champion(ModelType.MAINTENANCE, ModelScope.fleet(),
                FailureRiskModel.class);
        List<ThermalInput> thermal = thermalInputs(latest);
        List<CurveInput> curves = curveInputs(latest);
        report.seconds("load champions from the registry (every family and miner model)", t);

        FeatureTable fleetTable = ScaledFleet.featureTable(table, units);
        List<FeatureRow> fleetRows = ScaledFleet.maintenanceRows(rows, units);
        List<Double> families = new ArrayList<>();
        anomaly.ifPresent(detector -> families.add(median(text("inference: anomaly scores for %d units", units),
                () -> detector.anomalies(fleetTable).size())));
        if (failure.isPresent()) {
            FailureRiskModel model = failure.get();
            families.add(median(text("inference: failure risk for %d units, warning signs for the riskiest alarmed",
                    units), () -> model.assessFleet(fleetRows).size()));
        }
        if (!thermal.isEmpty()) {
            families.add(median(text("inference: thermal steady state and %d-min prediction for %d units",
                    THERMAL_AHEAD.toMinutes(), units), () -> thermal(thermal, units)));
        }
        if (!curves.isEmpty()) {
            families.add(median(text("inference: efficiency curve at the current setting for %d units", units),
                    () -> curves(curves, units)));
        }
        double total = families.stream().mapToDouble(Double::doubleValue).sum();
        report.figure(text("inference for %d units, %d of 4 families summed (target < 0.200 s)", units,
                families.size()), total, "s");
    }

    /** Each miner's failure-model features now, from the hourly history the model needs, as the trainer reads it. */
    private List<FeatureRow> maintenanceRows() {
        MaintenanceSettings settings = MaintenanceSettings.defaults();
        Instant from = now.minus(settings.historyNeeded());
        List<HourlyHistory> histories = new ArrayList<>();
        for (Miner miner : store.registry().miners()) {
            Optional<MinerModel> model = catalog.byId(miner.modelId());
            model.ifPresent(m -> histories.add(HourlyHistory.read(store.telemetry(), miner.id(),
                    miner.modelId() + "/" + miner.position().roomId(), m.safeLimits().chipTempMaxC(), from, now)));
        }
        return new MaintenanceFeatures(settings).rows(histories, now);
    }

    /**
     * Each fitted unit's model with its latest poll. A unit whose model cannot predict at its own latest inputs (a
     * fit that went wrong) is left out of the timing and reported, never silently.
     */
    private List<ThermalInput> thermalInputs(Map<MinerId, TelemetrySnapshot> latest) {
        Map<String, Optional<ThermalModelSet>> sets = new HashMap<>();
        List<ThermalInput> out = new ArrayList<>();
        Map<String, String> broken = new TreeMap<>();
        for (Miner miner : store.registry().miners()) {
            Optional<ThermalModelSet> set = sets.computeIfAbsent(miner.modelId(), id ->
                    champion(ModelType.THERMAL, ModelScope.minerModel(id), ThermalModelSet.class));
            TelemetrySnapshot last = latest.get(miner.id());
            Optional<ThermalModel> model = set.flatMap(s -> s.unit(miner.id()));
            if (last == null || model.isEmpty() || last.powerWatts() == null || last.fanPercent() == null
                    || last.chipTempMaxC() == null) {
                continue;
            }
            ThermalInput input = new ThermalInput(model.get(), training.assumedAmbientC(miner.position().roomId()),
                    last.powerWatts(), last.fanPercent(), last.chipTempMaxC());
            try {
                predict(input);
                out.add(input);
            } catch (IllegalArgumentException e) {
                broken.put(miner.id().value(), e.getMessage());
            }
        }
        if (!broken.isEmpty()) {
            report.note(text("%d unit thermal model(s) cannot predict at their own latest inputs and are left out"
                    + " of the thermal timing: %s", broken.size(), broken));
        }
        return out;
    }

    private List<CurveInput> curveInputs(Map<MinerId, TelemetrySnapshot> latest) {
        Map<String, Optional<EfficiencyCurve>> curves = new HashMap<>();
        List<CurveInput> out = new ArrayList<>();
        for (Miner miner : store.registry().miners()) {
            Optional<EfficiencyCurve> curve = curves.computeIfAbsent(miner.modelId(), id -> champion(
                    ModelType.EFFICIENCY_CURVE, ModelScope.minerModel(id), EfficiencyCurve.State.class)
                    .map(EfficiencyCurve::restore));
            TelemetrySnapshot last = latest.get(miner.id());
            if (curve.isPresent() && last != null && last.frequencyMhz() != null && last.voltageVolts() != null) {
                out.add(new CurveInput(curve.get(), new Setting(last.frequencyMhz(), last.voltageVolts())));
            }
        }
        return out;
    }

    private static int thermal(List<ThermalInput> inputs, int units) {
        int hot = 0;
        for (int i = 0; i < units; i++) {
            ThermalInput in = inputs.get(i % inputs.size());
            hot += predict(in) > in.chipTempC() ? 1 : 0;
        }
        return hot;
    }

    /** The steady state and the prediction ahead at the unit's latest inputs; the higher of the two. */
    private static double predict(ThermalInput in) {
        double steady = in.model().steadyState(in.ambientC(), in.powerWatts(), in.fanPercent()).chipTempC();
        double ahead = in.model().predict(in.ambientC(), in.powerWatts(), in.fanPercent(), in.chipTempC(),
                THERMAL_AHEAD).highC();
        return Math.max(steady, ahead);
    }

    private static int curves(List<CurveInput> inputs, int units) {
        int count = 0;
        for (int i = 0; i < units; i++) {
            CurveInput in = inputs.get(i % inputs.size());
            count += in.curve().predict(in.setting()).efficiencyJPerTh().mean() > 0 ? 1 : 0;
        }
        return count;
    }

    /** The champion of a type and scope, or empty with a note: inference then goes without it. */
    private <T> Optional<T> champion(ModelType type, ModelScope scope, Class<T> modelClass) {
        Optional<T> model = registry.loadChampion(type, scope, modelClass).map(LoadedModel::model);
        if (model.isEmpty()) {
            report.note(text("no %s champion for %s: its inference is left out (see the training lines)", type,
                    scope));
        }
        return model;
    }

    /** Median seconds of {@value #RUNS} runs after {@value #WARM_UPS} warm-ups; the work returns a count it found. */
    private double median(String what, IntSupplier work) {
        int found = 0;
        for (int i = 0; i < WARM_UPS; i++) {
            found += work.getAsInt();
        }
        double[] seconds = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            long t = System.nanoTime();
            found += work.getAsInt();
            seconds[run] = (System.nanoTime() - t) / 1e9;
        }
        Arrays.sort(seconds);
        // kept where the JIT cannot prove it unread, so that no run's work is optimised away
        results = found;
        report.figure(what + text(" (median of %d warm runs)", RUNS), seconds[RUNS / 2], "s");
        return seconds[RUNS / 2];
    }

    private static String text(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
