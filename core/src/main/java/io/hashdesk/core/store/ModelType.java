package io.hashdesk.core.store;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a trained model predicts, as the registry files it. A name rather than an enum so that a new kind of model
 * needs no schema or core change; the five the ML module trains today are constants here.
 *
 * @param name upper-case letters, digits and underscores, starting with a letter ({@code THERMAL})
 */
public record ModelType(String name) implements Comparable<ModelType> {

    // declared before the constants below, which need it while the class initialises
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    public static final ModelType THERMAL = new ModelType("THERMAL");
    public static final ModelType EFFICIENCY_CURVE = new ModelType("EFFICIENCY_CURVE");
    public static final ModelType ANOMALY = new ModelType("ANOMALY");
    public static final ModelType MAINTENANCE = new ModelType("MAINTENANCE");
    public static final ModelType PROFIT_FORECAST = new ModelType("PROFIT_FORECAST");

    public ModelType {
        Objects.requireNonNull(name, "model type");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A model type is 1–64 upper-case letters, digits or underscores starting"
                    + " with a letter, got '" + name + "'");
        }
    }

    public static ModelType of(String name) {
        return new ModelType(name);
    }

    @Override
    public int compareTo(ModelType other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
