package io.hashdesk.drivers.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FleetDefinitionTest {

    /** The demo farm in the project's assets folder, seen from the module folder surefire runs in. */
    static final Path DEMO_FARM = Path.of(System.getProperty("user.dir")).resolve("../assets/demo-farm/demo-farm.json");

    private static FleetDefinition parse(String json) throws IOException {
        return FleetDefinitionReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test");
    }

    private static final String ROOM = "{\"id\":\"r\",\"ambient\":[{\"hour\":0,\"tempC\":20}],\"groups\":[%s]%s}";
    private static final String GROUP = "{\"idPrefix\":\"M-\",\"count\":2,\"model\":\"antminer-s19\",\"firmware\":\"1.2.7\"}";

    private static String farm(String groups, String units) {
        return "{\"seed\":1,\"rooms\":[" + String.format(ROOM, groups, units) + "]}";
    }

    @Test
    void theDemoFarmHasSixtyMixedMinersInTwoRoomsWithPreAgedUnits() {
        FleetDefinition definition = FleetDefinitionReader.read(DEMO_FARM);
        List<MinerBlueprint> units = definition.blueprints(ModelLibrary.bundled(), "demo");
        assertEquals(60, units.size());
        assertEquals(2, definition.rooms().size());
        assertEquals(7, units.stream().map(MinerBlueprint::modelId).distinct().count());
        Set<Boolean> lines = units.stream().map(u -> u.firmware().boardsApi()).collect(Collectors.toSet());
        assertEquals(Set.of(true, false), lines, "both firmware lines");
        assertTrue(units.stream().anyMatch(u -> u.dustDays() > 100), "a dusty unit");
        assertTrue(units.stream().anyMatch(u -> !u.wornFans().isEmpty()), "a worn fan");

        SimulationClock clock = SimulationClock.manual(TestFarm.START);
        SimulatedFleet fleet = SimulatedFleet.fromDefinition(definition, clock, "demo");
        clock.advance(Duration.ofHours(15));
        double hallA = fleet.miner("A-S19-01").orElseThrow().reading().ambientC();
        double hallB = fleet.miner("B-S21-01").orElseThrow().reading().ambientC();
        assertEquals(29, hallA, 0.5, "Hall A peaks at 29 °C at 15:00");
        assertNotEquals(hallA, hallB);
        assertEquals(TestFarm.START.plus(Duration.ofDays(6)),
                fleet.miner("A-S19-05").orElseThrow().groundTruth().fanFailureTimes().get(2));
        assertTrue(fleet.miners().stream().allMatch(m -> m.state() == MinerState.MINING));
    }

    @Test
    void badFilesAreRefusedNamingTheField() {
        FleetDefinitionException unknownModel = assertThrows(FleetDefinitionException.class, () -> parse(farm(
                GROUP.replace("antminer-s19", "antminer-s99"), "")).blueprints(ModelLibrary.bundled(), "test"));
        assertEquals("rooms[0].groups[0].model", unknownModel.field());
        assertTrue(unknownModel.getMessage().contains("antminer-s99"));

        FleetDefinitionException unknownField = assertThrows(FleetDefinitionException.class,
                () -> parse(farm(GROUP.replace("}", ",\"presett\":\"3000\"}"), "")));
        assertEquals("rooms[0].groups[0].presett", unknownField.field());
        assertTrue(unknownField.getMessage().contains("unknown field 'presett'"), unknownField.getMessage());

        FleetDefinitionException misspeltRequired = assertThrows(FleetDefinitionException.class,
                () -> parse(farm(GROUP.replace("\"count\"", "\"cuont\""), "")));
        assertEquals("rooms[0].groups[0].count", misspeltRequired.field());
        assertTrue(misspeltRequired.getMessage().contains("required field is missing"));

        FleetDefinitionException badCount = assertThrows(FleetDefinitionException.class,
                () -> parse(farm(GROUP.replace("\"count\":2", "\"count\":0"), "")));
        assertTrue(badCount.field().startsWith("rooms[0].groups[0]"), badCount.field());
        assertTrue(badCount.getMessage().contains("count must be at least 1"), badCount.getMessage());

        FleetDefinitionException badFirmware = assertThrows(FleetDefinitionException.class,
                () -> parse(farm(GROUP.replace("1.2.7", "3.9.1"), "")));
        assertTrue(badFirmware.getMessage().contains("1.2.x or 1.3.x"), badFirmware.getMessage());

        FleetDefinitionException badFault = assertThrows(FleetDefinitionException.class, () -> parse(farm(GROUP,
                ",\"units\":[{\"id\":\"M-01\",\"faults\":[{\"type\":\"gremlins\"}]}]")));
        assertTrue(badFault.getMessage().contains("gremlins"), badFault.getMessage());
        assertTrue(badFault.field().startsWith("rooms[0].units[0].faults"), badFault.field());

        FleetDefinitionException orphan = assertThrows(FleetDefinitionException.class, () -> parse(farm(GROUP,
                ",\"units\":[{\"id\":\"X-9\"}]")).blueprints(ModelLibrary.bundled(), "test"));
        assertEquals("rooms[0].units[0].id", orphan.field());

        FleetDefinitionException duplicate = assertThrows(FleetDefinitionException.class, () -> parse(farm(
                GROUP + "," + GROUP, "")).blueprints(ModelLibrary.bundled(), "test"));
        assertEquals("rooms[0].groups[1]", duplicate.field());

        FleetDefinitionException notJson = assertThrows(FleetDefinitionException.class, () -> parse("{\"seed\":"));
        assertTrue(notJson.getMessage().contains("line"), notJson.getMessage());
        FleetDefinitionException missing = assertThrows(FleetDefinitionException.class,
                () -> FleetDefinitionReader.read(Path.of("no-such-farm.json")));
        assertTrue(missing.getMessage().contains("does not exist"));
    }

    @Test
    void unitsOverrideTheirGroupAndAFarmScalesForBenchmarks() throws IOException {
        FleetDefinition definition = parse(farm(GROUP, ",\"units\":[{\"id\":\"M-02\",\"dustDays\":99,"
                + "\"faults\":[{\"type\":\"slow-reply\",\"delayMillis\":100}]},{\"id\":\"solo\",\"model\":\"antminer-l7\","
                + "\"firmware\":\"1.3.4\"}]"));
        List<MinerBlueprint> units = definition.blueprints(ModelLibrary.bundled(), "test");
        assertEquals(List.of("M-01", "M-02", "solo"), units.stream().map(MinerBlueprint::id).toList());
        assertEquals(99, units.get(1).dustDays());
        assertEquals(List.of(new Fault.SlowReply(100)), units.get(1).faults());
        assertEquals("antminer-l7", units.get(2).modelId());
        FleetDefinition big = FleetDefinitionReader.read(DEMO_FARM).scaledTo(1000);
        assertEquals(1000, big.blueprints(ModelLibrary.bundled(), "big").size());
    }
}
