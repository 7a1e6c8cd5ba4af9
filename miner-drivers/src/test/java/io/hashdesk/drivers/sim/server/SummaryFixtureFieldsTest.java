package io.hashdesk.drivers.sim.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.hashdesk.drivers.sim.MinerBlueprint;
import io.hashdesk.drivers.sim.SimulatedFleet;
import io.hashdesk.drivers.sim.SimulationClock;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The simulator's {@code /summary} for an S19 on 1.2.x has the field set of the real 1.2.0-beta10 capture in
 * {@code ../shared/fixtures/vnish/}, except for the documented drift between that beta and the 1.2.6/1.2.7 schema
 * the simulator plays: the capture still has the top-level {@code system} block, build details, per-chain
 * {@code power_usage} and sensor lists; the later schema adds the {@code hr_*} totals, power consumption, error
 * rates, fan status, pool ping and a per-chain PCB temperature range.
 */
class SummaryFixtureFieldsTest {

    private static final Set<String> ONLY_IN_BETA10 = Set.of(".system", ".miner.hardware_version",
            ".miner.cgminer_version", ".miner.compile_time", ".miner.chains[].power_usage",
            ".miner.chains[].pcb_temp_sens", ".miner.chains[].chip_temp_sens");
    private static final Set<String> ADDED_BY_1_2_6 = Set.of(".miner.hr_stock", ".miner.hr_realtime",
            ".miner.hr_nominal", ".miner.hr_average", ".miner.power_consumption", ".miner.hr_error",
            ".miner.chains[].power_consumption", ".miner.chains[].hr_error", ".miner.cooling.fans[].status",
            ".miner.cooling.fans[].max_rpm", ".miner.pools[].ping", ".miner.chains[].pcb_temp");

    @Test
    void summaryOfAnS19HasTheRealCapturesFieldsBarTheDocumentedDrift() throws IOException {
        JsonNode fixture = Json.MAPPER.readTree(Files.readString(OpenApiSchemas.sharedFolder()
                .resolve("fixtures/vnish/web-summary-s19-1.2.0-beta10.json")));
        SimulationClock clock = SimulationClock.manual(Instant.parse("2026-11-23T06:00:00Z"));
        SimulatedFleet fleet = SimulatedFleet.create(clock,
                List.of(MinerBlueprint.of("s19", "antminer-s19", "1.2.7", 3)), 22);
        try (SimulatorServer server = SimulatorServer.start(fleet)) {
            JsonNode summary = new ApiClient(server.endpoint("s19")).get("/summary").json();
            // The beta kept per-sensor PCB temperatures; 1.2.6 summarises them as a {min, max} range per chain.
        Set<String> fixtureFields = fields(fixture, "");
            Set<String> simulatorFields = fields(summary, "");
            Set<String> onlyFixture = new TreeSet<>(fixtureFields);
            onlyFixture.removeAll(simulatorFields);
            onlyFixture.removeIf(f -> ONLY_IN_BETA10.stream().anyMatch(d -> f.equals(d) || f.startsWith(d + ".")
                    || f.startsWith(d + "[]")));
            Set<String> onlySimulator = new TreeSet<>(simulatorFields);
            onlySimulator.removeAll(fixtureFields);
            onlySimulator.removeIf(f -> ADDED_BY_1_2_6.stream().anyMatch(d -> f.equals(d) || f.startsWith(d + ".")));
            assertEquals(Set.of(), onlyFixture, "fields of the real capture the simulator lacks");
            assertEquals(Set.of(), onlySimulator, "fields the simulator adds beyond the 1.2.6 drift");
        }
    }

    /** Dotted paths of every field, stepping into the first element of arrays as {@code []}. */
    private static Set<String> fields(JsonNode node, String prefix) {
        Set<String> fields = new TreeSet<>();
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                fields.add(prefix + "." + name);
                fields.addAll(fields(node.get(name), prefix + "." + name));
            }
        } else if (node.isArray() && !node.isEmpty()) {
            fields.addAll(fields(node.get(0), prefix + "[]"));
        }
        return fields;
    }
}
