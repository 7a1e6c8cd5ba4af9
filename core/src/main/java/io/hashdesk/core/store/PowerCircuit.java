package io.hashdesk.core.store;

import io.hashdesk.core.domain.SensorId;
import java.util.Objects;

/**
 * A measured power circuit: the meter on it and where it is.
 *
 * @param rack {@code null} when the meter feeds more than one rack (or the operator did not say)
 */
public record PowerCircuit(SensorId meter, String roomId, String rack) {

    public PowerCircuit {
        Objects.requireNonNull(meter, "meter");
        Objects.requireNonNull(roomId, "room id");
    }
}
