package io.hashdesk.drivers.sim;

/**
 * How much a simulated firmware keeps, and how often its power limiter looks: the metric sample rings behind
 * {@code /metrics}, the lines per log behind {@code /logs/{type}}, the chart annotations, the notes and API keys it
 * stores, and the limiter's period. The {@code common.firmwareLimits} block of {@code sim-models.json}. Every
 * per-miner buffer is bounded by these figures, so that ten thousand simulated miners stay small.
 *
 * @param metricsFineStepSeconds     period of the fine metric samples (the recent past)
 * @param metricsFineSamples         how many fine samples a unit keeps
 * @param metricsCoarseStepSeconds   period of the coarse metric samples (the whole window the firmware serves)
 * @param metricsCoarseSamples       how many coarse samples a unit keeps
 * @param metricsDefaultSliceSeconds {@code /metrics} window without {@code time_slice} (the firmware's one day)
 * @param metricsMaxSliceSeconds     the firmware's longest {@code time_slice} (three days)
 * @param metricsDefaultStepSeconds  {@code /metrics} resample step without {@code step} (the firmware's 15 minutes)
 * @param annotations                chart annotations (start, stop, reboot...) a unit keeps
 * @param logLines                   lines each log keeps; the oldest go first
 * @param notes                      notes a unit stores before answering 507
 * @param noteChars                  longest note value accepted
 * @param apiKeys                    API keys a unit stores
 * @param powerLimitCheckSeconds     how often the 1.3 power limiter compares power with the limit
 * @param powerLimitHeadroom         share under the limit below which the limiter gives power back
 */
public record FirmwareLimits(int metricsFineStepSeconds, int metricsFineSamples, int metricsCoarseStepSeconds,
                             int metricsCoarseSamples, int metricsDefaultSliceSeconds, int metricsMaxSliceSeconds,
                             int metricsDefaultStepSeconds, int annotations, int logLines, int notes, int noteChars,
                             int apiKeys, int powerLimitCheckSeconds, double powerLimitHeadroom) {

    public FirmwareLimits {
        ModelParameters.require(metricsFineStepSeconds > 0 && metricsFineSamples > 0 && metricsCoarseSamples > 0,
                "common.firmwareLimits: metric sample periods and counts must be positive");
        ModelParameters.require(metricsCoarseStepSeconds > metricsFineStepSeconds
                        && metricsCoarseStepSeconds % metricsFineStepSeconds == 0,
                "common.firmwareLimits.metricsCoarseStepSeconds must be a multiple of metricsFineStepSeconds");
        ModelParameters.require(metricsDefaultSliceSeconds > 0 && metricsDefaultSliceSeconds <= metricsMaxSliceSeconds,
                "common.firmwareLimits.metricsDefaultSliceSeconds must be within 1..metricsMaxSliceSeconds");
        ModelParameters.require(metricsDefaultStepSeconds > 0, "common.firmwareLimits.metricsDefaultStepSeconds must"
                + " be positive");
        ModelParameters.require(annotations > 0 && logLines > 0 && notes > 0 && noteChars > 0 && apiKeys > 0,
                "common.firmwareLimits: annotations, logLines, notes, noteChars and apiKeys must be positive");
        ModelParameters.require(powerLimitCheckSeconds > 0 && powerLimitHeadroom > 0 && powerLimitHeadroom < 1,
                "common.firmwareLimits: powerLimitCheckSeconds must be positive and powerLimitHeadroom in (0, 1)");
    }
}
