package io.hashdesk.drivers.sim.server;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The firmware's own OpenAPI documents (3.1, so their schemas are JSON Schema 2020-12) from
 * {@code ../shared/fixtures/vnish-openapi/}, loaded whole so that every {@code $ref} into
 * {@code #/components/schemas} resolves, and validated against by JSON pointer: either a component schema or the
 * response schema of a route.
 */
final class OpenApiSchemas {

    static final String V1_2_7 = "v1.2.7";
    static final String V1_3_4 = "v1.3.4";
    private static final String BASE_IRI = "https://schemas.hashdesk.invalid/vnish/";

    private final SchemaRegistry registry;

    private OpenApiSchemas(SchemaRegistry registry) {
        this.registry = registry;
    }

    /** Loads both documents; fails with the folder it looked in when they are not there. */
    static OpenApiSchemas load() {
        Path folder = sharedFolder().resolve("fixtures/vnish-openapi");
        Map<String, String> documents = Map.of(
                BASE_IRI + V1_2_7, read(folder.resolve(V1_2_7 + "-api-doc.json")),
                BASE_IRI + V1_3_4, read(folder.resolve(V1_3_4 + "-api-doc.json")));
        return new OpenApiSchemas(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(documents)));
    }

    /**
     * The shared folder beside the project: {@code -Dhashdesk.shared.dir} if set, else {@code ../../shared} from
     * the module folder surefire runs in.
     */
    static Path sharedFolder() {
        String override = System.getProperty("hashdesk.shared.dir");
        Path folder = override != null ? Path.of(override)
                : Path.of(System.getProperty("user.dir")).resolve("../../shared").normalize();
        if (!Files.isDirectory(folder.resolve("fixtures"))) {
            throw new AssertionError("The shared fixtures folder is missing: looked for " + folder.toAbsolutePath()
                    + "/fixtures (the project expects ../shared beside its root; override with -Dhashdesk.shared.dir)");
        }
        return folder;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI document " + file.toAbsolutePath(), e);
        }
    }

    /** Validation errors of {@code json} against the component schema {@code name}, e.g. {@code Summary}. */
    List<Error> againstComponent(String version, String name, String json) {
        return schema(version, "/components/schemas/" + name).validate(json, InputFormat.JSON);
    }

    /** Validation errors of {@code json} against the documented reply of {@code method path} with {@code status}. */
    List<Error> againstResponse(String version, String method, String path, int status, String json) {
        String pointer = "/paths/" + escape(path) + "/" + method + "/responses/" + status
                + "/content/application~1json/schema";
        return schema(version, pointer).validate(json, InputFormat.JSON);
    }

    private Schema schema(String version, String pointer) {
        return registry.getSchema(SchemaLocation.of(BASE_IRI + version + "#" + pointer));
    }

    private static String escape(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }
}
