package io.hashdesk.ml.registry;

import io.hashdesk.core.store.ModelVersion;
import java.util.Objects;

/** A model read back from its verified artifact, with the version it belongs to. */
public record LoadedModel<T>(ModelVersion version, T model) {

    public LoadedModel {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(model, "model");
    }
}
