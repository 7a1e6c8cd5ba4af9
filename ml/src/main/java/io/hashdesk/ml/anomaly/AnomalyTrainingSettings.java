package io.hashdesk.ml.anomaly;

import io.hashdesk.core.settings.JsonSettings;
import io.hashdesk.ml.features.Feature;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link AnomalyTraining} turns the store into a detector and its held-out F1; defaults in
 * {@code anomaly-training-defaults.json} beside this class.
 *
 * @param window       history the detector is trained and checked on, ending at the training instant
 * @param tableStep    time between two feature tables in the window (tables overlap: each looks back up to 7 days)
 * @param heldOutShare the latest share of the tables, held out from fitting for {@code heldOutF1}
 * @param recentWindow how far back the drift check's recent feature tables reach
 * @param signatures   fault signatures planted in held-out rows for {@code heldOutF1}, each a set of feature shifts
 *                     in the features' own units, sized like the subtle faults the simulator shows (a fan worn to
 *                     85 % of its peers' rpm, dust that costs 10 points of fan duty, one board of three lost, a
 *                     voltage that multiplies hardware errors)
 */
public record AnomalyTrainingSettings(Duration window, Duration tableStep, double heldOutShare, Duration recentWindow,
                                      List<FaultSignature> signatures) {

    private static final String DEFAULTS = "anomaly-training-defaults.json";

    /** A fault as it moves the features: {@code shifts} are added to a healthy row's values. */
    public record FaultSignature(String name, Map<Feature, Double> shifts) {
        public FaultSignature {
            Objects.requireNonNull(name, "signature name");
            if (shifts == null || shifts.isEmpty()) {
                throw new IllegalArgumentException("signature '" + name + "' needs at least one feature shift");
            }
            shifts.forEach((feature, shift) -> {
                if (shift == null || !Double.isFinite(shift) || shift == 0) {
                    throw new IllegalArgumentException("signature '" + name + "': the shift of " + feature
                            + " must be a finite non-zero number, got " + shift);
                }
            });
            shifts = Map.copyOf(new EnumMap<>(shifts));
        }
    }

    public AnomalyTrainingSettings {
        requirePositive(window, "window");
        requirePositive(tableStep, "tableStep");
        requirePositive(recentWindow, "recentWindow");
        if (!(heldOutShare > 0 && heldOutShare < 1)) {
            throw new IllegalArgumentException("heldOutShare must be in (0, 1), got " + heldOutShare);
        }
        if (tableStep.compareTo(window) >= 0 || tableStep.compareTo(recentWindow) > 0) {
            throw new IllegalArgumentException("tableStep (" + tableStep + ") must be shorter than window (" + window
                    + ") and no longer than recentWindow (" + recentWindow + ")");
        }
        signatures = List.copyOf(Objects.requireNonNull(signatures, "signatures"));
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("signatures must name at least one fault signature");
        }
    }

    public static AnomalyTrainingSettings defaults() {
        return JsonSettings.defaults(AnomalyTrainingSettings.class, DEFAULTS);
    }

    public static AnomalyTrainingSettings withOverrides(Path file) {
        return JsonSettings.withOverrides(AnomalyTrainingSettings.class, DEFAULTS, file);
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
        }
    }
}
