package io.hashdesk.core.domain.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.settings.JsonFileProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The miner models Hashdesk knows: rated figures and safe limits per model, read from the bundled
 * {@code miner-models.json} and optionally extended or corrected by an operator's file. Immutable; every model in it
 * has passed the checks below, so callers can trust its limits.
 *
 * <p>Checks: ids unique, firmware names unique across models, rated power within the model's power limit, and
 * published efficiency in agreement with rated power ÷ rated hashrate.
 */
public final class MinerModelCatalog {

    /** The bundled catalog, a resource beside this class. */
    public static final String RESOURCE = "miner-models.json";

    private static final Logger LOG = LoggerFactory.getLogger(MinerModelCatalog.class);
    private static final double PERCENT = 100.0;
    /** How Jackson starts its message for a record field absent from the JSON. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .build();

    private final CatalogDocument rules;
    private final List<MinerModel> models;
    private final Map<String, MinerModel> byId;
    private final FirmwareNameMatcher matcher;

    private MinerModelCatalog(CatalogDocument rules, List<MinerModel> models) {
        this.rules = rules;
        this.models = List.copyOf(models);
        Map<String, MinerModel> index = new LinkedHashMap<>();
        models.forEach(m -> index.put(m.id(), m));
        this.byId = Map.copyOf(index);
        this.matcher = new FirmwareNameMatcher(rules.ignoredTypePrefixes(), rules.ignoredTypeSuffixes(), models);
    }

    /** The catalog shipped with Hashdesk. A failure here is a packaging bug, reported as such. */
    public static MinerModelCatalog bundled() {
        String source = "bundled " + RESOURCE;
        try (InputStream in = MinerModelCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ModelCatalogException(source, "", "resource is missing from the build");
            }
            CatalogDocument document = parse(in, source, CatalogDocument.class);
            return new MinerModelCatalog(document, merge(document, List.of(), document.models(), source));
        } catch (IOException e) {
            throw new ModelCatalogException(source, "", "could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * This catalog plus the models in an operator's file ({@code {"models": [...]}}, entries shaped like the bundled
     * ones). A model with a known id replaces the bundled one; a new id is added.
     *
     * @throws ModelCatalogException naming the file and the field when the file is missing, not JSON, has an
     *                               unknown or missing field, an out-of-range value, or clashes with another model
     */
    public MinerModelCatalog withOverrides(Path file) {
        String source = "miner models file " + file.toAbsolutePath();
        OverrideDocument document;
        try (InputStream in = Files.newInputStream(file)) {
            document = parse(in, source, OverrideDocument.class);
        } catch (NoSuchFileException e) {
            throw new ModelCatalogException(source, "", "file does not exist", e);
        } catch (IOException e) {
            throw new ModelCatalogException(source, "", "could not be read: " + e.getMessage(), e);
        }
        List<MinerModel> merged = merge(rules, models, document.models(), source);
        long replaced = document.models().stream().filter(m -> byId.containsKey(m.id())).count();
        LOG.info("Loaded {} miner model(s) from {} ({} replace existing entries)", document.models().size(), file,
                replaced);
        return new MinerModelCatalog(rules, merged);
    }

    /** Every model, bundled order first, then models added by overrides. */
    public List<MinerModel> all() {
        return models;
    }

    public Optional<MinerModel> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /**
     * Which algorithm each of {@code miners} computes, by its model id; {@code null} for a miner whose model is not in
     * this catalog (for {@code TelemetryStore#fleetSummary}).
     */
    public Function<MinerId, Algorithm> algorithmsOf(Collection<Miner> miners) {
        Map<MinerId, Algorithm> algorithms = new HashMap<>(miners.size() * 2);
        for (Miner miner : miners) {
            byId(miner.modelId()).ifPresent(model -> algorithms.put(miner.id(), model.algorithm()));
        }
        return algorithms::get;
    }

    /**
     * The model behind a firmware's model string, e.g. {@code "Antminer S19j Pro (Vnish 1.2.0-rc3)"}: case-insensitive,
     * with or without the "Antminer" prefix and firmware notes in parentheses; the longest matching name wins, and a
     * name with extra words ("S19j Pro+") matches nothing rather than a lesser model.
     */
    public Optional<MinerModel> matchFirmwareName(String minerType) {
        return matcher.match(minerType);
    }

    private static <T> T parse(InputStream in, String source, Class<T> type) throws IOException {
        try {
            return JSON.readValue(in, type);
        } catch (JsonProcessingException e) {
            throw new ModelCatalogException(source, JsonFileProblem.field(e), JsonFileProblem.describe(e), e);
        }
    }

    /**
     * {@code base} with {@code added} laid over it by id, after checking the added models against each other, against
     * the catalog rules and against the firmware names of the models they do not replace.
     */
    private static List<MinerModel> merge(CatalogDocument rules, List<MinerModel> base, List<MinerModel> added,
                                          String source) {
        Map<String, Integer> positionById = new HashMap<>();
        for (int i = 0; i < added.size(); i++) {
            MinerModel model = added.get(i);
            Integer earlier = positionById.putIfAbsent(model.id(), i);
            if (earlier != null) {
                throw new ModelCatalogException(source, field(i, "id"),
                        "id '" + model.id() + "' is already used by models[" + earlier + "]");
            }
            checkEfficiency(rules, model, source, i);
        }
        Map<String, MinerModel> merged = new LinkedHashMap<>();
        base.forEach(m -> merged.put(m.id(), m));
        added.forEach(m -> merged.put(m.id(), m));
        checkFirmwareNamesUnique(rules, List.copyOf(merged.values()), positionById, source);
        return List.copyOf(merged.values());
    }

    private static void checkEfficiency(CatalogDocument rules, MinerModel model, String source, int index) {
        double published = model.publishedEfficiencyJPerTh();
        double computed = model.ratedEfficiencyJPerTh();
        double differencePercent = Math.abs(computed - published) / published * PERCENT;
        if (differencePercent > rules.efficiencyTolerancePercent()) {
            throw new ModelCatalogException(source, field(index, "publishedEfficiencyJPerTh"),
                    "model '" + model.id() + "' publishes " + SafeLimits.plain(published) + " J/TH but "
                            + SafeLimits.plain(model.ratedPowerWatts()) + " W ÷ "
                            + SafeLimits.plain(model.ratedHashrateThs()) + " TH/s = "
                            + String.format("%.2f", computed) + " J/TH, more than "
                            + SafeLimits.plain(rules.efficiencyTolerancePercent()) + " % apart");
        }
    }

    private static void checkFirmwareNamesUnique(CatalogDocument rules, List<MinerModel> models,
                                                 Map<String, Integer> positionInSource, String source) {
        FirmwareNameMatcher normaliser = new FirmwareNameMatcher(rules.ignoredTypePrefixes(),
                rules.ignoredTypeSuffixes(), List.of());
        Map<String, MinerModel> owner = new HashMap<>();
        for (MinerModel model : models) {
            for (String name : model.firmwareNames()) {
                String key = normaliser.key(name);
                if (key.isEmpty()) {
                    throw new ModelCatalogException(source, firmwareNamesField(model, positionInSource),
                            "firmware name '" + name + "' of model '" + model.id()
                                    + "' is empty once vendor words and board tags are removed");
                }
                MinerModel previous = owner.putIfAbsent(key, model);
                if (previous != null && !previous.id().equals(model.id())) {
                    // Blame the model from the file being read, whichever of the two came first.
                    boolean blamePrevious = !positionInSource.containsKey(model.id());
                    MinerModel culprit = blamePrevious ? previous : model;
                    MinerModel holder = blamePrevious ? model : previous;
                    throw new ModelCatalogException(source, firmwareNamesField(culprit, positionInSource),
                            "firmware name '" + key + "' of model '" + culprit.id()
                                    + "' is already claimed by model '" + holder.id() + "'");
                }
            }
        }
    }

    private static String firmwareNamesField(MinerModel model, Map<String, Integer> positionInSource) {
        Integer index = positionInSource.get(model.id());
        return index == null ? "" : field(index, "firmwareNames");
    }

    private static String field(int index, String name) {
        return "models[" + index + "]." + name;
    }



}
