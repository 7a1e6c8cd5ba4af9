package io.hashdesk.app.overview;

import io.hashdesk.core.domain.MinerId;
import java.util.List;

/**
 * Where the map's cells sit: rooms, each with its racks, each rack a grid of shelves (rows, shelf 1 on top) and slots
 * (columns, slot 1 on the left). Changes only when miners are added, moved or removed, so the view rebuilds its grid
 * only then.
 */
record MapLayout(List<MapRoom> rooms, int miners) {

    record MapRoom(String id, String name, List<MapRack> racks, int miners) {
    }

    record MapRack(String name, int shelves, int slots, List<MapPlace> places) {
    }

    record MapPlace(MinerId miner, int shelf, int slot) {
    }
}
