package io.hashdesk.core.store;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.Room;
import io.hashdesk.core.domain.Site;
import java.util.List;
import java.util.Optional;

/** The farm's inventory: sites, rooms and registered miners. Telemetry is accepted only for registered miners. */
public interface MinerRegistry {

    void saveSite(Site site);

    void saveRoom(Room room);

    /** Registers a miner or updates its record; its site and room must exist. */
    void saveMiner(Miner miner);

    /** Removes a miner from the inventory; its history stays until retention deletes it. */
    void removeMiner(MinerId id);

    List<Site> sites();

    List<Room> rooms();

    List<Miner> miners();

    Optional<Miner> miner(MinerId id);
}
