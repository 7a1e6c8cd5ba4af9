package io.hashdesk.core.domain;

/**
 * Where a miner physically sits, so a technician can walk to it: room, rack, shelf and slot.
 * Shelf and slot count from 1 as they are labelled on real racks.
 */
public record RackPosition(String roomId, String rack, int shelf, int slot) {

    public RackPosition {
        roomId = Names.requireId(roomId, "room id");
        rack = Names.requireText(rack, "rack");
        if (shelf < 1 || slot < 1) {
            throw new IllegalArgumentException("Shelf and slot count from 1, got shelf " + shelf + ", slot " + slot);
        }
    }

    /** The short label technicians use, e.g. {@code hall-a / R12 / 3-4}. */
    public String label() {
        return roomId + " / " + rack + " / " + shelf + "-" + slot;
    }
}
