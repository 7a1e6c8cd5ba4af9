package io.hashdesk.drivers.sim.server;

import io.hashdesk.drivers.sim.FirmwareVersion;
import io.hashdesk.drivers.sim.SimulatedMiner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /docs/api-doc.json}: the firmware's own OpenAPI document for the miner's route set — the 1.2.7
 * document for 1.2.x miners, the 1.3.4 one for 1.3.x — shipped as resources beside the simulator's model data.
 * Loaded once, on first request, and shared by every miner: the documents are constants.
 */
final class ApiDocuments {

    static final String PATH = "/docs/api-doc.json";

    private ApiDocuments() {
    }

    static HttpResponse of(FirmwareVersion firmware) {
        return HttpResponse.of(200, HttpResponse.JSON, firmware.boardsApi() ? Loaded.V1_3 : Loaded.V1_2);
    }

    /** Holder: the documents are read when the first miner is asked for one, not when the server starts. */
    private static final class Loaded {
        static final byte[] V1_2 = read("v1.2.7-api-doc.json");
        static final byte[] V1_3 = read("v1.3.4-api-doc.json");

        private static byte[] read(String name) {
            try (InputStream in = SimulatedMiner.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("bundled OpenAPI document " + name + " is missing from the build");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("bundled OpenAPI document " + name + " could not be read", e);
            }
        }
    }
}
