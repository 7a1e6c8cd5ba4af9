package io.hashdesk.ml.registry;

import java.io.Serializable;
import java.util.Objects;

/** A trained model as it goes to disk: a Smile model by Java serialisation, a plain record as JSON. */
public sealed interface ModelArtifact {

    /** A Smile model (Smile's models are {@link Serializable}) or a record holding one. */
    static ModelArtifact serialized(Serializable model) {
        return new JavaSerialized(model);
    }

    /** A model that is plain data (fitted coefficients), readable by Jackson. */
    static ModelArtifact json(Object model) {
        return new Json(model);
    }

    /** The file name ending this kind of artifact is stored under; loading reads the kind back from it. */
    String extension();

    record JavaSerialized(Serializable model) implements ModelArtifact {
        static final String EXTENSION = ".ser";

        public JavaSerialized {
            Objects.requireNonNull(model, "model");
        }

        @Override
        public String extension() {
            return EXTENSION;
        }
    }

    record Json(Object model) implements ModelArtifact {
        static final String EXTENSION = ".json";

        public Json {
            Objects.requireNonNull(model, "model");
        }

        @Override
        public String extension() {
            return EXTENSION;
        }
    }
}
