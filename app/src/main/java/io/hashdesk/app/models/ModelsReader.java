package io.hashdesk.app.models;

import io.hashdesk.core.store.DriftReport;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelStatus;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.core.store.ModelVersion;
import io.hashdesk.core.store.ModelVersionStore;
import io.hashdesk.ml.registry.RegistrySettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the registry for the Models screen, in the background: every version of every type the registry has a
 * promotion rule for (so every type it can hold), grouped by scope, with the champion's latest drift check.
 */
final class ModelsReader {

    private final ModelVersionStore versions;
    private final RegistrySettings settings;
    private final Clock clock;

    ModelsReader(ModelVersionStore versions, RegistrySettings settings, Clock clock) {
        this.versions = versions;
        this.settings = settings;
        this.clock = clock;
    }

    ModelsPicture read() {
        List<ModelsPicture.Slot> slots = new ArrayList<>();
        for (String typeName : settings.promotionRules().keySet().stream().sorted().toList()) {
            ModelType type = ModelType.of(typeName);
            String metric = settings.ruleFor(type).metric();
            Map<ModelScope, List<ModelVersion>> byScope = new LinkedHashMap<>();
            for (ModelVersion version : versions.list(type)) {
                byScope.computeIfAbsent(version.scope(), scope -> new ArrayList<>()).add(version);
            }
            byScope.forEach((scope, ofScope) -> slots.add(new ModelsPicture.Slot(type, scope, ofScope, metric,
                    latestDrift(ofScope))));
        }
        return new ModelsPicture(slots, clock.instant());
    }

    private Optional<DriftReport> latestDrift(List<ModelVersion> ofScope) {
        return ofScope.stream().filter(v -> v.status() == ModelStatus.CHAMPION).findFirst()
                .flatMap(champion -> versions.driftReports(champion.id(), 1).stream().findFirst());
    }
}
