package io.hashdesk.core.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.domain.CredentialsRef;
import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.domain.Room;
import io.hashdesk.core.domain.Site;
import io.hashdesk.core.store.MinerRegistry;
import io.hashdesk.core.store.StoreSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteMinerRegistryTest {

    private static final Site NORTH = new Site("north", "North farm", ZoneId.of("Asia/Almaty"));
    private static final Site SOUTH = new Site("south", "South farm", ZoneId.of("America/Chicago"));
    private static final Room HALL_A = new Room("hall-a", "north", "Hall A");
    private static final Room CONTAINER_7 = new Room("c7", "north", "Container 7");

    @TempDir
    Path dir;
    SqliteFarmStore store;
    MinerRegistry registry;

    @BeforeEach
    void open() {
        store = SqliteFarmStore.open(dir.resolve("hashdesk.db"), StoreSettings.defaults(), Clock.systemUTC());
        registry = store.registry();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void reopen() {
        store.close();
        open();
    }

    private static Miner miner(String id, Room room, Optional<CredentialsRef> credentials) {
        return new Miner(MinerId.of(id), room.siteId(), new RackPosition(room.id(), "R12", 3, 4),
                new MinerAddress("10.0.12.34", 8080, 4029), "antminer-s19j-pro", "Vnish 1.2.6", credentials);
    }

    private void registerNorth() {
        registry.saveSite(NORTH);
        registry.saveRoom(HALL_A);
        registry.saveRoom(CONTAINER_7);
    }

    @Test
    void sitesAndRoomsRoundTripWithEveryFieldAcrossAReopen() {
        registry.saveSite(SOUTH);
        registerNorth();

        reopen();

        assertEquals(List.of(NORTH, SOUTH), registry.sites()); // by name
        assertEquals(List.of(CONTAINER_7, HALL_A), registry.rooms()); // by site, then name
    }

    @Test
    void aMinerRoundTripsWithEveryFieldAndItsCredentialsReferenceAcrossAReopen() {
        registerNorth();
        Miner withVault = miner("m-1", HALL_A, Optional.of(new CredentialsRef("vault:rack12")));
        Miner withDefault = miner("m-2", CONTAINER_7, Optional.empty());
        registry.saveMiner(withVault);
        registry.saveMiner(withDefault);

        reopen();

        assertEquals(List.of(withVault, withDefault), registry.miners());
        assertEquals(Optional.of(withVault), registry.miner(withVault.id()));
        assertEquals(Optional.empty(), registry.miner(withDefault.id()).orElseThrow().credentials());
    }

    @Test
    void updatingAMinerReplacesItsRecordInsteadOfAddingOne() {
        registerNorth();
        registry.saveMiner(miner("m-1", HALL_A, Optional.of(new CredentialsRef("vault:old"))));
        Miner moved = new Miner(MinerId.of("m-1"), "north", new RackPosition("c7", "R2", 1, 8),
                new MinerAddress("10.0.7.8", 80, 4028), "antminer-s21", "Vnish 1.2.7", Optional.empty());

        registry.saveMiner(moved);

        assertEquals(List.of(moved), registry.miners());
    }

    @Test
    void updatingASiteOrRoomReplacesItsRecord() {
        registerNorth();
        Site renamed = new Site("north", "North farm (new)", ZoneId.of("UTC"));
        Room renamedRoom = new Room("hall-a", "north", "Hall A east");

        registry.saveSite(renamed);
        registry.saveRoom(renamedRoom);

        assertEquals(List.of(renamed), registry.sites());
        assertEquals(List.of(CONTAINER_7, renamedRoom), registry.rooms());
    }

    @Test
    void aRoomWhoseSiteIsNotRegisteredIsRejectedNamingTheSite() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.saveRoom(new Room("hall-z", "nowhere", "Hall Z")));

        assertTrue(e.getMessage().contains("site 'nowhere'"), e.getMessage());
        assertEquals(List.of(), registry.rooms());
    }

    @Test
    void aMinerWhoseRoomIsNotRegisteredIsRejectedNamingTheRoom() {
        registerNorth();
        Room unknown = new Room("hall-q", "north", "Hall Q");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.saveMiner(miner("m-1", unknown, Optional.empty())));

        assertTrue(e.getMessage().contains("room 'hall-q'"), e.getMessage());
        assertEquals(List.of(), registry.miners());
    }

    @Test
    void aMinerWhoseSiteIsNotRegisteredIsRejectedNamingTheSite() {
        registerNorth();
        Room elsewhere = new Room("hall-a", "south", "Hall A");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.saveMiner(miner("m-1", elsewhere, Optional.empty())));

        assertTrue(e.getMessage().contains("site 'south'"), e.getMessage());
    }

    @Test
    void aRemovedMinerIsNoLongerListedOrFound() {
        registerNorth();
        Miner kept = miner("m-1", HALL_A, Optional.empty());
        Miner removed = miner("m-2", HALL_A, Optional.empty());
        registry.saveMiner(kept);
        registry.saveMiner(removed);

        registry.removeMiner(removed.id());

        assertEquals(List.of(kept), registry.miners());
        assertEquals(Optional.empty(), registry.miner(removed.id()));
        reopen();
        assertEquals(List.of(kept), registry.miners());
    }

    @Test
    void savingARemovedMinerAgainRestoresIt() {
        registerNorth();
        Miner miner = miner("m-1", HALL_A, Optional.empty());
        registry.saveMiner(miner);
        registry.removeMiner(miner.id());

        registry.saveMiner(miner);

        assertEquals(List.of(miner), registry.miners());
        assertEquals(Optional.of(miner), registry.miner(miner.id()));
    }

    @Test
    void removingAnUnknownMinerChangesNothing() {
        registerNorth();
        Miner miner = miner("m-1", HALL_A, Optional.empty());
        registry.saveMiner(miner);

        registry.removeMiner(MinerId.of("never-registered"));

        assertEquals(List.of(miner), registry.miners());
    }
}
