package io.hashdesk.drivers.sim;

import java.time.Duration;
import java.time.Instant;

/**
 * One hashboard's physical state: chip and PCB temperature (with thermal lag), its failure time, its hardware
 * error count and what it did in the last step. In the last days before it fails a board shows it coming: its error
 * rate climbs and a few chips stop answering.
 */
final class Hashboard {

    private static final double SECONDS_PER_DAY = 86_400;
    private static final long LIFE_STREAM = 51;
    private static final long REPLACEMENT_STRIDE = 64;
    /** Share of a board's chips that go dark at the very end of its precursor phase. */
    private static final double DEAD_CHIP_SHARE_AT_FAILURE = 0.05;

    private final int index;
    private final int chips;
    private Instant failsAt;
    private boolean forcedFailure;
    private int replacements;
    private double chipTempC;
    private double hwErrors;
    private Step last = Step.idle(0, 0);

    /** What the board did in the last step; hashrates in the model's unit, power in DC watts. */
    record Step(double freqMhz, double volts, double dcWatts, double idealHashrate, double hashrate,
                double errorFraction, int workingChips) {
        static Step idle(double freqMhz, double volts) {
            return new Step(freqMhz, volts, 0, 0, 0, 0, 0);
        }
    }

    Hashboard(int index, int chips, double ambientC, Instant failsAt) {
        this.index = index;
        this.chips = chips;
        this.chipTempC = ambientC;
        this.failsAt = failsAt;
    }

    int index() {
        return index;
    }

    int chips() {
        return chips;
    }

    Instant failsAt() {
        return failsAt;
    }

    void failAt(Instant when) {
        failsAt = when;
    }

    void forceFailure(Instant now) {
        forcedFailure = true;
        if (now.isBefore(failsAt)) {
            failsAt = now;
        }
    }

    /** A replaced board: a fresh lifetime from now, no errors carried over. */
    void replace(Instant now, long seed, SimulationParameters common) {
        forcedFailure = false;
        replacements++;
        failsAt = lifeEnd(seed, index, replacements, now, common);
        hwErrors = 0;
    }

    /** When a board installed at {@code from} fails: exponential lifetime (failures strike at random, not by age). */
    static Instant lifeEnd(long seed, int index, int replacement, Instant from, SimulationParameters common) {
        double days = Noise.exponential(seed, LIFE_STREAM, index * REPLACEMENT_STRIDE + replacement,
                common.boardMeanLifeDays());
        return from.plus(FanBank.days(days));
    }

    boolean failed(Instant now) {
        return forcedFailure || !now.isBefore(failsAt);
    }

    /** 0 far from failure, rising to 1 at the failure time over the precursor window. */
    double precursor(Instant now, double precursorDays) {
        if (failed(now)) {
            return 1;
        }
        double daysLeft = Duration.between(now, failsAt).toMillis() / 1000.0 / SECONDS_PER_DAY;
        return Math.clamp(1 - daysLeft / precursorDays, 0, 1);
    }

    /** Chips still answering, given how close the board is to failing. */
    int workingChips(Instant now, double precursorDays) {
        if (failed(now)) {
            return 0;
        }
        double share = precursor(now, precursorDays);
        return chips - (int) Math.floor(share * share * DEAD_CHIP_SHARE_AT_FAILURE * chips);
    }

    double chipTempC() {
        return chipTempC;
    }

    /** First-order lag towards the temperature the current power and cooling would settle at. */
    void relaxTemperature(double targetC, double dtSeconds, double lagSeconds) {
        chipTempC += (targetC - chipTempC) * (1 - Math.exp(-dtSeconds / lagSeconds));
    }

    void addHwErrors(double errors) {
        hwErrors += errors;
    }

    long hwErrors() {
        return (long) hwErrors;
    }

    Step last() {
        return last;
    }

    void record(Step step) {
        last = step;
    }
}
