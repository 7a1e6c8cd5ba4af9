package io.hashdesk.ml.forecast;

import java.io.Serializable;
import java.time.Duration;

/**
 * Walk-forward validation of one horizon: each fold trained only on rows whose outcome was known before the
 * fold's first forecast, then asked about the fold. Errors in USD per PH/s per day.
 *
 * @param rows                        forecasts scored (out of fold)
 * @param mae                         the model's mean absolute error
 * @param baselineMae                 the naive last-value forecast's
 * @param directionalAccuracy         share of forecasts whose predicted direction (up/down) was right
 * @param baselineDirectionalAccuracy the same for "always the direction most common in the training rows"
 * @param intervalCoverage            share of outcomes inside intervals calibrated on earlier folds only
 * @param source                      what forecasts for this horizon use
 * @param reason                      why, in words with the figures
 */
public record HorizonValidation(Duration horizon, int folds, int rows, double mae, double baselineMae,
                                double directionalAccuracy, double baselineDirectionalAccuracy,
                                double intervalCoverage, ForecastSource source, String reason)
        implements Serializable {
}
