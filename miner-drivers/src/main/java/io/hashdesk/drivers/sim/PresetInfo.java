package io.hashdesk.drivers.sim;

/**
 * One autotune preset as a unit reports it.
 *
 * @param name             target wall watts as text, or {@code "disabled"} for manual clocks
 * @param pretty           the firmware's label, e.g. {@code "3000 watt ~ 96 TH"}
 * @param tuned            whether this unit has finished autotuning the preset
 * @param tunedFreqMhz     the frequency autotune settled on (0 when untuned)
 * @param tunedVoltageMv   the highest board voltage autotune settled on, in mV (0 when untuned) — the firmware
 *                         writes {@code tune_settings.volt} in mV, ten times the settings unit
 * @param tunedBoardFreqMhz per-board frequency of the tune result (empty when untuned)
 */
public record PresetInfo(String name, String pretty, boolean tuned, int tunedFreqMhz, int tunedVoltageMv,
                         double tunedHashrate, java.util.List<Integer> tunedBoardFreqMhz) {

    public PresetInfo {
        tunedBoardFreqMhz = java.util.List.copyOf(tunedBoardFreqMhz);
    }

    static PresetInfo manual() {
        return new PresetInfo(MinerSettings.MANUAL_PRESET, "Disabled", false, 0, 0, 0, java.util.List.of());
    }
}
