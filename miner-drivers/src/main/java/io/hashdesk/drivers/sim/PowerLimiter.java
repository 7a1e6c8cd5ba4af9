package io.hashdesk.drivers.sim;

import java.time.Instant;

/**
 * The 1.3 firmware's power limit ({@code miner.misc.power_limit} with {@code power_limit_enabled}), as the
 * simulator reads it: a throttle, like {@code /mining/throttle}, that the firmware sets itself so that wall power
 * stays at or under the limit. Every {@link FirmwareLimits#powerLimitCheckSeconds()} of mining it compares power
 * with the limit: above, it throttles in proportion (at least one percent); more than the headroom below while
 * throttled, it gives power back in proportion, which for a power curve with a fixed part never overshoots. It
 * never goes under the firmware's 20 % floor, so an unreachable limit leaves the unit at 20 %. Firmware 1.2.x has
 * neither key, so the limiter never engages there.
 */
final class PowerLimiter {

    static final String LIMIT_KEY = "power_limit";
    static final String ENABLED_KEY = "power_limit_enabled";
    private static final int FULL_POWER_PERCENT = 100;

    private final FirmwareLimits limits;
    private int percent = FULL_POWER_PERCENT;
    private Instant nextCheck;

    PowerLimiter(FirmwareLimits limits) {
        this.limits = limits;
    }

    /** The share of full power the limit allows now (100 when off). */
    int percent() {
        return percent;
    }

    /** The limit in watts when it is on, else 0. */
    static int limitWatts(MinerSettings.Misc misc) {
        Integer limit = misc.numbers().get(LIMIT_KEY);
        return Boolean.TRUE.equals(misc.flags().get(ENABLED_KEY)) && limit != null && limit > 0 ? limit : 0;
    }

    /**
     * Compares the last step's wall power with the limit when a check is due; true when the allowed share changed.
     *
     * @param hashing whether the chips run now; the limiter leaves its setting alone while they do not
     */
    boolean check(Instant now, MinerSettings.Misc misc, boolean hashing, double wallWatts) {
        int limit = limitWatts(misc);
        if (limit == 0) {
            nextCheck = null;
            return set(FULL_POWER_PERCENT);
        }
        if (!hashing || wallWatts <= 0 || (nextCheck != null && now.isBefore(nextCheck))) {
            return false;
        }
        nextCheck = now.plusSeconds(limits.powerLimitCheckSeconds());
        int proportional = (int) Math.floor(percent * limit / wallWatts);
        if (wallWatts > limit) {
            return set(Math.min(percent - 1, proportional));
        }
        if (percent < FULL_POWER_PERCENT && wallWatts < limit * (1 - limits.powerLimitHeadroom())) {
            return set(Math.max(percent, proportional));
        }
        return false;
    }

    private boolean set(int value) {
        int next = Math.clamp(value, SimulatedMiner.MIN_THROTTLE_PERCENT, FULL_POWER_PERCENT);
        boolean changed = next != percent;
        percent = next;
        return changed;
    }
}
