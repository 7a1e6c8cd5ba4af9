package io.hashdesk.drivers.sim;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A model's autotune presets and the clocks they run. A preset is named by its target wall power; the firmware's
 * stock table (what an untuned unit runs) uses the average unit's voltage curve plus a generous margin, while a unit
 * that has tuned a preset runs each board at its own stable voltage plus a small margin, at whatever frequency
 * then meets the power target — so tuning buys hashrate on good silicon.
 */
final class PresetTable {

    private static final int BISECTION_STEPS = 40;
    private static final double TH_PER_GH = 1e-3;

    private final ModelPhysics physics;
    private final List<Preset> presets;
    private final List<String> ladder;

    /**
     * One preset.
     *
     * @param pretty  the firmware's label, e.g. {@code "3000 watt ~ 96 TH"}
     * @param stock   the untuned clocks (same voltage on every board)
     */
    record Preset(String name, int watts, String pretty, Clocks stock) {
    }

    /** Frequency and per-board chain voltage (volts) a preset runs. */
    record Clocks(double freqMhz, double[] voltsPerBoard) {
        double maxVolts() {
            return Arrays.stream(voltsPerBoard).max().orElse(0);
        }
    }

    PresetTable(ModelPhysics physics) {
        this.physics = physics;
        ModelParameters m = physics.spec().parameters();
        double[] average = new double[physics.spec().boards()];
        this.presets = m.presetWatts().stream().map(watts -> {
            Clocks stock = solve(watts, average, physics.common().presetMarginVolts());
            return new Preset(String.valueOf(watts), watts, pretty(watts, stock, m), stock);
        }).toList();
        this.ladder = presets.stream().sorted(java.util.Comparator.comparingInt(Preset::watts)).map(Preset::name)
                .toList();
    }

    /** Preset names from lowest to highest power. */
    List<String> ladder() {
        return ladder;
    }

    List<Preset> presets() {
        return presets;
    }

    Optional<Preset> preset(String name) {
        return presets.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** How a unit reports a preset: with its tune result when {@code tuned} is not null. */
    PresetInfo info(Preset preset, Clocks tuned, int boards) {
        if (tuned == null) {
            return new PresetInfo(preset.name(), preset.pretty(), false, 0, 0, 0, List.of());
        }
        int freq = (int) tuned.freqMhz();
        return new PresetInfo(preset.name(), preset.pretty(), true, freq, ModelPhysics.toMillivolts(tuned.maxVolts()),
                physics.idealHashrate(tuned.freqMhz(), boards * physics.spec().chipsPerBoard()),
                java.util.Collections.nCopies(boards, freq));
    }

    /** The clocks autotune settles on for this unit's boards. */
    Clocks tune(Preset preset, double[] boardOffsetsVolts) {
        return solve(preset.watts(), boardOffsetsVolts, physics.common().tunedMarginVolts());
    }

    /** The frequency at which boards at their offset + margin voltage draw the target wall power. */
    private Clocks solve(int watts, double[] offsets, double marginVolts) {
        ModelParameters m = physics.spec().parameters();
        double low = m.minFreqMhz();
        double high = m.maxFreqMhz();
        for (int i = 0; i < BISECTION_STEPS; i++) {
            double mid = (low + high) / 2;
            if (wallWatts(mid, offsets, marginVolts) > watts) {
                high = mid;
            } else {
                low = mid;
            }
        }
        double freq = Math.floor(low);
        return new Clocks(freq, volts(freq, offsets, marginVolts));
    }

    private double[] volts(double freqMhz, double[] offsets, double marginVolts) {
        double[] volts = new double[offsets.length];
        for (int b = 0; b < offsets.length; b++) {
            volts[b] = physics.settableVolts(physics.stableVolts(freqMhz, offsets[b]) + marginVolts);
        }
        return volts;
    }

    /** Wall power at the reference chip temperature and stock fan duty, the figure the firmware tunes against. */
    private double wallWatts(double freqMhz, double[] offsets, double marginVolts) {
        double[] volts = volts(freqMhz, offsets, marginVolts);
        double boards = 0;
        for (double v : volts) {
            boards += physics.boardDcWatts(v, freqMhz, physics.spec().chipsPerBoard(),
                    physics.common().referenceChipTempC());
        }
        return physics.wallWatts(boards, physics.fanWatts(physics.common().stockFanDutyPercent(),
                physics.spec().fans()));
    }

    private String pretty(int watts, Clocks stock, ModelParameters m) {
        double hashrate = physics.idealHashrate(stock.freqMhz(), physics.spec().boards() * physics.spec().chipsPerBoard());
        String rate = physics.spec().scrypt()
                ? String.format(Locale.ROOT, "%d MH", Math.round(hashrate))
                : String.format(Locale.ROOT, "%d TH", Math.round(hashrate * TH_PER_GH));
        String suffix = watts > m.liquidCoolingAboveWatts() ? " LC" : "";
        return watts + " watt ~ " + rate + suffix;
    }
}
