package io.hashdesk.core.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One read of a sensor: when, where it was placed, how it went and what it measured. A failed read carries no
 * values; a read with one value out of its plausible range keeps the others and names the bad one in {@code detail}.
 *
 * @param detail the operator's sentence for a failure ({@code "Modbus exception code 2 (illegal data address)"}),
 *               empty when the read went well
 */
public record SensorReading(SensorId sensor, SensorPlacement placement, Instant takenAt, SensorStatus status,
                            String detail, Map<SensorQuantity, Double> values) {

    public SensorReading {
        Objects.requireNonNull(sensor, "sensor");
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
        EnumMap<SensorQuantity, Double> copy = new EnumMap<>(SensorQuantity.class);
        values.forEach((quantity, value) -> {
            if (value == null || !Double.isFinite(value)) {
                throw new IllegalArgumentException(quantity.fieldName() + " of sensor " + sensor
                        + " must be a finite number, got " + value);
            }
            copy.put(quantity, value);
        });
        values = Collections.unmodifiableMap(copy);
        if (status != SensorStatus.OK && status != SensorStatus.OUT_OF_RANGE && !values.isEmpty()) {
            throw new IllegalArgumentException("a read that failed with " + status + " carries no values");
        }
    }

    public static SensorReading ok(SensorId sensor, SensorPlacement placement, Instant takenAt,
                                   Map<SensorQuantity, Double> values) {
        return new SensorReading(sensor, placement, takenAt, SensorStatus.OK, "", values);
    }

    public static SensorReading failed(SensorId sensor, SensorPlacement placement, Instant takenAt,
                                       SensorStatus status, String detail) {
        return new SensorReading(sensor, placement, takenAt, status, detail, Map.of());
    }

    /** The value of {@code quantity} in this read, or {@code null} when it has none. */
    public Double value(SensorQuantity quantity) {
        return values.get(quantity);
    }
}
