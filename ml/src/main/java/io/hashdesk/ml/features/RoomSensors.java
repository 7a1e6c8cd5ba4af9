package io.hashdesk.ml.features;

import java.time.Instant;

/**
 * What the room sensors measured, for feature building: the air going into the miners and the power their circuits
 * drew. The telemetry store has neither (the miners report their own chips and an estimate of their power).
 */
@FunctionalInterface
public interface RoomSensors {

    /** No room sensors: the ambient and metered features are NaN. */
    RoomSensors NONE = (room, from, to) -> Double.NaN;

    /** Mean air temperature of the room over {@code [from, to)} in °C, or NaN when unknown. */
    double meanAmbientC(String roomId, Instant from, Instant to);

    /**
     * Mean power in kW that the meters on the rack's circuits measured over {@code [from, to)} (for {@code rack}
     * {@code null}: the meters that feed the whole room), or NaN when no such meter reported.
     */
    default double meanMeteredKw(String roomId, String rack, Instant from, Instant to) {
        return Double.NaN;
    }
}
