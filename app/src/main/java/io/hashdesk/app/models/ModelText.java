package io.hashdesk.app.models;

import io.hashdesk.core.domain.catalog.MinerModel;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.store.DriftVerdict;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelStatus;
import io.hashdesk.core.store.ModelType;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registry's names in a farm technician's words: model families, scopes, statuses, drift verdicts and the
 * metrics the trainers record, with their units. A name the registry learns later (a new family or metric) is shown
 * spelled out from its code name rather than hidden.
 */
final class ModelText {

    /** How a metric's figure reads. */
    private enum Figure { DECIMAL, COUNT, PERCENT }

    private record Metric(String words, String unit, Figure figure) {
    }

    private static final Map<String, String> FAMILIES = Map.of(
            ModelType.THERMAL.name(), "Thermal model",
            ModelType.EFFICIENCY_CURVE.name(), "Efficiency curve",
            ModelType.ANOMALY.name(), "Anomaly detector",
            ModelType.MAINTENANCE.name(), "Failure predictor",
            ModelType.PROFIT_FORECAST.name(), "Hashprice forecast");

    /** The metrics the trainers record; the forecast's per-horizon ones end in {@code _24h}, {@code _168h}. */
    private static final Map<String, Metric> METRICS = Map.ofEntries(
            Map.entry("heldOutRmseC", new Metric("temperature error", " °C", Figure.DECIMAL)),
            Map.entry("heldOutRmsePooledC", new Metric("temperature error, all points pooled", " °C", Figure.DECIMAL)),
            Map.entry("trainingRmseC", new Metric("error on training data", " °C", Figure.DECIMAL)),
            Map.entry("units", new Metric("units fitted", "", Figure.COUNT)),
            Map.entry("unitsHeldOut", new Metric("units with held-out data", "", Figure.COUNT)),
            Map.entry("heldOutRmseJPerTh", new Metric("efficiency error", " J/TH", Figure.DECIMAL)),
            Map.entry("probes", new Metric("setting probes", "", Figure.COUNT)),
            Map.entry("unitsWithProbes", new Metric("units with probes", "", Figure.COUNT)),
            Map.entry("heldOutF1", new Metric("F1 score", " of 1", Figure.DECIMAL)),
            Map.entry("heldOutPrecision", new Metric("precision", "", Figure.PERCENT)),
            Map.entry("heldOutRecall", new Metric("recall", "", Figure.PERCENT)),
            Map.entry("plantedRows", new Metric("planted faults checked", "", Figure.COUNT)),
            Map.entry("heldOutRows", new Metric("healthy rows checked", "", Figure.COUNT)),
            Map.entry("trainingRows", new Metric("training rows", "", Figure.COUNT)),
            Map.entry("deviantInTraining", new Metric("deviant rows left out", "", Figure.COUNT)),
            Map.entry("heldOutMedianLeadDays", new Metric("median warning lead", " days", Figure.DECIMAL)),
            Map.entry("heldOutBrierScore", new Metric("Brier score (lower is better)", "", Figure.DECIMAL)),
            Map.entry("heldOutMaeVsNaive", new Metric("error vs naive forecast", " ×", Figure.DECIMAL)),
            Map.entry("maeVsNaive", new Metric("error used vs last value", " ×", Figure.DECIMAL)),
            Map.entry("modelMaeVsNaive", new Metric("model's error vs last value", " ×", Figure.DECIMAL)),
            Map.entry("directionalAccuracy", new Metric("direction right", "", Figure.PERCENT)),
            Map.entry("intervalCoverage", new Metric("inside its interval", "", Figure.PERCENT)));
    private static final Pattern HORIZON = Pattern.compile("(.+)_(\\d+)h");
    private static final Pattern CAMEL_HUMP = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");

    private ModelText() {
    }

    /** "Thermal model". */
    static String family(ModelType type) {
        String known = FAMILIES.get(type.name());
        if (known != null) {
            return known;
        }
        String words = type.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** "Whole fleet", "Antminer S19j Pro units", "Unit A-S19-05". */
    static String scope(ModelScope scope, MinerModelCatalog catalog) {
        return switch (scope.kind()) {
            case FLEET -> "Whole fleet";
            case MINER_MODEL -> catalog.byId(scope.key()).map(ModelText::modelName).orElse(scope.key()) + " units";
            case UNIT -> "Unit " + scope.key();
        };
    }

    private static String modelName(MinerModel model) {
        return model.name();
    }

    static String status(ModelStatus status) {
        return switch (status) {
            case CANDIDATE -> "Candidate";
            case CHAMPION -> "Champion";
            case RETIRED -> "Retired";
            case ROLLED_BACK -> "Rolled back";
        };
    }

    static String verdict(DriftVerdict verdict) {
        return switch (verdict) {
            case INSUFFICIENT_DATA -> "Not enough data";
            case STABLE -> "Stable";
            case WATCH -> "Watch";
            case RETRAIN -> "Retrain";
        };
    }

    /** "temperature error 0.79 °C" (a held-out RMSE); "direction right (24 h ahead) 61 %". */
    static String metric(String name, double value) {
        Matcher horizon = HORIZON.matcher(name);
        String base = horizon.matches() ? horizon.group(1) : name;
        String ahead = horizon.matches() ? " (" + horizon.group(2) + " h ahead)" : "";
        Metric known = METRICS.get(base);
        if (known == null) {
            return spelledOut(base) + ahead + " " + String.format(Locale.ROOT, "%.3g", value);
        }
        return known.words() + ahead + " " + figure(known.figure(), value) + known.unit();
    }

    /** A metric's name in words, without its figure: "temperature error". */
    static String words(String name) {
        Metric known = METRICS.get(name);
        return known != null ? known.words() : spelledOut(name);
    }

    /** A drift statistic with three significant digits, or a dash when it could not be computed. */
    static String statistic(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.3g", value.getAsDouble()) : "—";
    }

    private static String figure(Figure figure, double value) {
        return switch (figure) {
            case DECIMAL -> String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.0f" : "%.2f", value);
            case COUNT -> String.format(Locale.ROOT, "%,d", Math.round(value));
            case PERCENT -> String.format(Locale.ROOT, "%.0f %%", value * 100);
        };
    }

    /** "heldOutCoverage" → "held out coverage". */
    private static String spelledOut(String name) {
        return CAMEL_HUMP.splitAsStream(name).map(w -> w.toLowerCase(Locale.ROOT))
                .reduce((a, b) -> a + " " + b).orElse(name);
    }
}
