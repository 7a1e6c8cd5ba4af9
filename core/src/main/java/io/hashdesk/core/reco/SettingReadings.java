package io.hashdesk.core.reco;

import io.hashdesk.core.action.SettingValues;
import io.hashdesk.core.store.SeriesPoint;
import java.util.function.Predicate;

/**
 * Which stored five-minute readings show a miner running a setting, so an outcome compares the setting a change left
 * with the one it brought, and not readings of something else: an operator's own trial, a change made on the miner's
 * web page, or the change's own intermediate steps. A setting is recognised by what telemetry reports of it — the
 * preset's name, or the clocks (frequency and voltage) — and a setting telemetry does not show (a power target, fan
 * or pause settings) accepts every reading.
 */
final class SettingReadings {

    /** Half a megahertz: the clocks telemetry reports are whole MHz; a bucket that averages two settings is between. */
    private static final double FREQUENCY_TOLERANCE_MHZ = 0.5;
    /** Half a voltage step of the firmware (10 mV). */
    private static final double VOLTAGE_TOLERANCE_VOLTS = 0.005;

    private SettingReadings() {
    }

    static Predicate<SeriesPoint> at(SettingValues setting) {
        if (setting == null) {
            return p -> true;
        }
        if (setting.preset() != null) {
            return p -> setting.preset().equals(p.preset());
        }
        if (setting.frequencyMhz() != null) {
            return p -> p.frequencyMhz() != null
                    && Math.abs(p.frequencyMhz() - setting.frequencyMhz()) <= FREQUENCY_TOLERANCE_MHZ
                    && (setting.voltageVolts() == null || p.voltageVolts() != null
                    && Math.abs(p.voltageVolts() - setting.voltageVolts()) <= VOLTAGE_TOLERANCE_VOLTS);
        }
        return p -> true;
    }
}
