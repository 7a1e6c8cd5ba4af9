package io.hashdesk.ml.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.hashdesk.core.store.ArtifactFile;
import io.hashdesk.core.store.DriftReport;
import io.hashdesk.core.store.FeatureDistribution;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.core.store.ModelVersion;
import io.hashdesk.core.store.ModelVersionStore;
import io.hashdesk.core.store.NewModelVersion;
import io.hashdesk.ml.drift.DriftCheck;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every trained model's lifecycle: registering a version with its artifact, metrics and training distributions;
 * champion/challenger promotion on the held-out metric named for its type; rollback to the previous champion; loading
 * the champion from its verified artifact; drift checks against the training distributions.
 *
 * <p>An artifact is complete on disk before the version that names it is stored, so a crash in between leaves an
 * unreferenced file ({@link #removeOrphanArtifacts}), never a version without its file. Registration, promotion and
 * rollback are serialised within this process; the store's transactions guard against other processes.
 */
public final class ModelRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);
    private static final String ARTIFACT_FOLDER = "models";
    /** Stands in for the artifact while a candidate is validated; replaced by the written file before saving. */
    private static final ArtifactFile NOT_YET_WRITTEN = new ArtifactFile("not-yet-written", "0".repeat(64), 0);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private final ModelVersionStore store;
    private final ArtifactFolder artifacts;
    private final RegistrySettings settings;
    private final DriftCheck drift;
    private final Clock clock;
    private final String smileVersion;

    /**
     * @param artifactFolder where artifacts live: {@link #artifactFolderBeside} the database file in the app
     */
    public ModelRegistry(ModelVersionStore store, Path artifactFolder, RegistrySettings settings, DriftCheck drift,
                         Clock clock) {
        this.store = store;
        this.artifacts = new ArtifactFolder(artifactFolder);
        this.settings = settings;
        this.drift = drift;
        this.clock = clock;
        this.smileVersion = smileVersion();
    }

    /** The {@code models} folder beside the database file. */
    public static Path artifactFolderBeside(Path databaseFile) {
        return databaseFile.toAbsolutePath().getParent().resolve(ARTIFACT_FOLDER);
    }

    /**
     * Writes the artifact, then records the version as a candidate. If recording fails the file is removed again.
     *
     * @throws IllegalArgumentException if the candidate lacks its type's promotion metric or a feature's distribution,
     *                                  or its hyper-parameters are not a JSON object; nothing is written then
     */
    public synchronized ModelVersion register(ModelCandidate candidate, ModelArtifact artifact) {
        // validated in full before anything is written, so a bad candidate leaves no file behind
        NewModelVersion validated = describe(candidate, NOT_YET_WRITTEN);
        ArtifactFile written = artifacts.write(candidate.type(), artifact);
        try {
            ModelVersion saved = store.save(withArtifact(validated, written));
            LOG.info("Registered {} trained on {} to {}, {} ({})", saved.label(), saved.trainedFrom(),
                    saved.trainedTo(), saved.metrics(), written.relativePath());
            return saved;
        } catch (RuntimeException e) {
            artifacts.delete(written);
            throw e;
        }
    }

    /** {@link #register} then {@link #promote}. */
    public synchronized PromotionDecision registerAndPromote(ModelCandidate candidate, ModelArtifact artifact) {
        return promote(register(candidate, artifact).id());
    }

    /**
     * Puts a candidate up against its type and scope's champion on the type's promotion metric. It becomes champion
     * (retiring the old one) if there is none, if the champion lacks the metric, or if it beats the champion by the
     * rule's margin; otherwise it is retired, with the comparison as the reason.
     */
    public synchronized PromotionDecision promote(long candidateId) {
        ModelVersion candidate = store.find(candidateId).orElseThrow(() -> new IllegalArgumentException(
                "No model version " + candidateId + " is registered"));
        PromotionRule rule = settings.ruleFor(candidate.type());
        double value = candidate.metric(rule.metric()).orElseThrow(() -> new IllegalStateException(
                candidate.label() + " has no " + rule.metric() + ", the metric its type is judged on"));
        Optional<ModelVersion> champion = store.champion(candidate.type(), candidate.scope());
        Instant now = clock.instant();
        String mine = rule.metric() + " " + figure(value);
        if (champion.isEmpty()) {
            return promoted(candidate, Optional.empty(), mine + "; first champion for " + candidate.type() + " "
                    + candidate.scope(), now);
        }
        ModelVersion current = champion.get();
        Optional<Double> theirs = current.metric(rule.metric());
        if (theirs.isEmpty()) {
            return promoted(candidate, champion, mine + "; champion v" + current.id() + " has no " + rule.metric()
                    + " to compare with", now);
        }
        String comparison = mine + " against champion v" + current.id() + "'s " + figure(theirs.get()) + " ("
                + rule.describe() + ")";
        if (rule.beats(value, theirs.get())) {
            return promoted(candidate, champion, "beats: " + comparison, now);
        }
        ModelVersion retired = store.retire(candidateId, "does not beat: " + comparison, now);
        LOG.info("Kept {} as champion: {} {}", current.label(), retired.label(), retired.statusReason());
        return new PromotionDecision(retired, champion, false, retired.statusReason());
    }

    private PromotionDecision promoted(ModelVersion candidate, Optional<ModelVersion> champion, String reason,
                                       Instant now) {
        OptionalLong expected = champion.map(v -> OptionalLong.of(v.id())).orElse(OptionalLong.empty());
        ModelVersion promoted = store.promote(candidate.id(), expected, reason, now);
        LOG.info("Promoted {} to champion: {}", promoted.label(), reason);
        return new PromotionDecision(promoted, champion.flatMap(v -> store.find(v.id())), true, reason);
    }

    /**
     * Makes the previous champion of a type and scope champion again and marks the current one rolled back.
     *
     * @param reason why, from the operator or the check that asked for it; kept with both versions
     * @return the restored champion
     * @throws IllegalStateException if there is no champion or no earlier one; nothing changes then
     */
    public synchronized ModelVersion rollback(ModelType type, ModelScope scope, String reason) {
        ModelVersion restored = store.rollBack(type, scope, reason, clock.instant());
        LOG.info("Rolled back {} {} to {}: {}", type, scope, restored.label(), reason);
        return restored;
    }

    /** The champion of a type and scope with its model, read from its verified artifact; empty if there is none. */
    public <T> Optional<LoadedModel<T>> loadChampion(ModelType type, ModelScope scope, Class<T> modelClass) {
        return store.champion(type, scope).map(version -> new LoadedModel<>(version, load(version, modelClass)));
    }

    /**
     * A version's model from its artifact.
     *
     * @throws ModelArtifactException if the file is missing, damaged or unreadable; the version's status is unchanged
     */
    public <T> T load(ModelVersion version, Class<T> modelClass) {
        return artifacts.read(version, modelClass);
    }

    public Optional<ModelVersion> champion(ModelType type, ModelScope scope) {
        return store.champion(type, scope);
    }

    /** Every version of a type and scope, newest first. */
    public List<ModelVersion> versions(ModelType type, ModelScope scope) {
        return store.list(type, scope);
    }

    /** When a model of this type and scope was last trained (registered, whatever became of it); empty if never. */
    public Optional<Instant> lastTrained(ModelType type, ModelScope scope) {
        return store.list(type, scope).stream().map(ModelVersion::createdAt).max(Instant::compareTo);
    }

    /**
     * Compares recent feature values with a version's training distributions and records the report with the version.
     *
     * @param recent recent values per feature name, {@code NaN} where a value is missing
     */
    public DriftReport checkDrift(ModelVersion version, Map<String, double[]> recent) {
        DriftReport report = drift.check(version.id(), store.distributions(version.id()), recent, clock.instant());
        store.saveDriftReport(report, settings.driftReportsKept());
        return report;
    }

    /** The recorded drift checks of a version, newest first, at most {@code limit}: the drift report per model. */
    public List<DriftReport> driftReports(ModelVersion version, int limit) {
        return store.driftReports(version.id(), limit);
    }

    /**
     * Deletes artifact files no version refers to, older than the grace period: files left by a crash between
     * writing an artifact and registering it, or by a registration that failed. Returns the files deleted.
     */
    public synchronized List<Path> removeOrphanArtifacts() {
        Set<String> referenced = store.artifactPaths();
        List<Path> deleted = artifacts.sweep(referenced, clock.instant().minus(settings.orphanGracePeriod()));
        if (!deleted.isEmpty()) {
            LOG.info("Deleted {} model artifact file(s) no version refers to: {}", deleted.size(), deleted);
        }
        return deleted;
    }

    /** Validates the candidate into what the store records; the artifact is filled in once written. */
    private NewModelVersion describe(ModelCandidate candidate, ArtifactFile artifact) {
        PromotionRule rule = settings.ruleFor(candidate.type());
        String what = candidate.type() + " candidate for " + candidate.scope();
        if (!candidate.metrics().containsKey(rule.metric())) {
            throw new IllegalArgumentException(what + " lacks the held-out metric '" + rule.metric() + "' its type is"
                    + " judged on; it has " + candidate.metrics().keySet());
        }
        Set<String> described = candidate.distributions().stream().map(FeatureDistribution::feature)
                .collect(Collectors.toSet());
        List<String> undescribed = candidate.features().stream().filter(f -> !described.contains(f)).toList();
        if (!undescribed.isEmpty()) {
            throw new IllegalArgumentException(what + " has no training distribution for " + undescribed
                    + "; drift could not be checked for them");
        }
        return new NewModelVersion(candidate.type(), candidate.scope(), candidate.trainedFrom(), candidate.trainedTo(),
                candidate.features(), candidate.algorithm(), smileVersion, hyperParameters(what, candidate),
                candidate.metrics(), candidate.distributions(), artifact, clock.instant());
    }

    private static NewModelVersion withArtifact(NewModelVersion v, ArtifactFile artifact) {
        return new NewModelVersion(v.type(), v.scope(), v.trainedFrom(), v.trainedTo(), v.features(), v.algorithm(),
                v.smileVersion(), v.hyperParametersJson(), v.metrics(), v.distributions(), artifact, v.createdAt());
    }

    private static String hyperParameters(String what, ModelCandidate candidate) {
        JsonNode tree;
        try {
            tree = JSON.valueToTree(candidate.hyperParameters());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": hyper-parameters cannot be written as JSON: "
                    + e.getMessage(), e);
        }
        if (!tree.isObject()) {
            throw new IllegalArgumentException(what + ": hyper-parameters must be an object (an Options record or"
                    + " Properties), got " + tree.getNodeType());
        }
        return tree.toString();
    }

    /** The Smile version this build carries, recorded so an artifact can be matched with the code that reads it. */
    private static String smileVersion() {
        String version = smile.regression.RandomForest.class.getPackage().getImplementationVersion();
        return version == null ? "unknown (no version in the Smile jar's manifest)" : version;
    }

    private static String figure(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
