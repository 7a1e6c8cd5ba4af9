package io.hashdesk.ml.maintenance;

import java.io.Serializable;
import java.util.List;

/**
 * The speed at which fans stopped in the training history, and from it the {@link MaintenanceFeature#DAYS_TO_FAN_STOP}
 * of a row: how many days the slowest fan, slowing on its trend, takes to get there. A level of the fan alone says
 * little (a fan at 85 % of a new one may turn for a year); the days to the level at which fans were seen to stop say
 * when. The level is learned, not assumed: the median of the slowest fan's speed against a near-new peer fan over the
 * last day before each fan failure in the training samples.
 *
 * @param level             the learned speed; NaN when training saw no fan stop, and then every row reads the cap
 * @param projectionDays    how far ahead {@link MaintenanceFeature#PROJECTED_SLOWEST_FAN_VS_PEERS} projects
 * @param maxProjectionDays the cap, which also stands for a fan that is not slowing towards the level
 */
record FanStopLevel(double level, double projectionDays, double maxProjectionDays) implements Serializable {

    /** Samples this close to a fan failure show the speed it stopped at. */
    private static final double LAST_DAY = 1;

    static FanStopLevel learn(List<TrainingSample> samples, MaintenanceSettings settings) {
        double[] last = samples.stream()
                .filter(s -> s.failureKind() == FailureKind.FAN && s.daysToFailure() <= LAST_DAY)
                .mapToDouble(s -> s.row().value(MaintenanceFeature.SLOWEST_FAN_VS_PEERS)).toArray();
        return new FanStopLevel(FailureDetector.median(last), MaintenanceFeatures.projectionDays(settings),
                settings.maxProjectionDays());
    }

    /** The row's values with {@link MaintenanceFeature#DAYS_TO_FAN_STOP} filled in: the model's input vector. */
    double[] complete(double[] values) {
        double[] x = values.clone();
        x[MaintenanceFeature.DAYS_TO_FAN_STOP.ordinal()] = daysToStop(values);
        return x;
    }

    private double daysToStop(double[] values) {
        double now = values[MaintenanceFeature.SLOWEST_FAN_VS_PEERS.ordinal()];
        double projected = values[MaintenanceFeature.PROJECTED_SLOWEST_FAN_VS_PEERS.ordinal()];
        if (Double.isNaN(level)) {
            return maxProjectionDays;
        }
        double margin = now - level;
        if (margin <= 0) {
            return 0;
        }
        double fallPerDay = (now - projected) / projectionDays;
        // Only a fall that reaches the level within the cap is divided by: never by zero.
        return fallPerDay * maxProjectionDays > margin ? margin / fallPerDay : maxProjectionDays;
    }
}
