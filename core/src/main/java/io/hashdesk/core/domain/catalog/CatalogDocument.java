package io.hashdesk.core.domain.catalog;

import java.util.List;
import java.util.Objects;

/**
 * The bundled {@code miner-models.json}: the models and the few rules for reading them.
 *
 * @param schemaVersion              format version; only {@link #SUPPORTED_SCHEMA} is understood
 * @param efficiencyTolerancePercent how far computed and published J/TH may differ (spec sheets round)
 * @param ignoredTypePrefixes        leading words firmware puts before a model name, e.g. {@code antminer}
 * @param ignoredTypeSuffixes        trailing words naming a control-board variant, e.g. {@code aml}
 * @param models                     the models
 */
record CatalogDocument(int schemaVersion, double efficiencyTolerancePercent, List<String> ignoredTypePrefixes,
                       List<String> ignoredTypeSuffixes, List<MinerModel> models) {

    static final int SUPPORTED_SCHEMA = 1;

    CatalogDocument {
        if (schemaVersion != SUPPORTED_SCHEMA) {
            throw new IllegalArgumentException("schemaVersion " + schemaVersion + " is not supported (expected "
                    + SUPPORTED_SCHEMA + ")");
        }
        if (!Double.isFinite(efficiencyTolerancePercent) || efficiencyTolerancePercent < 0) {
            throw new IllegalArgumentException("efficiencyTolerancePercent must be ≥ 0, got "
                    + efficiencyTolerancePercent);
        }
        ignoredTypePrefixes = requireEntries("ignoredTypePrefixes", ignoredTypePrefixes);
        ignoredTypeSuffixes = requireEntries("ignoredTypeSuffixes", ignoredTypeSuffixes);
        models = requireEntries("models", models);
    }

    /** An immutable copy, refusing a missing list or {@code null} entries with a message naming the field. */
    static <T> List<T> requireEntries(String field, List<T> entries) {
        if (entries == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        if (entries.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException(field + " contains an empty (null) entry");
        }
        return List.copyOf(entries);
    }
}
