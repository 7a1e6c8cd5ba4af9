package io.hashdesk.ml.eval;

import io.hashdesk.ml.anomaly.AnomalyEvaluation;
import io.hashdesk.ml.forecast.ProfitabilityForecastEvaluation;
import io.hashdesk.ml.maintenance.MaintenanceEvaluation;
import io.hashdesk.ml.month.RecommendationEvaluation;
import io.hashdesk.ml.optimiser.PowerOptimizerEvaluation;
import io.hashdesk.ml.registry.RegistryEvaluation;
import io.hashdesk.ml.thermal.ThermalModelEvaluation;
import java.util.List;

/** Every model evaluation, in the order docs/ML-EVALUATION.md shows them. */
final class EvaluationSuite {

    private EvaluationSuite() {
    }

    static List<ModelEvaluation> all() {
        return List.of(new PowerOptimizerEvaluation(), new ThermalModelEvaluation(), new AnomalyEvaluation(),
                new MaintenanceEvaluation(),
                new ProfitabilityForecastEvaluation(), new RegistryEvaluation(), new RecommendationEvaluation());
    }
}
