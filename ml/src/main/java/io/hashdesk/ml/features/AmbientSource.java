package io.hashdesk.ml.features;

import java.time.Instant;

/**
 * Room air temperature for feature building; the telemetry store has none (serial sensors or the operator supply it).
 */
@FunctionalInterface
public interface AmbientSource {

    /** No room sensors: the ambient features are NaN. */
    AmbientSource NONE = (room, from, to) -> Double.NaN;

    /** Mean air temperature of the room over {@code [from, to)} in °C, or NaN when unknown. */
    double meanAmbientC(String roomId, Instant from, Instant to);
}
