package io.hashdesk.ml.advice;

import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.core.store.ModelVersion;
import io.hashdesk.ml.registry.LoadedModel;
import io.hashdesk.ml.registry.ModelArtifactException;
import io.hashdesk.ml.registry.ModelRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The champion of each model type and scope for one evidence pass, each loaded once. No champion is no evidence of
 * that kind; a champion whose artifact cannot be read is logged once (here, where it is finally handled) and skipped,
 * so one damaged file never costs the other families their evidence.
 */
final class Champions {

    private static final Logger LOG = LoggerFactory.getLogger(Champions.class);

    private final ModelRegistry registry;
    private final Map<String, Optional<? extends LoadedModel<?>>> loaded = new ConcurrentHashMap<>();

    Champions(ModelRegistry registry) {
        this.registry = registry;
    }

    /** The champion of {@code type} and {@code scope}, or empty when there is none or it could not be read. */
    @SuppressWarnings("unchecked")
    <T> Optional<LoadedModel<T>> of(ModelType type, ModelScope scope, Class<T> modelClass) {
        return (Optional<LoadedModel<T>>) loaded.computeIfAbsent(type + "/" + scope.text(),
                key -> load(type, scope, modelClass));
    }

    ModelRegistry registry() {
        return registry;
    }

    private <T> Optional<LoadedModel<T>> load(ModelType type, ModelScope scope, Class<T> modelClass) {
        try {
            return registry.loadChampion(type, scope, modelClass);
        } catch (ModelArtifactException | IllegalArgumentException | ClassCastException e) {
            LOG.warn("The {} champion for {} could not be loaded, so no evidence of that kind comes from it: {}",
                    type, scope, e.getMessage());
            return Optional.empty();
        }
    }

    /** {@code type/scope@version}, how evidence names the model it came from. */
    static String versionOf(ModelVersion version) {
        return version.type() + "/" + version.scope().text() + "@" + version.id();
    }
}
