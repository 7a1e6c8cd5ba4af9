package io.hashdesk.core.domain;

import java.util.Objects;

/** Stable identity of one miner in the farm, chosen at registration (never its IP, which can change). */
public record MinerId(String value) implements Comparable<MinerId> {

    private static final int MAX_LENGTH = 64;

    public MinerId {
        Objects.requireNonNull(value, "miner id");
        if (value.isBlank() || value.length() > MAX_LENGTH || !value.strip().equals(value)) {
            throw new IllegalArgumentException("A miner id must be 1–" + MAX_LENGTH
                    + " characters without leading or trailing spaces, got '" + value + "'");
        }
    }

    public static MinerId of(String value) {
        return new MinerId(value);
    }

    @Override
    public int compareTo(MinerId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
