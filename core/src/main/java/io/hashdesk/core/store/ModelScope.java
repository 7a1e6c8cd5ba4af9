package io.hashdesk.core.store;

import io.hashdesk.core.domain.MinerId;
import java.util.Objects;

/**
 * What a model version was trained for: the whole fleet, every unit of one miner model, or one unit. Stored as text
 * ({@link #text()}: {@code fleet}, {@code model:<catalog id>}, {@code unit:<miner id>}) so the store needs no column
 * per kind.
 *
 * @param kind how wide the scope is
 * @param key  the miner model's catalog id or the miner's id; empty for the fleet
 */
public record ModelScope(Kind kind, String key) {

    public enum Kind { FLEET, MINER_MODEL, UNIT }

    private static final String FLEET_TEXT = "fleet";
    private static final String MODEL_PREFIX = "model:";
    private static final String UNIT_PREFIX = "unit:";

    public ModelScope {
        Objects.requireNonNull(kind, "scope kind");
        Objects.requireNonNull(key, "scope key");
        if (kind == Kind.FLEET ? !key.isEmpty() : key.isBlank() || !key.strip().equals(key)) {
            throw new IllegalArgumentException(kind == Kind.FLEET
                    ? "The fleet scope has no key, got '" + key + "'"
                    : "A " + kind + " scope needs a key without leading or trailing spaces, got '" + key + "'");
        }
    }

    public static ModelScope fleet() {
        return new ModelScope(Kind.FLEET, "");
    }

    /** Every unit of one miner model, by its catalog id. */
    public static ModelScope minerModel(String catalogModelId) {
        return new ModelScope(Kind.MINER_MODEL, catalogModelId);
    }

    public static ModelScope unit(MinerId miner) {
        return new ModelScope(Kind.UNIT, miner.value());
    }

    /** The stored form, which {@link #parse} reads back. */
    public String text() {
        return switch (kind) {
            case FLEET -> FLEET_TEXT;
            case MINER_MODEL -> MODEL_PREFIX + key;
            case UNIT -> UNIT_PREFIX + key;
        };
    }

    public static ModelScope parse(String text) {
        Objects.requireNonNull(text, "scope text");
        if (text.equals(FLEET_TEXT)) {
            return fleet();
        }
        if (text.startsWith(MODEL_PREFIX)) {
            return minerModel(text.substring(MODEL_PREFIX.length()));
        }
        if (text.startsWith(UNIT_PREFIX)) {
            return new ModelScope(Kind.UNIT, text.substring(UNIT_PREFIX.length()));
        }
        throw new IllegalArgumentException("A model scope is 'fleet', 'model:<id>' or 'unit:<id>', got '" + text + "'");
    }

    @Override
    public String toString() {
        return text();
    }
}
