package io.hashdesk.core.domain;

/** What a sensor measures the room at: the air going into the miners, the air coming out, or a power circuit. */
public enum SensorPosition {
    INTAKE("intake"),
    EXHAUST("exhaust"),
    CIRCUIT("circuit");

    private final String label;

    SensorPosition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
