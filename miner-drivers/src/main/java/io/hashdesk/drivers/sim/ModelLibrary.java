package io.hashdesk.drivers.sim;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hashdesk.core.domain.catalog.MinerModel;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The models the simulator can play, read once from the bundled {@code sim-models.json} and joined with the core
 * catalog's rated figures. Immutable and shared by every simulated unit.
 */
public final class ModelLibrary {

    static final String RESOURCE = "sim-models.json";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .build();

    private final SimulationParameters common;
    private final Map<String, ModelSpec> specs;

    private ModelLibrary(SimulationParameters common, Map<String, ModelSpec> specs) {
        this.common = common;
        this.specs = Map.copyOf(specs);
    }

    private record Document(int schemaVersion, SimulationParameters common, List<ModelParameters> models) {
    }

    /** The bundled models. A failure here is a packaging bug and is reported as one. */
    public static ModelLibrary bundled() {
        MinerModelCatalog catalog = MinerModelCatalog.bundled();
        try (InputStream in = ModelLibrary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled " + RESOURCE + " is missing from the build");
            }
            Document document = JSON.readValue(in, Document.class);
            SimulationParameters common = document.common();
            ModelSpec.CoolingLimits cooling = new ModelSpec.CoolingLimits(common.minFanPwmPercent(),
                    common.minTargetTempC(), common.maxTargetTempC());
            Map<String, ModelSpec> specs = new LinkedHashMap<>();
            for (ModelParameters parameters : document.models()) {
                MinerModel model = catalog.byId(parameters.catalogId()).orElseThrow(() -> new IllegalStateException(
                        RESOURCE + ": model '" + parameters.catalogId() + "' is not in the core catalog"));
                specs.put(model.id(), new ModelSpec(model, parameters, cooling));
            }
            return new ModelLibrary(document.common(), specs);
        } catch (IOException e) {
            throw new UncheckedIOException("bundled " + RESOURCE + " could not be read: " + e.getMessage(), e);
        }
    }

    /** The model with this core catalog id, e.g. {@code antminer-s19j-pro}. */
    public Optional<ModelSpec> spec(String catalogId) {
        return Optional.ofNullable(catalogId == null ? null : specs.get(catalogId));
    }

    /** Catalog ids of every model the simulator can play. */
    public List<String> modelIds() {
        return specs.keySet().stream().sorted().toList();
    }

    SimulationParameters common() {
        return common;
    }
}
