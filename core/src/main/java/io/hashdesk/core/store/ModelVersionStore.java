package io.hashdesk.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The model registry's records: every trained version with its training window, features, options, held-out metrics
 * and training feature distributions, and which version of each type and scope is champion. Every method runs in one
 * transaction; at most one version per type and scope is ever {@link ModelStatus#CHAMPION}.
 */
public interface ModelVersionStore {

    /** Records a trained version and its feature distributions as a {@link ModelStatus#CANDIDATE}. */
    ModelVersion save(NewModelVersion version);

    Optional<ModelVersion> find(long versionId);

    /** Every version of a type, all scopes, newest first. */
    List<ModelVersion> list(ModelType type);

    /** Every version of a type and scope, newest first. */
    List<ModelVersion> list(ModelType type, ModelScope scope);

    Optional<ModelVersion> champion(ModelType type, ModelScope scope);

    /** The training distributions saved with a version, in its feature order; empty for an unknown version. */
    List<FeatureDistribution> distributions(long versionId);

    /**
     * Makes a candidate the champion of its type and scope and retires the champion it replaces, together.
     *
     * @param expectedChampionId the champion the caller compared against (empty: it saw none); if another version
     *                           has become champion since, nothing changes and {@link IllegalStateException} says so
     * @throws IllegalArgumentException for an unknown version
     * @throws IllegalStateException    if the version is not a candidate, or the champion is not the one expected
     */
    ModelVersion promote(long candidateId, OptionalLong expectedChampionId, String reason, Instant at);

    /**
     * Retires a candidate that will not serve.
     *
     * @throws IllegalArgumentException for an unknown version
     * @throws IllegalStateException    if the version is not a candidate
     */
    ModelVersion retire(long candidateId, String reason, Instant at);

    /**
     * Marks the champion of a type and scope {@link ModelStatus#ROLLED_BACK} and makes the version that was champion
     * before it champion again, together. Returns the restored champion.
     *
     * @throws IllegalStateException if there is no champion, or no earlier champion to return to; nothing changes
     */
    ModelVersion rollBack(ModelType type, ModelScope scope, String reason, Instant at);

    /**
     * Records a drift check of a version and forgets that version's older checks beyond the newest
     * {@code keepPerVersion}.
     *
     * @throws StoreException for a version the store does not hold
     */
    void saveDriftReport(DriftReport report, int keepPerVersion);

    /** A version's recorded drift checks, newest first, at most {@code limit}. */
    List<DriftReport> driftReports(long versionId, int limit);

    /** The artifact path of every version, so files that no version refers to can be told apart. */
    Set<String> artifactPaths();
}
