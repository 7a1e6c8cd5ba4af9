package io.hashdesk.core.domain;

import java.util.Objects;

/**
 * Where a sensor is: its room, optionally the rack it is fixed to, and what it measures there. A sensor without a
 * rack stands for the whole room; one with a rack for that rack's miners.
 *
 * @param rack {@code null} for a room-wide sensor
 */
public record SensorPlacement(String roomId, String rack, SensorPosition position) {

    public SensorPlacement {
        roomId = Names.requireId(roomId, "room id");
        rack = rack == null || rack.isBlank() ? null : rack.strip();
        Objects.requireNonNull(position, "position (intake, exhaust or circuit)");
    }

    /** The short label technicians use, e.g. {@code hall-a / R3 / intake}. */
    public String label() {
        return roomId + (rack == null ? "" : " / " + rack) + " / " + position.label();
    }
}
