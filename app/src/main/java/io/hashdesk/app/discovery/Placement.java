package io.hashdesk.app.discovery;

import java.util.Optional;

/**
 * Where new miners go: a room (an existing one by id, or a new one by name), a rack and a shelf, and the slot of the
 * first miner; the others take the slots after it.
 */
record Placement(Optional<String> existingRoomId, String newRoomName, String rack, int shelf, int firstSlot) {

    Placement {
        newRoomName = newRoomName == null ? "" : newRoomName.strip();
        rack = rack == null ? "" : rack.strip();
        if (existingRoomId.isEmpty() && newRoomName.isEmpty()) {
            throw new IllegalArgumentException("Choose a room, or type the name of a new one.");
        }
        if (rack.isEmpty()) {
            throw new IllegalArgumentException("Enter the rack the miners stand in, e.g. R3.");
        }
        if (shelf < 1 || firstSlot < 1) {
            throw new IllegalArgumentException("Shelf and first slot count from 1.");
        }
    }
}
