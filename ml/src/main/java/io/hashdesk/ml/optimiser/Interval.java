package io.hashdesk.ml.optimiser;

/**
 * A forecast with its uncertainty: the mean and a central interval at the level the optimiser's options name.
 *
 * @param sd standard deviation of the forecast (the model's, not a constant)
 */
public record Interval(double mean, double low, double high, double sd) {

    static Interval of(double mean, double sd, double z) {
        return new Interval(mean, mean - z * sd, mean + z * sd, sd);
    }

    public double width() {
        return high - low;
    }
}
