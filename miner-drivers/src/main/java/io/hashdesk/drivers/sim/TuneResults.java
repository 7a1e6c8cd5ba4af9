package io.hashdesk.drivers.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which presets one unit has tuned and what clocks each tune found, and from that the clocks the unit runs for a
 * given overclock setting: manual globals, the tune result, or the model's stock table while untuned or tuning.
 */
final class TuneResults {

    private static final double STEPS_PER_VOLT = 100.0;

    private final PresetTable presets;
    private final double[] boardOffsetsVolts;
    private final Map<String, PresetTable.Clocks> tuned = new HashMap<>();

    TuneResults(PresetTable presets, double[] boardOffsetsVolts) {
        this.presets = presets;
        this.boardOffsetsVolts = boardOffsetsVolts.clone();
    }

    /** Records the autotune result of {@code name}; unknown names (and {@code disabled}) are ignored. */
    void tune(String name) {
        presets.preset(name).ifPresent(p -> tuned.put(p.name(), presets.tune(p, boardOffsetsVolts)));
    }

    void forget(List<String> names) {
        names.forEach(tuned::remove);
    }

    List<String> tunedNames() {
        return List.copyOf(tuned.keySet());
    }

    boolean exists(String name) {
        return MinerSettings.MANUAL_PRESET.equals(name) || presets.preset(name).isPresent();
    }

    /** Whether selecting this overclock makes the firmware autotune first. */
    boolean needsTuning(MinerSettings.Overclock overclock) {
        return !overclock.manual() && presets.preset(overclock.preset()).isPresent()
                && !tuned.containsKey(overclock.preset());
    }

    /** The clocks the chips run for {@code overclock}; {@code tuning} while the autotune is still searching. */
    PresetTable.Clocks clocks(MinerSettings.Overclock overclock, boolean tuning) {
        Optional<PresetTable.Preset> preset = presets.preset(overclock.preset());
        if (overclock.manual() || preset.isEmpty()) {
            double[] volts = new double[boardOffsetsVolts.length];
            java.util.Arrays.fill(volts, overclock.globalVoltage10mV() / STEPS_PER_VOLT);
            return new PresetTable.Clocks(overclock.globalFreqMhz(), volts);
        }
        PresetTable.Clocks result = tuning ? null : tuned.get(preset.get().name());
        return result != null ? result : preset.get().stock();
    }

    /** The model's presets from lowest to highest power: the preset switcher's ladder. */
    List<String> ladder() {
        return presets.ladder();
    }

    /** Every preset the model offers, {@code disabled} first, with this unit's tune state. */
    List<PresetInfo> infos() {
        List<PresetInfo> result = new ArrayList<>();
        result.add(PresetInfo.manual());
        presets.presets().forEach(p -> result.add(info(p)));
        return result;
    }

    PresetInfo info(String name) {
        return presets.preset(name).map(this::info).orElse(PresetInfo.manual());
    }

    private PresetInfo info(PresetTable.Preset preset) {
        return presets.info(preset, tuned.get(preset.name()), boardOffsetsVolts.length);
    }
}
