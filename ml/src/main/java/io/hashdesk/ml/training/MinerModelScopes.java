package io.hashdesk.ml.training;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.core.store.ModelScope;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/** The per-miner-model scopes of the families that keep one model per miner model, and the units in each. */
final class MinerModelScopes {

    private MinerModelScopes() {
    }

    /** One scope per miner model that has registered miners and passes {@code trainable}, sorted by model id. */
    static List<ModelScope> of(FarmStore store, Predicate<String> trainable) {
        return store.registry().miners().stream().map(Miner::modelId).distinct().filter(trainable).sorted()
                .map(ModelScope::minerModel).toList();
    }

    /** The registered miners of the scope's miner model. */
    static List<Miner> unitsOf(FarmStore store, ModelScope scope) {
        if (scope.kind() != ModelScope.Kind.MINER_MODEL) {
            throw new IllegalArgumentException("expected a miner-model scope, got " + scope);
        }
        return store.registry().miners().stream().filter(m -> Objects.equals(m.modelId(), scope.key())).toList();
    }
}
