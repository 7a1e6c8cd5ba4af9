package io.hashdesk.app.discovery;

import io.hashdesk.core.credentials.CredentialEntry;
import io.hashdesk.core.credentials.CredentialVault;
import io.hashdesk.core.domain.CredentialsRef;
import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.domain.Room;
import io.hashdesk.core.domain.Site;
import io.hashdesk.core.domain.catalog.MinerModel;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.store.MinerRegistry;
import io.hashdesk.drivers.discovery.DiscoveredMiner;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Puts found miners into the farm's inventory: the room (created when new), the vault entry (saved when a new password
 * was entered), and one miner record per found miner in consecutive slots. The poller reads the registry each cycle,
 * so registered miners are polled without anything else being told. Runs on a job thread, never on the FX thread.
 */
final class MinerRegistration {

    /** The model id of a miner whose firmware name the catalog does not know; it is polled, but has no rated figures. */
    static final String UNKNOWN_MODEL = "unknown";
    /** The bundled demo's site: its miners are retired with the demo, so real miners in a new room never go there. */
    private static final String DEMO_SITE = "demo-farm";
    private static final String NEW_SITE_ID = "farm";
    private static final String NEW_SITE_NAME = "Farm";

    private final MinerRegistry registry;
    private final CredentialVault vault;
    private final MinerModelCatalog catalog;
    private final ZoneId zone;

    /** What was registered, for the wizard's summary line. */
    record Registered(List<MinerId> ids, String roomName, String rack) {

        String summary() {
            return ids.size() + (ids.size() == 1 ? " miner" : " miners") + " added to " + roomName + ", " + rack;
        }
    }

    MinerRegistration(MinerRegistry registry, CredentialVault vault, MinerModelCatalog catalog, ZoneId zone) {
        this.registry = registry;
        this.vault = vault;
        this.catalog = catalog;
        this.zone = zone;
    }

    /** Registered miners by {@code host:httpPort}, to mark what a scan finds that the farm already has. */
    Map<String, MinerId> registeredByAddress() {
        Map<String, MinerId> byAddress = new HashMap<>();
        registry.miners().forEach(m -> byAddress.put(m.address().host() + ":" + m.address().httpPort(), m.id()));
        return byAddress;
    }

    List<Room> rooms() {
        return registry.rooms();
    }

    /** The vault's entries to choose from; never a secret. */
    List<CredentialEntry> credentials() {
        return vault.list();
    }

    Optional<String> modelIdOf(DiscoveredMiner miner) {
        return catalog.matchFirmwareName(miner.modelName()).map(MinerModel::id);
    }

    Registered register(List<DiscoveredMiner> miners, Placement placement, CredentialChoice credentials) {
        if (miners.isEmpty()) {
            throw new IllegalArgumentException("Tick the miners to register first.");
        }
        Room room = room(placement);
        Optional<CredentialsRef> ref = credentialsRef(credentials);
        Set<String> taken = new HashSet<>();
        registry.miners().forEach(m -> taken.add(m.id().value()));
        List<MinerId> ids = new ArrayList<>();
        for (int i = 0; i < miners.size(); i++) {
            DiscoveredMiner found = miners.get(i);
            RackPosition position = new RackPosition(room.id(), placement.rack(), placement.shelf(),
                    placement.firstSlot() + i);
            MinerId id = freeId(found, position, taken);
            registry.saveMiner(new Miner(id, room.siteId(), position, found.address(),
                    modelIdOf(found).orElse(UNKNOWN_MODEL), found.firmware(), ref));
            ids.add(id);
        }
        return new Registered(List.copyOf(ids), room.name(), placement.rack());
    }

    private Room room(Placement placement) {
        List<Room> rooms = registry.rooms();
        if (placement.existingRoomId().isPresent()) {
            String id = placement.existingRoomId().get();
            return rooms.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("The room '" + id + "' no longer exists; choose another."));
        }
        String name = placement.newRoomName();
        Optional<Room> sameName = rooms.stream().filter(r -> r.name().equalsIgnoreCase(name)).findFirst();
        if (sameName.isPresent()) {
            return sameName.get();
        }
        Room room = new Room(freeRoomId(slug(name), rooms), siteForNewRoom(), name);
        registry.saveRoom(room);
        return room;
    }

    private String siteForNewRoom() {
        return registry.sites().stream().map(Site::id).filter(id -> !id.equals(DEMO_SITE)).findFirst().orElseGet(() -> {
            registry.saveSite(new Site(NEW_SITE_ID, NEW_SITE_NAME, zone));
            return NEW_SITE_ID;
        });
    }

    private Optional<CredentialsRef> credentialsRef(CredentialChoice choice) {
        return switch (choice) {
            case CredentialChoice.FactoryDefault ignored -> Optional.empty();
            case CredentialChoice.Existing existing -> Optional.of(existing.ref());
            case CredentialChoice.NewPassword fresh -> {
                try {
                    yield Optional.of(vault.save(fresh.label(), Optional.empty(), fresh.secret()));
                } finally {
                    Arrays.fill(fresh.secret(), '\0');
                }
            }
        };
    }

    /** The miner's own hostname when it has a usable one, else its place ("hall-a-r3-1-4"); never its IP. */
    private static MinerId freeId(DiscoveredMiner found, RackPosition position, Set<String> taken) {
        String base = slug(found.hostname());
        if (base.isEmpty() || taken.contains(base)) {
            base = slug(position.roomId() + "-" + position.rack() + "-" + position.shelf() + "-" + position.slot());
        }
        String id = base;
        for (int n = 2; taken.contains(id); n++) {
            id = base + "-" + n;
        }
        taken.add(id);
        return MinerId.of(id);
    }

    private static String freeRoomId(String base, List<Room> rooms) {
        Set<String> ids = new HashSet<>();
        rooms.forEach(r -> ids.add(r.id()));
        String root = base.isEmpty() ? "room" : base;
        String id = root;
        for (int n = 2; ids.contains(id); n++) {
            id = root + "-" + n;
        }
        return id;
    }

    private static String slug(String text) {
        String slug = text.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._:-]+", "-").replaceAll("^-+|-+$", "");
        return slug.length() > 60 ? slug.substring(0, 60) : slug;
    }
}
