package io.hashdesk.core.domain;

/** Stable identity of one room sensor or power meter, chosen by the operator (never its port, which can change). */
public record SensorId(String value) implements Comparable<SensorId> {

    public SensorId {
        value = Names.requireId(value, "sensor id");
    }

    public static SensorId of(String value) {
        return new SensorId(value);
    }

    @Override
    public int compareTo(SensorId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
