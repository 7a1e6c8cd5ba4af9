package io.hashdesk.drivers.sim.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hashdesk.drivers.sim.Fault;
import io.hashdesk.drivers.sim.MinerBlueprint;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RpcTest {

    private static JsonNode parse(String reply) throws IOException {
        assertTrue(reply.endsWith("\0"), "a reply ends with one NUL byte");
        return Json.MAPPER.readTree(reply.substring(0, reply.length() - 1));
    }

    @Test
    void summaryStatsAndPoolsCarryVnishQuirks() throws IOException {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s19-xp", "1.2.7", 1))) {
            ApiClient api = farm.api("m");
            JsonNode summary = parse(api.rpc("{\"command\":\"summary\"}"));
            assertEquals("S", summary.at("/STATUS/0/STATUS").asText());
            assertEquals("cgminer 4.11.1", summary.at("/STATUS/0/Description").asText());
            JsonNode row = summary.at("/SUMMARY/0");
            assertTrue(row.get("GHS 5s").isTextual(), "GHS 5s is a string");
            assertTrue(row.get("GHS av").isNumber(), "GHS av is a number");
            assertTrue(Double.parseDouble(row.get("GHS 5s").asText()) > 100_000);
            assertTrue(row.has("Fee Percent"));

            JsonNode stats = parse(api.rpc("{\"command\":\"stats\"}")).get("STATS");
            assertEquals("Antminer S19 XP (Vnish 1.2.7)", stats.at("/0/Type").asText());
            JsonNode data = stats.get(1);
            assertTrue(data.get("temp1").asInt() < data.get("temp2_1").asInt(), "temp1 is the PCB, temp2_1 the chip");
            assertTrue(data.get("chain_vol1").asInt() > 10_000, "chain voltage in mV");
            assertEquals(110, data.get("chain_acn1").asInt());
            assertTrue(data.get("chain_acs1").asText().startsWith("oooooooo "));

            JsonNode pools = parse(api.rpc("pools")).get("POOLS");
            assertTrue(pools.get(0).get("URL").asText().startsWith("stratum+tcp://"));
            JsonNode devFee = pools.get(pools.size() - 1);
            assertEquals("DevFee", devFee.get("URL").asText());
            assertEquals(1, devFee.get("Type").asInt());
            assertEquals(3, parse(api.rpc("{\"command\":\"devs\"}")).get("DEVS").size());
            assertTrue(parse(api.rpc("{\"command\":\"version\"}")).has("VERSION"));
        }
    }

    @Test
    void unknownCommandsGetTheInvalidCommandErrorAndSeveralCommandsCanBeJoined() throws IOException {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s19", "1.2.7", 2))) {
            ApiClient api = farm.api("m");
            JsonNode invalid = parse(api.rpc("{\"command\":\"frobnicate\"}"));
            assertEquals("E", invalid.at("/STATUS/0/STATUS").asText());
            assertEquals(14, invalid.at("/STATUS/0/Code").asInt());
            assertEquals("Invalid command", invalid.at("/STATUS/0/Msg").asText());
            JsonNode joined = parse(api.rpc("{\"command\":\"summary+stats\"}"));
            assertEquals(1, joined.get("summary").size());
            assertTrue(joined.at("/stats/0/STATS").isArray());
        }
    }

    @Test
    void aBuildThatSkipsVersionAndPoolsSendsNothingForThem() throws IOException {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s21", "1.3.4", 3)
                .withRpcUnanswered(List.of("version", "pools")))) {
            ApiClient api = farm.api("m");
            assertEquals("", api.rpc("{\"command\":\"version\"}"));
            assertEquals("", api.rpc("{\"command\":\"pools\"}"));
            assertTrue(parse(api.rpc("{\"command\":\"stats\"}")).get("STATS").get(0).get("Type").asText()
                    .contains("Vnish 1.3.4"));
        }
    }

    @Test
    void rpcFaultsBreakTheReplyTheWayBmminerDoes() {
        try (ServedFarm farm = ServedFarm.of(MinerBlueprint.of("m", "antminer-s19", "1.2.7", 4))) {
            ApiClient api = farm.api("m");
            farm.server().inject("m", new Fault.MalformedJson());
            String broken = api.rpc("{\"command\":\"stats\"}");
            assertTrue(broken.contains("}{"), "objects without a comma between them");
            assertThrows(IOException.class, () -> parse(broken));
            farm.server().clear("m", Fault.MalformedJson.class);
            farm.server().inject("m", new Fault.TruncatedBody());
            String cut = api.rpc("{\"command\":\"summary\"}");
            assertTrue(!cut.isEmpty() && !cut.endsWith("\0"), "cut short, no NUL");
        }
    }
}
