package io.hashdesk.ml.registry;

import io.hashdesk.core.settings.JsonSettings;
import io.hashdesk.core.store.ModelType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the registry judges candidates and tidies its folder. Defaults live in {@code registry-defaults.json} beside
 * this class; an operator's file overrides any subset of them.
 *
 * @param promotionRules     per model type name, the held-out metric its candidates are compared on
 * @param orphanGracePeriod  an artifact file no version refers to is deleted only once it is this old, so a file
 *                           another process has just written and is about to register is never taken
 * @param driftReportsKept   the newest drift checks kept per version (hourly checks: 168 is a week of them)
 */
public record RegistrySettings(Map<String, PromotionRule> promotionRules, Duration orphanGracePeriod,
                               int driftReportsKept) {

    private static final String DEFAULTS = "registry-defaults.json";

    public RegistrySettings {
        promotionRules = Map.copyOf(promotionRules);
        promotionRules.keySet().forEach(ModelType::of);
        Objects.requireNonNull(orphanGracePeriod, "orphanGracePeriod");
        if (orphanGracePeriod.isNegative()) {
            throw new IllegalArgumentException("orphanGracePeriod cannot be negative, got " + orphanGracePeriod);
        }
        if (driftReportsKept < 1) {
            throw new IllegalArgumentException("driftReportsKept must keep at least the latest check, got "
                    + driftReportsKept);
        }
    }

    public static RegistrySettings defaults() {
        return JsonSettings.defaults(RegistrySettings.class, DEFAULTS);
    }

    /** The defaults with the fields present in {@code overridesFile} replacing them; a missing file means none. */
    public static RegistrySettings withOverrides(Path overridesFile) {
        return JsonSettings.withOverrides(RegistrySettings.class, DEFAULTS, overridesFile);
    }

    /** The rule for a type; a type without one cannot be registered, since its candidates could never be judged. */
    public PromotionRule ruleFor(ModelType type) {
        PromotionRule rule = promotionRules.get(type.name());
        if (rule == null) {
            throw new IllegalArgumentException("No promotion rule for model type " + type + "; add one under"
                    + " promotionRules in the registry settings (known: " + promotionRules.keySet() + ")");
        }
        return rule;
    }
}
