package io.hashdesk.app.overview;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.Room;
import io.hashdesk.core.domain.TelemetrySnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One background read for the room map: the inventory and every miner's latest snapshot, taken at {@code readAt}. */
record RoomMapPicture(List<Room> rooms, List<Miner> miners, Map<MinerId, TelemetrySnapshot> latest, Instant readAt) {

    RoomMapPicture {
        rooms = List.copyOf(rooms);
        miners = List.copyOf(miners);
        latest = Map.copyOf(latest);
    }
}
