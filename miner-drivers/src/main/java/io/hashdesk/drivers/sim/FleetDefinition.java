package io.hashdesk.drivers.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A simulated farm as written in a fleet file (see {@code assets/demo-farm/README.md}): rooms with an ambient curve
 * over the day, groups of identical units ({@code idPrefix} + number), and per-unit overrides for pre-aged units,
 * failures and faults. Read it with {@link FleetDefinitionReader#read}; turn it into units with {@link #blueprints}.
 *
 * @param seed     makes every unit's silicon, part lifetimes and identity repeatable
 * @param start    simulated time at which the farm starts; absent = the moment it is built
 * @param password the unlock password of every unit unless a unit says otherwise
 * @param pools    the pools every unit mines on, at most three
 */
public record FleetDefinition(String name, long seed, Instant start, String password,
                              List<MinerSettings.Pool> pools, List<Room> rooms) {

    /** A unit that says nothing about its age has run a year. */
    private static final double DEFAULT_AGE_DAYS = 365;
    /** Two weeks since the last cleaning. */
    private static final double DEFAULT_DUST_DAYS = 14;

    public FleetDefinition {
        name = name == null ? "simulated farm" : name;
        password = password == null ? MinerBlueprint.DEFAULT_PASSWORD : password;
        pools = pools == null ? List.of() : List.copyOf(pools);
        if (pools.size() > MinerSettings.MAX_POOLS) {
            throw new IllegalArgumentException("at most " + MinerSettings.MAX_POOLS + " pools");
        }
        if (rooms == null || rooms.isEmpty()) {
            throw new IllegalArgumentException("a farm needs at least one room");
        }
        rooms = List.copyOf(rooms);
    }

    /** One room: where its units sit, how warm its air is over the day and how dusty it is. */
    public record Room(String id, String name, AmbientCurve ambient, Double dustRatePerDay, List<Group> groups,
                       List<Unit> units) {
        public Room {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("a room needs an id");
            }
            if (ambient == null) {
                throw new IllegalArgumentException("room '" + id + "' needs an ambient curve");
            }
            groups = groups == null ? List.of() : List.copyOf(groups);
            units = units == null ? List.of() : List.copyOf(units);
            if (dustRatePerDay != null && dustRatePerDay < 0) {
                throw new IllegalArgumentException("dustRatePerDay must not be negative");
            }
        }
    }

    /**
     * {@code count} units of one model and firmware named {@code idPrefix01}, {@code idPrefix02}, ...
     *
     * @param model catalog id, e.g. {@code antminer-s19j-pro}
     * @param pools the group's own pools (a Scrypt group cannot mine on the farm's SHA-256 pools); absent: the
     *              farm's
     */
    public record Group(String idPrefix, int count, String model, String firmware, String preset,
                        List<String> tunedPresets, Double ageDays, Double dustDays,
                        List<String> rpcUnanswered, List<MinerSettings.Pool> pools) {
        public Group {
            if (idPrefix == null || idPrefix.isBlank()) {
                throw new IllegalArgumentException("a group needs an idPrefix");
            }
            if (count < 1) {
                throw new IllegalArgumentException("count must be at least 1, got " + count);
            }
            if (model == null || firmware == null) {
                throw new IllegalArgumentException("a group needs a model and a firmware");
            }
            FirmwareVersion.of(firmware);
            tunedPresets = tunedPresets == null ? List.of() : List.copyOf(tunedPresets);
            rpcUnanswered = rpcUnanswered == null ? List.of() : List.copyOf(rpcUnanswered);
            pools = pools == null ? null : List.copyOf(pools);
            if (pools != null && (pools.isEmpty() || pools.size() > MinerSettings.MAX_POOLS)) {
                throw new IllegalArgumentException("a group's pools are 1 to " + MinerSettings.MAX_POOLS);
            }
        }
    }

    /**
     * One unit: overrides for a unit of a group (same id), or a unit of its own (then {@code model} and
     * {@code firmware} are required). Absent fields keep the group's values.
     */
    public record Unit(String id, String model, String firmware, String preset, String password, Double ageDays,
                       Double dustDays, List<MinerBlueprint.WornFan> wornFans,
                       List<MinerBlueprint.BoardFailure> boardFailures, List<Fault> faults,
                       List<String> rpcUnanswered) {
        public Unit {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("a unit needs an id");
            }
            if (firmware != null) {
                FirmwareVersion.of(firmware);
            }
            wornFans = wornFans == null ? List.of() : List.copyOf(wornFans);
            boardFailures = boardFailures == null ? List.of() : List.copyOf(boardFailures);
            faults = faults == null ? List.of() : List.copyOf(faults);
        }
    }

    /**
     * The same farm grown (or shrunk) to {@code units} units for benchmarks: every group's count scaled in
     * proportion, the last group taking up the rounding. Per-unit overrides are dropped, since their ids change.
     */
    public FleetDefinition scaledTo(int units) {
        int base = rooms.stream().flatMap(r -> r.groups().stream()).mapToInt(Group::count).sum();
        if (units < 1 || base == 0) {
            throw new IllegalArgumentException("can only scale a farm with groups to at least one unit");
        }
        List<Room> scaled = new ArrayList<>();
        int placed = 0;
        int groupsLeft = (int) rooms.stream().mapToLong(r -> r.groups().size()).sum();
        for (Room room : rooms) {
            List<Group> groups = new ArrayList<>();
            for (Group g : room.groups()) {
                groupsLeft--;
                int count = groupsLeft == 0 ? units - placed
                        : Math.max(0, Math.min(units - placed, (int) Math.round((double) g.count() * units / base)));
                placed += count;
                if (count > 0) {
                    groups.add(new Group(g.idPrefix(), count, g.model(), g.firmware(), g.preset(), g.tunedPresets(),
                            g.ageDays(), g.dustDays(), g.rpcUnanswered(), g.pools()));
                }
            }
            if (!groups.isEmpty()) {
                scaled.add(new Room(room.id(), room.name(), room.ambient(), room.dustRatePerDay(), groups,
                        List.of()));
            }
        }
        return new FleetDefinition(name + " x" + units, seed, start, password, pools, scaled);
    }

    /** Ambient curve per room id. */
    public Map<String, AmbientCurve> ambientByRoom() {
        Map<String, AmbientCurve> result = new LinkedHashMap<>();
        rooms.forEach(room -> result.put(room.id(), room.ambient()));
        return result;
    }

    /** When the simulation starts: the file's {@code start}, or {@code now} if it has none. */
    public Instant startOr(Instant now) {
        return start != null ? start : now;
    }

    /**
     * Every unit of the farm as a blueprint, rooms and groups in file order.
     *
     * @throws FleetDefinitionException naming the field when a model is unknown, an id repeats or an override
     *                                  names no unit and lacks model or firmware
     */
    public List<MinerBlueprint> blueprints(ModelLibrary library, String source) {
        List<MinerBlueprint> result = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (int r = 0; r < rooms.size(); r++) {
            Room room = rooms.get(r);
            Map<String, MinerBlueprint> inRoom = new LinkedHashMap<>();
            for (int g = 0; g < room.groups().size(); g++) {
                Group group = room.groups().get(g);
                String at = "rooms[" + r + "].groups[" + g + "]";
                requireModel(library, group.model(), source, at + ".model");
                int width = Math.max(2, String.valueOf(group.count()).length());
                for (int i = 1; i <= group.count(); i++) {
                    String id = group.idPrefix() + String.format("%0" + width + "d", i);
                    claim(seen, id, at, source);
                    inRoom.put(id, blueprint(id, group, room));
                }
            }
            for (int u = 0; u < room.units().size(); u++) {
                Unit unit = room.units().get(u);
                String at = "rooms[" + r + "].units[" + u + "]";
                MinerBlueprint base = inRoom.get(unit.id());
                if (base == null) {
                    if (unit.model() == null || unit.firmware() == null) {
                        throw new FleetDefinitionException(source, at + ".id", "no group has a unit '" + unit.id()
                                + "', so this entry needs its own model and firmware");
                    }
                    claim(seen, unit.id(), at, source);
                    base = blueprint(unit.id(), new Group(unit.id(), 1, unit.model(), unit.firmware(), null, null,
                            null, null, null, null), room);
                }
                if (unit.model() != null) {
                    requireModel(library, unit.model(), source, at + ".model");
                }
                inRoom.put(unit.id(), override(base, unit));
            }
            result.addAll(inRoom.values());
        }
        return result;
    }

    private MinerBlueprint blueprint(String id, Group group, Room room) {
        long unitSeed = Noise.mix(seed ^ Noise.mix(id.hashCode()));
        return new MinerBlueprint(id, group.model(), FirmwareVersion.of(group.firmware()), unitSeed, room.id(),
                group.preset(), group.tunedPresets(), group.pools() != null ? group.pools() : pools, password,
                Optional.ofNullable(group.ageDays()).orElse(DEFAULT_AGE_DAYS),
                Optional.ofNullable(group.dustDays()).orElse(DEFAULT_DUST_DAYS),
                Optional.ofNullable(room.dustRatePerDay()).orElse(1.0), List.of(), List.of(), List.of(),
                group.rpcUnanswered());
    }

    private static MinerBlueprint override(MinerBlueprint b, Unit unit) {
        return new MinerBlueprint(b.id(), unit.model() != null ? unit.model() : b.modelId(),
                unit.firmware() != null ? FirmwareVersion.of(unit.firmware()) : b.firmware(), b.seed(), b.room(),
                unit.preset() != null ? unit.preset() : b.preset(), b.tunedPresets(), b.pools(),
                unit.password() != null ? unit.password() : b.password(),
                unit.ageDays() != null ? unit.ageDays() : b.ageDays(),
                unit.dustDays() != null ? unit.dustDays() : b.dustDays(), b.dustRatePerDay(), unit.wornFans(),
                unit.boardFailures(), unit.faults(),
                unit.rpcUnanswered() != null ? unit.rpcUnanswered() : b.rpcUnanswered());
    }

    private static void requireModel(ModelLibrary library, String model, String source, String at) {
        if (library.spec(model).isEmpty()) {
            throw new FleetDefinitionException(source, at, "unknown model '" + model + "' (known: "
                    + library.modelIds() + ")");
        }
    }

    private static void claim(Map<String, String> seen, String id, String at, String source) {
        String earlier = seen.putIfAbsent(id, at);
        if (earlier != null) {
            throw new FleetDefinitionException(source, at, "unit id '" + id + "' is already used by " + earlier);
        }
    }
}
