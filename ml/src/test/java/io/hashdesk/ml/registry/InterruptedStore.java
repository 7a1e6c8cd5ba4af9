package io.hashdesk.ml.registry;

import io.hashdesk.core.store.DriftReport;
import io.hashdesk.core.store.FeatureDistribution;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.core.store.ModelVersion;
import io.hashdesk.core.store.ModelVersionStore;
import io.hashdesk.core.store.NewModelVersion;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** A store that runs {@code beforeSave} (throw, or halt the JVM) when a version is saved, and otherwise delegates. */
final class InterruptedStore implements ModelVersionStore {

    private final ModelVersionStore delegate;
    private final Runnable beforeSave;

    InterruptedStore(ModelVersionStore delegate, Runnable beforeSave) {
        this.delegate = delegate;
        this.beforeSave = beforeSave;
    }

    @Override
    public ModelVersion save(NewModelVersion version) {
        beforeSave.run();
        return delegate.save(version);
    }

    @Override
    public Optional<ModelVersion> find(long versionId) {
        return delegate.find(versionId);
    }

    @Override
    public List<ModelVersion> list(ModelType type) {
        return delegate.list(type);
    }

    @Override
    public List<ModelVersion> list(ModelType type, ModelScope scope) {
        return delegate.list(type, scope);
    }

    @Override
    public Optional<ModelVersion> champion(ModelType type, ModelScope scope) {
        return delegate.champion(type, scope);
    }

    @Override
    public List<FeatureDistribution> distributions(long versionId) {
        return delegate.distributions(versionId);
    }

    @Override
    public ModelVersion promote(long candidateId, OptionalLong expectedChampionId, String reason, Instant at) {
        return delegate.promote(candidateId, expectedChampionId, reason, at);
    }

    @Override
    public ModelVersion retire(long candidateId, String reason, Instant at) {
        return delegate.retire(candidateId, reason, at);
    }

    @Override
    public ModelVersion rollBack(ModelType type, ModelScope scope, String reason, Instant at) {
        return delegate.rollBack(type, scope, reason, at);
    }

    @Override
    public void saveDriftReport(DriftReport report, int keepPerVersion) {
        delegate.saveDriftReport(report, keepPerVersion);
    }

    @Override
    public List<DriftReport> driftReports(long versionId, int limit) {
        return delegate.driftReports(versionId, limit);
    }

    @Override
    public Set<String> artifactPaths() {
        return delegate.artifactPaths();
    }
}
