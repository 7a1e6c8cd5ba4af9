package io.hashdesk.ml.optimiser;

/**
 * What the efficiency curve expects a new settled measurement at one setting to read, each figure with its interval.
 * Intervals cover the measurement, not only the curve's uncertainty of the settled value: the measurement noise the
 * curve learned is included, and both are scaled by the curve's calibration (fitted on its own probes, leave one
 * out), so a 90 % interval holds about 90 % of such measurements. The error fraction's central value is the median
 * of its log-normal forecast (the model works on the log of the error rate).
 *
 * @param calibrated false when the curve had neither a model prior nor enough probes to calibrate on
 *                   ({@link EfficiencyCurve#calibrated()}): the intervals are then the processes' own and too narrow
 *                   away from the one or two probes; show them as indicative only
 */
public record CurvePoint(Setting setting, Interval hashrateThs, Interval powerWatts, Interval chipTempC,
                         Interval errorFraction, Interval efficiencyJPerTh, boolean calibrated) {
}
