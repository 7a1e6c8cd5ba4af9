package io.hashdesk.core.reco;

/**
 * Turns a predicted gain's interval into a model confidence: the probability that the gain is really positive, taking
 * the interval as a 90 % normal interval ({@code σ = width / 3.29}), scaled by the share of the data the prediction
 * could rest on. The track record then adjusts it per type.
 */
final class IntervalConfidence {

    /** Half-width of a 90 % normal interval in standard deviations, times two. */
    private static final double NINETY_PERCENT_WIDTH_IN_SIGMAS = 2 * 1.6449;
    /** Nothing predicted is certain: even an exact-looking figure rests on a market that moves. */
    private static final double CEILING = 0.99;

    private IntervalConfidence() {
    }

    /**
     * @param gain     the predicted gain with its interval
     * @param coverage share of what the prediction needed that was measured rather than assumed, 0–1
     */
    static double of(Estimate gain, double coverage) {
        double sigma = gain.width() / NINETY_PERCENT_WIDTH_IN_SIGMAS;
        double positive = sigma == 0 ? (gain.mean() > 0 ? 1 : 0) : normalCdf(gain.mean() / sigma);
        return Math.clamp(Math.min(CEILING, positive) * Math.clamp(coverage, 0.0, 1.0), 0.0, 1.0);
    }

    /** The type's track record applied to a model confidence, kept within 0–1 whatever the record returns. */
    static double shown(TrackRecord record, RecommendationType type, double modelConfidence) {
        return Math.clamp(record.confidence(type, modelConfidence), 0.0, 1.0);
    }

    /** Standard normal CDF by the Abramowitz–Stegun 7.1.26 erf approximation (error below 1.5e-7). */
    static double normalCdf(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        double erf = 1 - poly * Math.exp(-x * x);
        return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
    }
}
