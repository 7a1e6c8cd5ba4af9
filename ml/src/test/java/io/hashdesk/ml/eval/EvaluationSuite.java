package io.hashdesk.ml.eval;

import io.hashdesk.ml.optimiser.PowerOptimizerEvaluation;
import io.hashdesk.ml.registry.RegistryEvaluation;
import java.util.List;

/** Every model evaluation, in the order docs/ML-EVALUATION.md shows them. */
final class EvaluationSuite {

    private EvaluationSuite() {
    }

    static List<ModelEvaluation> all() {
        return List.of(new PowerOptimizerEvaluation(), new RegistryEvaluation());
    }
}
