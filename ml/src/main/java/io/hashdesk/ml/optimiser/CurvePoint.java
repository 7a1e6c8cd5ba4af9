package io.hashdesk.ml.optimiser;

/**
 * What the efficiency curve expects of one setting, each figure with its interval. The error fraction's central
 * value is the median of its log-normal forecast (the model works on the log of the error rate).
 */
public record CurvePoint(Setting setting, Interval hashrateThs, Interval powerWatts, Interval chipTempC,
                         Interval errorFraction, Interval efficiencyJPerTh) {
}
