package io.hashdesk.core.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Whether a miner runs what was asked: every part set in the asked settings compared with what the miner reports,
 * within the read-back tolerances (firmware rounds voltages and meets a power target with a preset at or below it).
 * Pool passwords are not compared: the journal never holds them and firmware may not report them.
 */
final class SettingMatch {

    private static final String STRATUM_PREFIX = "stratum+tcp://";
    private static final double EPSILON = 1e-9;

    private SettingMatch() {
    }

    /** One sentence per part of {@code asked} that {@code actual} does not match; empty when all match. */
    static List<String> differences(SettingValues asked, SettingValues actual,
                                    ActionSettings.ReadBackTolerances tolerances) {
        List<String> out = new ArrayList<>();
        if (asked.preset() != null && (actual.preset() == null || !asked.preset().equalsIgnoreCase(actual.preset()))) {
            out.add(differs("preset", asked.preset(), actual.preset(), ""));
        }
        if (asked.powerTargetWatts() != null && !powerMet(asked.powerTargetWatts(), actual.powerTargetWatts(),
                tolerances.powerTargetWatts())) {
            out.add(differs("power target", asked.powerTargetWatts(), actual.powerTargetWatts(), " W"));
        }
        if (asked.frequencyMhz() != null && !near(asked.frequencyMhz(), actual.frequencyMhz(),
                tolerances.frequencyMhz())) {
            out.add(differs("frequency", asked.frequencyMhz(), actual.frequencyMhz(), " MHz"));
        }
        if (asked.voltageVolts() != null && !near(asked.voltageVolts(), actual.voltageVolts(),
                tolerances.voltageVolts())) {
            out.add(differs("voltage", asked.voltageVolts(), actual.voltageVolts(), " V"));
        }
        compareExactly(out, "target temperature", asked.targetTempC(), actual.targetTempC(), " °C");
        compareExactly(out, "fan minimum", asked.fanMinDutyPercent(), actual.fanMinDutyPercent(), " %");
        compareExactly(out, "throttle", asked.throttlePercent(), actual.throttlePercent(), " %");
        compareExactly(out, "mining paused", asked.miningPaused(), actual.miningPaused(), "");
        if (asked.pools() != null && !samePools(asked.pools(), actual.pools())) {
            out.add("pools read back as " + describe(actual.pools()) + ", asked " + describe(asked.pools()));
        }
        return List.copyOf(out);
    }

    /** True when {@code actual} matches every part {@code asked} sets. */
    static boolean matches(SettingValues asked, SettingValues actual, ActionSettings.ReadBackTolerances tolerances) {
        return differences(asked, actual, tolerances).isEmpty();
    }

    private static boolean powerMet(int asked, Integer actual, int tolerance) {
        return actual != null && actual <= asked && actual >= asked - tolerance;
    }

    private static boolean near(Number asked, Number actual, double tolerance) {
        return actual != null && Math.abs(asked.doubleValue() - actual.doubleValue()) <= tolerance + EPSILON;
    }

    private static void compareExactly(List<String> out, String what, Object asked, Object actual, String unit) {
        if (asked != null && !asked.equals(actual)) {
            out.add(differs(what, asked, actual, unit));
        }
    }

    private static String differs(String what, Object asked, Object actual, String unit) {
        return what + " read back as " + (actual == null ? "nothing" : actual + unit) + ", asked " + asked + unit;
    }

    private static boolean samePools(List<PoolTarget> asked, List<PoolTarget> actual) {
        if (actual == null || actual.size() != asked.size()) {
            return false;
        }
        for (int i = 0; i < asked.size(); i++) {
            if (!url(asked.get(i)).equals(url(actual.get(i)))
                    || !Objects.equals(asked.get(i).user().strip(), actual.get(i).user().strip())) {
                return false;
            }
        }
        return true;
    }

    private static String url(PoolTarget pool) {
        String url = pool.url().strip().toLowerCase(Locale.ROOT);
        return url.startsWith(STRATUM_PREFIX) ? url.substring(STRATUM_PREFIX.length()) : url;
    }

    private static String describe(List<PoolTarget> pools) {
        return pools == null ? "nothing" : pools.stream().map(p -> p.url() + " as " + p.user()).toList().toString();
    }
}
