package io.hashdesk.drivers.sim;

import java.time.Duration;
import java.time.Instant;

/**
 * A unit's fans. Each fan has an install time and a lifetime drawn from the unit's seed; as it ages its speed sags
 * (slowly at first, steeply near the end), and at the end of its life it stops: rpm 0, status {@code lost}. The
 * duty the fans run at follows the cooling setting with a short spin-up lag.
 */
final class FanBank {

    private static final long LIFE_STREAM = 21;
    private static final long RPM_STREAM = 22;
    /** Each replacement of a fan draws its lifetime from a fresh noise index. */
    private static final long REPLACEMENT_STRIDE = 64;
    private static final double SECONDS_PER_DAY = 86_400;
    private static final double PERCENT = 100.0;
    /** Fans never run exactly in step; ±1 % keeps four healthy fans from printing identical rpm. */
    private static final double RPM_JITTER = 0.01;

    private final long seed;
    private final SimulationParameters common;
    private final int maxRpm;
    private final Instant[] installedAt;
    private final double[] lifeDays;
    /** When a fan was made to fail by a fault, else null. */
    private final Instant[] forcedLostAt;
    private final int[] replacements;
    private double dutyPercent;

    FanBank(long seed, SimulationParameters common, int fans, int maxRpm, Instant now, double ageDays) {
        this.seed = seed;
        this.common = common;
        this.maxRpm = maxRpm;
        this.installedAt = new Instant[fans];
        this.lifeDays = new double[fans];
        this.forcedLostAt = new Instant[fans];
        this.replacements = new int[fans];
        for (int i = 0; i < fans; i++) {
            // Fans that wore out during the unit's life were replaced: walk the replacements up to today.
            double age = ageDays;
            lifeDays[i] = drawLife(i);
            while (lifeDays[i] <= age) {
                age -= lifeDays[i];
                replacements[i]++;
                lifeDays[i] = drawLife(i);
            }
            installedAt[i] = now.minus(days(age));
        }
        this.dutyPercent = common.stockFanDutyPercent();
    }

    int count() {
        return installedAt.length;
    }

    int maxRpm() {
        return maxRpm;
    }

    double dutyPercent() {
        return dutyPercent;
    }

    /** Makes fan {@code index} fail {@code inDays} after {@code now}, already worn accordingly. */
    void wearOut(int index, Instant now, double inDays) {
        double life = Math.max(lifeDays[index], inDays);
        lifeDays[index] = life;
        installedAt[index] = now.minus(days(life - inDays));
    }

    void forceLost(int index, Instant now) {
        if (forcedLostAt[index] == null) {
            forcedLostAt[index] = now;
        }
    }

    /** A technician swaps the fan for a new one. */
    void replace(int index, Instant now) {
        forcedLostAt[index] = null;
        replacements[index]++;
        lifeDays[index] = drawLife(index);
        installedAt[index] = now;
    }

    Instant failsAt(int index) {
        Instant wornOut = installedAt[index].plus(days(lifeDays[index]));
        return forcedLostAt[index] != null && forcedLostAt[index].isBefore(wornOut) ? forcedLostAt[index] : wornOut;
    }

    boolean lost(int index, Instant now) {
        return !now.isBefore(failsAt(index));
    }

    int working(Instant now) {
        int working = 0;
        for (int i = 0; i < count(); i++) {
            working += lost(i, now) ? 0 : 1;
        }
        return working;
    }

    /** Speed of a healthy fan at full duty relative to new, 0 for a lost fan. */
    double wear(int index, Instant now) {
        if (lost(index, now)) {
            return 0;
        }
        double ageShare = secondsBetween(installedAt[index], now) / (lifeDays[index] * SECONDS_PER_DAY);
        return 1 - common.fanSagAtEndOfLife() * Math.pow(Math.clamp(ageShare, 0, 1), common.fanSagExponent());
    }

    /** Airflow share the fans give at 100 % duty. */
    double airflowPerDuty(Instant now) {
        double sum = 0;
        for (int i = 0; i < count(); i++) {
            sum += wear(i, now);
        }
        return count() == 0 ? 0 : sum / count();
    }

    /** Moves the duty towards what the cooling mode asks for. */
    void follow(double targetDutyPercent, double dtSeconds) {
        double blend = 1 - Math.exp(-dtSeconds / common.fanDutyLagSeconds());
        dutyPercent += (targetDutyPercent - dutyPercent) * blend;
    }

    int rpm(int index, Instant now) {
        double jitter = 1 + RPM_JITTER * (Noise.uniform(seed, RPM_STREAM + index, now.getEpochSecond()) - 0.5);
        return (int) Math.round(maxRpm * dutyPercent / PERCENT * wear(index, now) * jitter);
    }

    double powerWatts(ModelPhysics physics, Instant now) {
        return physics.fanWatts(dutyPercent, working(now));
    }

    private double drawLife(int index) {
        return Noise.weibull(seed, LIFE_STREAM, index * REPLACEMENT_STRIDE + replacements[index],
                common.fanMeanLifeDays(), common.fanWeibullShape());
    }

    static Duration days(double days) {
        return Duration.ofMillis(Math.round(days * SECONDS_PER_DAY * 1000));
    }

    static double secondsBetween(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
