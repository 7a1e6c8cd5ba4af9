package io.hashdesk.ml.anomaly;

import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.drift.DriftSettings;
import io.hashdesk.ml.drift.FeatureDistributions;
import io.hashdesk.ml.features.RoomSensors;
import io.hashdesk.ml.features.Feature;
import io.hashdesk.ml.features.FeatureBuilder;
import io.hashdesk.ml.features.FeatureSettings;
import io.hashdesk.ml.features.FeatureTable;
import io.hashdesk.ml.registry.ModelArtifact;
import io.hashdesk.ml.registry.ModelCandidate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the fleet's anomaly detector from the store for the model registry: feature tables every
 * {@link AnomalyTrainingSettings#tableStep()} over the window, the detector fitted on all but the latest
 * {@link AnomalyTrainingSettings#heldOutShare()} of them, and {@value #HELD_OUT_F1} measured on those by planting
 * known fault signatures ({@link PlantedFaultCheck}) — the farm has no fault labels, so this is what "held-out F1"
 * means for anomaly versions. The detector that was measured is the one registered. One fleet-wide version: the
 * detector already compares each unit with its own peers, and one threshold per fleet keeps alarms comparable.
 */
public final class AnomalyTraining {

    /** What the registry records as the algorithm. */
    public static final String ALGORITHM = "io.hashdesk.ml.anomaly.AnomalyDetector (isolation forest on robust-scaled"
            + " features + robust peer z-scores)";
    /** The promotion metric of ANOMALY in registry-defaults.json. */
    public static final String HELD_OUT_F1 = "heldOutF1";
    /** The fewest held-out tables that make a held-out F1 worth comparing. */
    private static final int MIN_HELD_OUT_TABLES = 2;
    private static final Logger LOG = LoggerFactory.getLogger(AnomalyTraining.class);

    private final FeatureBuilder builder;
    private final RoomSensors ambient;
    private final AnomalyOptions options;
    private final AnomalyTrainingSettings settings;
    private final DriftSettings drift;

    /** One training outcome: the registry's description, the file to store, and the detector itself. */
    public record Trained(ModelCandidate candidate, ModelArtifact artifact, AnomalyDetector detector) {
    }

    /** @param ambient room air temperatures, {@link RoomSensors#NONE} when there are no sensors */
    public AnomalyTraining(FarmStore store, MinerModelCatalog catalog, FeatureSettings features,
                           RoomSensors ambient, AnomalyOptions options, AnomalyTrainingSettings settings,
                           DriftSettings drift) {
        Objects.requireNonNull(store, "store");
        this.builder = new FeatureBuilder(store.telemetry(), store.registry(), catalog, features);
        this.ambient = Objects.requireNonNull(ambient, "ambient");
        this.options = Objects.requireNonNull(options, "options");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.drift = Objects.requireNonNull(drift, "drift");
    }

    /**
     * Trains on the window ending at {@code until}.
     *
     * @throws IllegalArgumentException when the window holds too little to fit and hold out (a new farm); the message
     *                                  says what is short
     * @throws java.util.concurrent.CancellationException when {@code progress} is cancelled
     */
    public Trained train(Instant until, TrainingProgress progress) {
        Instant from = until.minus(settings.window());
        List<FeatureTable> tables = tables(from, until, progress, 0.5);
        int heldOutCount = (int) Math.round(tables.size() * settings.heldOutShare());
        if (heldOutCount < MIN_HELD_OUT_TABLES || tables.size() - heldOutCount < MIN_HELD_OUT_TABLES) {
            throw new IllegalArgumentException("anomaly training needs at least " + MIN_HELD_OUT_TABLES
                    + " feature tables to fit and " + MIN_HELD_OUT_TABLES + " to hold out; the window " + from + " – "
                    + until + " gives " + tables.size() + " with units in them");
        }
        List<FeatureTable> fitTables = tables.subList(0, tables.size() - heldOutCount);
        List<FeatureTable> heldOut = tables.subList(tables.size() - heldOutCount, tables.size());
        AnomalyDetector detector = AnomalyDetector.fit(fitTables, options, scaled(progress, 0.5, 0.3));
        progress.checkCancelled();
        progress.report(0.85, "Planting fault signatures in " + heldOut.size() + " held-out tables");
        PlantedFaultCheck.Result check = PlantedFaultCheck.run(detector, heldOut, settings.signatures(),
                options.seed());
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(HELD_OUT_F1, check.f1());
        metrics.put("heldOutPrecision", check.precision());
        metrics.put("heldOutRecall", check.recall());
        metrics.put("plantedRows", (double) check.positives());
        metrics.put("heldOutRows", (double) check.negatives());
        metrics.put("trainingRows", (double) detector.trainingRows());
        metrics.put("deviantInTraining", (double) detector.deviantInTraining().size());
        ModelCandidate candidate = new ModelCandidate(ModelType.ANOMALY, ModelScope.fleet(), from, until,
                options.features().stream().map(Feature::name).toList(), ALGORITHM, options, metrics,
                FeatureDistributions.snapshot(columns(fitTables), drift));
        LOG.info("Anomaly detector trained on {} tables ({} rows), {} {} on {} held out", fitTables.size(),
                detector.trainingRows(), HELD_OUT_F1, String.format(Locale.ROOT, "%.3f", check.f1()), heldOut.size());
        progress.report(1, "Anomaly detector trained");
        return new Trained(candidate, ModelArtifact.serialized(detector), detector);
    }

    /**
     * The detector's features over the recent window ending at {@code now}, by the names its candidates list, for the
     * drift check against a version's training distributions ({@code ModelTrainer.recentFeatures}); NaN for a missing
     * value, as in training.
     */
    public Map<String, double[]> recentFeatures(Instant now, TrainingProgress progress) {
        return columns(tables(now.minus(settings.recentWindow()), now, progress, 1));
    }

    /** Tables at {@code until}, {@code until − step}, … down to after {@code from}, oldest first; empty ones left out. */
    private List<FeatureTable> tables(Instant from, Instant until, TrainingProgress progress, double progressShare) {
        List<Instant> instants = new ArrayList<>();
        for (Instant at = until; at.isAfter(from); at = at.minus(settings.tableStep())) {
            instants.addFirst(at);
        }
        // anomaly features are operational only: no market or energy conditions needed
        List<FeatureTable> built = builder.buildEach(instants, ambient, algorithm -> null,
                scaled(progress, 0, progressShare));
        return built.stream().filter(table -> table.size() > 0 && hasData(table)).toList();
    }

    /** Whether any unit was polled in the table's day: a table from before the farm's first poll is all NaN. */
    private static boolean hasData(FeatureTable table) {
        for (int i = 0; i < table.size(); i++) {
            if (Double.isFinite(table.value(i, Feature.UPTIME_24H))) {
                return true;
            }
        }
        return false;
    }

    private Map<String, double[]> columns(List<FeatureTable> tables) {
        int rows = tables.stream().mapToInt(FeatureTable::size).sum();
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Feature feature : options.features()) {
            double[] column = new double[rows];
            int r = 0;
            for (FeatureTable table : tables) {
                for (int i = 0; i < table.size(); i++) {
                    column[r++] = table.value(i, feature);
                }
            }
            out.put(feature.name(), column);
        }
        return out;
    }

    /** Progress of a sub-step mapped into {@code [from, from + span]} of the whole run. */
    private static TrainingProgress scaled(TrainingProgress progress, double from, double span) {
        return new TrainingProgress() {
            @Override
            public void report(double fractionDone, String step) {
                progress.report(from + span * fractionDone, step);
            }

            @Override
            public boolean cancelled() {
                return progress.cancelled();
            }
        };
    }
}
