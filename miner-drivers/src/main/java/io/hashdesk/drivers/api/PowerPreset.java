package io.hashdesk.drivers.api;

import java.util.Objects;

/**
 * One of the firmware's power presets. Vnish names a preset by its target wall power ({@code "3000"}) and keeps one
 * special preset, {@code "disabled"}, meaning manual clocks.
 *
 * @param name                the id the firmware wants back when selecting it
 * @param label               the firmware's description, e.g. {@code 3000 watt ~ 96 Th}
 * @param targetWatts         target wall power; {@code null} for {@code disabled} or a name that is not a number
 * @param expectedHashrateThs hashrate the firmware promises at this preset; {@code null} when its label does not say
 * @param tuned               autotune has finished for this preset (only tuned presets are chosen for a power target)
 * @param moddedPsuRequired   the preset needs the "modded PSU" setting
 */
public record PowerPreset(String name, String label, Integer targetWatts, Double expectedHashrateThs, boolean tuned,
                          boolean moddedPsuRequired) {

    /** Vnish's name for "no preset: the clocks in the settings apply". */
    public static final String MANUAL = "disabled";

    public PowerPreset {
        Objects.requireNonNull(name, "preset name");
    }

    public boolean isManual() {
        return MANUAL.equals(name);
    }
}
