package io.hashdesk.ml.training;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.maintenance.FailureRiskTraining;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Retrains the fleet's failure predictor ({@link FailureRiskTraining}) on the registered miners whose model the
 * catalog knows (their safe chip temperature is one of its inputs) over the last
 * {@link TrainingSettings#maintenance()} history; checked for drift on the same units' inputs over the recent window.
 */
public final class FailureRiskTrainer implements ModelTrainer {

    private final FailureRiskTraining training;
    private final MinerModelCatalog catalog;
    private final TrainingSettings settings;

    public FailureRiskTrainer(FailureRiskTraining training, MinerModelCatalog catalog, TrainingSettings settings) {
        this.training = training;
        this.catalog = catalog;
        this.settings = settings;
    }

    @Override
    public ModelType type() {
        return ModelType.MAINTENANCE;
    }

    @Override
    public List<ModelScope> scopes(FarmStore store, Instant now) {
        return List.of(ModelScope.fleet());
    }

    @Override
    public TrainingResult train(FarmStore store, ModelScope scope, Instant now, TrainingProgress progress) {
        List<Miner> miners = knownMiners(store);
        if (miners.isEmpty()) {
            return TrainingResult.notEnoughData("no registered miner is of a model in the catalog");
        }
        FailureRiskTraining.Trained trained;
        try {
            trained = training.train(store.telemetry(), miners, now.minus(settings.maintenance().history()), now,
                    settings.maintenance().recent(), progress);
        } catch (IllegalArgumentException e) {
            // with every miner's model known, FailureRiskTraining's way of saying too few failing or healthy units
            return TrainingResult.notEnoughData(e.getMessage());
        }
        return TrainingResult.trained(trained.candidate(), trained.artifact(), "trained on " + miners.size()
                + " miner(s) over the last " + settings.maintenance().history().toDays() + " days");
    }

    @Override
    public Map<String, double[]> recentFeatures(FarmStore store, ModelScope scope, Instant now) {
        List<Miner> miners = knownMiners(store);
        return miners.isEmpty() ? Map.of()
                : training.recentFeatures(store.telemetry(), miners, now.minus(settings.maintenance().recent()), now);
    }

    private List<Miner> knownMiners(FarmStore store) {
        return store.registry().miners().stream().filter(m -> catalog.byId(m.modelId()).isPresent()).toList();
    }
}
