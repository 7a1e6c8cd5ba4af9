package io.hashdesk.ml.thermal;

import java.time.Instant;
import java.util.Objects;

/**
 * Everything a fitted {@link ThermalModel} is, as plain data: what the registry stores as a JSON artifact
 * ({@code ModelArtifact.json(model.state())}) and {@link ThermalModel#restore} turns back into the same model.
 *
 * @param parameters         the fitted physics
 * @param errors             the out-of-sample error quantiles intervals are built from
 * @param airflowFromRpm     whether airflow was measured from fan rpm rather than duty
 * @param airflowPerDuty     airflow per duty at the end of training relative to the training window
 * @param minAirflowFraction the airflow floor the fit used
 * @param samples            usable samples fitted
 * @param trainedFrom        the first fitted sample's time
 * @param trainedTo          the last fitted sample's time
 * @param trainingRmseC      one-step RMSE on the training samples
 * @param priorScope         the per-model prior's scope, or {@code null} when the fit used its own data alone
 */
public record ThermalModelState(ThermalParameters parameters, PredictionErrors errors, boolean airflowFromRpm,
                                double airflowPerDuty, double minAirflowFraction, int samples, Instant trainedFrom,
                                Instant trainedTo, double trainingRmseC, String priorScope) {

    public ThermalModelState {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(errors, "errors");
        Objects.requireNonNull(trainedFrom, "trainedFrom");
        Objects.requireNonNull(trainedTo, "trainedTo");
        if (!(airflowPerDuty > 0) || !(minAirflowFraction > 0 && minAirflowFraction < 1) || samples < 1
                || !(trainingRmseC >= 0) || trainedTo.isBefore(trainedFrom)) {
            throw new IllegalArgumentException("thermal model state out of range: airflow per duty " + airflowPerDuty
                    + ", airflow floor " + minAirflowFraction + ", " + samples + " samples, training RMSE "
                    + trainingRmseC + " °C, trained " + trainedFrom + " to " + trainedTo);
        }
    }
}
