package io.hashdesk.drivers.sim;

/**
 * Repeatable randomness: every value is a pure function of (seed, stream, index), so a unit's silicon, its part
 * lifetimes and the jitter on its readings are the same on every run and do not depend on how often it is read or
 * how finely the clock steps.
 */
final class Noise {

    private static final double TWO_PI = 2 * Math.PI;
    /** 2^-53: turns the top 53 bits of a long into a double in [0, 1). */
    private static final double UNIT = 0x1.0p-53;

    private Noise() {
    }

    /** Uniform in [0, 1). */
    static double uniform(long seed, long stream, long index) {
        return (mix(seed ^ mix(stream * 0x9E3779B97F4A7C15L + index)) >>> 11) * UNIT;
    }

    /** Standard normal (Box-Muller over two independent uniforms). */
    static double gaussian(long seed, long stream, long index) {
        double u1 = Math.max(uniform(seed, stream, 2 * index), Double.MIN_NORMAL);
        double u2 = uniform(seed, stream, 2 * index + 1);
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(TWO_PI * u2);
    }

    /** Weibull-distributed value with this mean and shape. */
    static double weibull(long seed, long stream, long index, double mean, double shape) {
        double u = Math.max(uniform(seed, stream, index), Double.MIN_NORMAL);
        double scale = mean / gamma(1 + 1 / shape);
        return scale * Math.pow(-Math.log(u), 1 / shape);
    }

    /** Exponentially distributed value with this mean. */
    static double exponential(long seed, long stream, long index, double mean) {
        return -mean * Math.log(Math.max(uniform(seed, stream, index), Double.MIN_NORMAL));
    }

    /** SplitMix64 finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Lanczos approximation of the gamma function, ample for Weibull scale factors. */
    private static double gamma(double x) {
        double[] g = {676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
        double y = x - 1;
        double sum = 0.99999999999980993;
        for (int i = 0; i < g.length; i++) {
            sum += g[i] / (y + i + 1);
        }
        double t = y + g.length - 0.5;
        return Math.sqrt(TWO_PI) * Math.pow(t, y + 0.5) * Math.exp(-t) * sum;
    }
}
