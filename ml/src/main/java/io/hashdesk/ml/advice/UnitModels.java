package io.hashdesk.ml.advice;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.core.store.ModelVersion;
import io.hashdesk.ml.optimiser.EfficiencyCurve;
import io.hashdesk.ml.registry.LoadedModel;
import io.hashdesk.ml.registry.ModelArtifactException;
import io.hashdesk.ml.thermal.ThermalModel;
import io.hashdesk.ml.thermal.ThermalModelSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-miner-model champions a unit's evidence needs, each restored once per pass: the efficiency curve, and the
 * thermal model set with the oldest retained set beside it (the baseline the rise of a unit's resistance is measured
 * from).
 */
final class UnitModels {

    private static final Logger LOG = LoggerFactory.getLogger(UnitModels.class);

    /** A unit's thermal model with its baseline (null when there is none older) and the champion's version. */
    record UnitThermal(ThermalModel model, ThermalModel baseline, String version) {
    }

    private record ThermalSets(ThermalModelSet champion, ThermalModelSet baseline, String version) {
    }

    private final Champions champions;
    private final Map<String, Optional<SettingProposals.Curve>> curves = new ConcurrentHashMap<>();
    private final Map<String, Optional<ThermalSets>> thermalSets = new ConcurrentHashMap<>();

    UnitModels(Champions champions) {
        this.champions = champions;
    }

    Optional<SettingProposals.Curve> curve(String modelId) {
        return curves.computeIfAbsent(modelId, id -> champions.of(ModelType.EFFICIENCY_CURVE,
                ModelScope.minerModel(id), EfficiencyCurve.State.class).flatMap(UnitModels::restore));
    }

    Optional<UnitThermal> thermal(Miner miner) {
        return thermalSets.computeIfAbsent(miner.modelId(), this::thermalSets).flatMap(sets ->
                sets.champion().unit(miner.id()).map(unit -> new UnitThermal(unit,
                        sets.baseline() == null ? null : sets.baseline().unit(miner.id()).orElse(null),
                        sets.version())));
    }

    private static Optional<SettingProposals.Curve> restore(LoadedModel<EfficiencyCurve.State> loaded) {
        try {
            return Optional.of(new SettingProposals.Curve(EfficiencyCurve.restore(loaded.model()),
                    Champions.versionOf(loaded.version())));
        } catch (IllegalArgumentException e) {
            LOG.warn("The efficiency curve {} could not be restored, so it proposes nothing: {}",
                    loaded.version().label(), e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<ThermalSets> thermalSets(String modelId) {
        ModelScope scope = ModelScope.minerModel(modelId);
        return champions.of(ModelType.THERMAL, scope, ThermalModelSet.class).map(loaded ->
                new ThermalSets(loaded.model(), baseline(scope, loaded.version()),
                        Champions.versionOf(loaded.version())));
    }

    /** The oldest retained version's set, or null when the champion is the oldest or the older one is unreadable. */
    private ThermalModelSet baseline(ModelScope scope, ModelVersion champion) {
        List<ModelVersion> versions = champions.registry().versions(ModelType.THERMAL, scope);
        ModelVersion oldest = versions.getLast();
        if (oldest.id() == champion.id()) {
            return null;
        }
        try {
            return champions.registry().load(oldest, ThermalModelSet.class);
        } catch (ModelArtifactException e) {
            LOG.warn("The thermal model {} could not be loaded as a baseline; resistance rise is measured within the"
                    + " champion's own window instead: {}", oldest.label(), e.getMessage());
            return null;
        }
    }
}
