package io.hashdesk.ml.registry;

import io.hashdesk.core.settings.JsonSettings;
import io.hashdesk.core.store.ModelType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How often each model type is retrained. Defaults live in {@code retraining-defaults.json} beside this class (daily
 * for the fast-moving anomaly detector and profit forecast, weekly for the slower physical and wear models); an
 * operator's file overrides any subset of them.
 *
 * @param intervals             per model type name, the longest a model may go without retraining
 * @param defaultInterval       for a type not listed
 * @param minIntervalAfterDrift a drifted model is retrained at most this often, so drift that persists (recent data
 *                              not yet dominating the training window) does not retrain it on every check
 * @param firstCheckAfter       how long after start the app and the headless agent first ask, so training does not
 *                              compete with start-up
 * @param checkEvery            how often they ask again which models are due (a check that finds none costs one
 *                              drift check per champion)
 */
public record RetrainingSettings(Map<String, Duration> intervals, Duration defaultInterval,
                                 Duration minIntervalAfterDrift, Duration firstCheckAfter, Duration checkEvery) {

    private static final String DEFAULTS = "retraining-defaults.json";

    public RetrainingSettings {
        intervals = Map.copyOf(intervals);
        intervals.forEach((type, interval) -> {
            ModelType.of(type);
            requirePositive(interval, "intervals." + type);
        });
        requirePositive(defaultInterval, "defaultInterval");
        Objects.requireNonNull(minIntervalAfterDrift, "minIntervalAfterDrift");
        if (minIntervalAfterDrift.isNegative()) {
            throw new IllegalArgumentException("minIntervalAfterDrift cannot be negative, got " + minIntervalAfterDrift);
        }
        requirePositive(firstCheckAfter, "firstCheckAfter");
        requirePositive(checkEvery, "checkEvery");
    }

    public static RetrainingSettings defaults() {
        return JsonSettings.defaults(RetrainingSettings.class, DEFAULTS);
    }

    /** The defaults with the fields present in {@code overridesFile} replacing them; a missing file means none. */
    public static RetrainingSettings withOverrides(Path overridesFile) {
        return JsonSettings.withOverrides(RetrainingSettings.class, DEFAULTS, overridesFile);
    }

    public Duration intervalFor(ModelType type) {
        return intervals.getOrDefault(type.name(), defaultInterval);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
