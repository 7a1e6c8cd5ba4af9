package io.hashdesk.drivers.vnish;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hashdesk.drivers.api.FanMode;
import io.hashdesk.drivers.api.FanSettings;
import io.hashdesk.drivers.api.ManualClocks;
import io.hashdesk.drivers.api.PoolSetting;
import io.hashdesk.drivers.api.PowerPreset;
import io.hashdesk.drivers.api.SettingsChange;
import java.util.List;

/**
 * The {@code POST /settings} body for a change (vnish-api.md §5.2). The firmware merges nested objects, so the body
 * carries only the sub-objects being changed; the pool list is the exception, an array sent whole.
 */
final class SettingsRequest {

    /** Settings voltages are in 10 mV steps: 13.80 V is 1380. */
    static final double STEPS_PER_VOLT = 100.0;
    /** Vnish's spelling of immersion mode in settings (the 1.3.4 summary spells it {@code immersion}). */
    static final String IMMERSION = "immers";

    private SettingsRequest() {
    }

    /**
     * @param presetName the preset to select (already resolved from a power target), or {@code null} for none
     */
    static ObjectNode body(SettingsChange change, String presetName) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode miner = root.putObject("miner");
        if (presetName != null) {
            miner.putObject("overclock").put("preset", presetName);
        }
        if (change.clocks() != null) {
            ObjectNode overclock = miner.putObject("overclock").put("preset", PowerPreset.MANUAL);
            ObjectNode globals = overclock.putObject("globals");
            ManualClocks clocks = change.clocks();
            if (clocks.frequencyMhz() != null) {
                globals.put("freq", clocks.frequencyMhz());
            }
            if (clocks.voltageVolts() != null) {
                globals.put("volt", voltageSteps(clocks.voltageVolts()));
            }
        }
        if (change.fan() != null) {
            putCooling(miner.putObject("cooling"), change.fan());
        }
        if (change.overTempRestartC() != null) {
            miner.putObject("misc").put("restart_temp", change.overTempRestartC());
        }
        if (change.pools() != null) {
            putPools(miner.putArray("pools"), change.pools());
        }
        return root;
    }

    /** Volts to the firmware's 10 mV steps, rounded to the nearest step. */
    static int voltageSteps(double volts) {
        return (int) Math.round(volts * STEPS_PER_VOLT);
    }

    private static void putCooling(ObjectNode cooling, FanSettings fan) {
        ObjectNode mode = cooling.putObject("mode");
        switch (fan.mode()) {
            case FanMode.Auto auto -> mode.put("name", "auto").put("param", auto.targetTempC());
            case FanMode.Manual manual -> mode.put("name", "manual").put("param", manual.dutyPercent());
            case FanMode.Immersion _ -> mode.put("name", IMMERSION);
        }
        if (fan.minDutyPercent() != null) {
            cooling.put("fan_min_duty", fan.minDutyPercent());
        }
        if (fan.minFanCount() != null) {
            cooling.put("fan_min_count", fan.minFanCount());
        }
    }

    /**
     * The pools as Vnish stores them, {@code host:port} without scheme (the safe choice, §5.2), and the unused slots
     * sent empty so that a shorter list really removes the old pools.
     */
    private static void putPools(ArrayNode array, List<PoolSetting> pools) {
        for (PoolSetting pool : pools) {
            array.addObject().put("url", pool.hostAndPort()).put("user", pool.user()).put("pass", pool.password());
        }
        for (int i = pools.size(); i < SettingsChange.MAX_POOLS; i++) {
            array.addObject().put("url", "").put("user", "").put("pass", "");
        }
    }
}
