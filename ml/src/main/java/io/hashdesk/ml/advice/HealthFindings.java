package io.hashdesk.ml.advice;

import io.hashdesk.core.reco.AnomalyFinding;
import io.hashdesk.core.reco.FailureOutlook;
import io.hashdesk.ml.anomaly.Anomaly;
import io.hashdesk.ml.anomaly.AnomalyDetector;
import io.hashdesk.ml.features.FeatureTable;
import io.hashdesk.ml.maintenance.FailureRisk;
import io.hashdesk.ml.maintenance.FailureRiskModel;
import io.hashdesk.ml.maintenance.FeatureRow;
import io.hashdesk.ml.maintenance.WarningSign;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The failure predictor's and the anomaly detector's findings, in the engine's terms and in words. */
final class HealthFindings {

    private HealthFindings() {
    }

    /**
     * Every unit at or above {@code minProbability}, each explained (its warning signs worked out): the fleet pass
     * explains only the riskiest alarmed units, and an outlook without its signs is no use to a technician.
     */
    static List<FailureOutlook> failures(FailureRiskModel model, List<FeatureRow> rows, double minProbability,
                                         String version) {
        List<FailureOutlook> out = new ArrayList<>();
        double[] probabilities = model.probabilities(rows);
        for (int i = 0; i < rows.size(); i++) {
            if (probabilities[i] >= minProbability) {
                FailureRisk risk = model.assess(rows.get(i));
                out.add(new FailureOutlook(risk.miner(), risk.probability(), risk.horizon(), risk.likelyKind().name(),
                        risk.warningSigns().stream().map(WarningSign::describe).toList(), version));
            }
        }
        return out;
    }

    /** The units the detector flags, strangest first. */
    static List<AnomalyFinding> anomalies(AnomalyDetector detector, FeatureTable table, String version) {
        List<AnomalyFinding> out = new ArrayList<>();
        for (Anomaly a : detector.anomalies(table)) {
            out.add(new AnomalyFinding(a.miner(), Math.clamp(a.forestScore(), 0, 1),
                    a.reasons().stream().map(HealthFindings::describe).toList(), version));
        }
        return out;
    }

    /** "CHIP_TEMP_VS_PEERS 9.2 °C (typical 0.4, robust z 6.1)". */
    private static String describe(Anomaly.Reason reason) {
        return String.format(Locale.ROOT, "%s %.4g %s (typical %.4g, robust z %.1f)", reason.feature().name(),
                reason.value(), reason.feature().unit(), reason.reference(), reason.robustZ());
    }
}
