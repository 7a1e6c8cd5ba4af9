package io.hashdesk.ml.maintenance;

import java.util.Locale;
import java.util.Objects;

/**
 * One reason behind a failure risk: a feature, its value for this unit, the value typical of healthy units in the
 * training history, and how much it pushed the forest's score up (its TreeSHAP contribution to the failure class).
 */
public record WarningSign(MaintenanceFeature feature, double value, double healthyValue, double contribution) {

    public WarningSign {
        Objects.requireNonNull(feature, "feature");
    }

    /** "slowest fan speed as a share of its sibling fans: 0.702 (healthy 0.995)". */
    public String describe() {
        return String.format(Locale.ROOT, "%s: %s (healthy %s)", feature.description(), feature.format(value),
                feature.format(healthyValue));
    }
}
