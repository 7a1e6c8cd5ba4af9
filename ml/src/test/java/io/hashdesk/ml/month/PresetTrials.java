package io.hashdesk.ml.month;

import io.hashdesk.drivers.sim.MinerSettings;
import io.hashdesk.drivers.sim.PresetInfo;
import io.hashdesk.drivers.sim.SimulatedMiner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The operator's own trials in the warm-up, the same in both runs: each unit on a watt-named preset runs, one after
 * the other, the presets it has already tuned and the {@value #LOWER_PRESETS_TRIED} presets below its configured one
 * (the firmware tunes those first), {@link #EACH} apiece, then goes back to its configured preset. The efficiency
 * curves learn only from settings a unit has run, so a farm that never changed a setting gives the power optimiser
 * nothing to compare; a week of trials is what an operator does before trusting it.
 */
final class PresetTrials {

    static final Duration EACH = Duration.ofHours(6);
    static final int LOWER_PRESETS_TRIED = 2;

    /** One switch of one unit's preset. */
    record Switch(Instant at, SimulatedMiner unit, String preset) {
    }

    private final List<Switch> switches;
    private int next;

    private PresetTrials(List<Switch> switches) {
        this.switches = switches;
    }

    /** Trials starting at {@code from}, every unit at once. */
    static PresetTrials plan(List<SimulatedMiner> units, Instant from) {
        List<Switch> switches = new ArrayList<>();
        for (SimulatedMiner unit : units) {
            String configured = unit.settings().overclock().preset();
            if (!isWatts(configured)) {
                continue;
            }
            List<String> tried = tried(unit, configured);
            Instant at = from;
            for (String preset : tried) {
                switches.add(new Switch(at, unit, preset));
                at = at.plus(EACH);
            }
            if (!tried.isEmpty()) {
                switches.add(new Switch(at, unit, configured));
            }
        }
        switches.sort(Comparator.comparing(Switch::at));
        return new PresetTrials(switches);
    }

    /** The instant the last unit is back on its configured preset; {@code from} when nothing is tried. */
    Instant end(Instant from) {
        return switches.isEmpty() ? from : switches.getLast().at();
    }

    /** Makes every switch due at or before {@code now}. */
    void apply(Instant now) {
        while (next < switches.size() && !switches.get(next).at().isAfter(now)) {
            Switch s = switches.get(next++);
            MinerSettings settings = s.unit().settings();
            s.unit().applySettings(settings.withOverclock(settings.overclock().withPreset(s.preset())));
        }
    }

    int switches() {
        return switches.size();
    }

    private static List<String> tried(SimulatedMiner unit, String configured) {
        int configuredWatts = Integer.parseInt(configured);
        Set<String> tried = new LinkedHashSet<>();
        List<PresetInfo> presets = unit.presets().stream().filter(p -> isWatts(p.name()))
                .sorted(Comparator.comparingInt(p -> Integer.parseInt(p.name()))).toList();
        presets.stream().filter(PresetInfo::tuned).map(PresetInfo::name).filter(p -> !p.equals(configured))
                .forEach(tried::add);
        List<PresetInfo> lower = presets.stream().filter(p -> Integer.parseInt(p.name()) < configuredWatts).toList();
        lower.subList(Math.max(0, lower.size() - LOWER_PRESETS_TRIED), lower.size()).reversed()
                .forEach(p -> tried.add(p.name()));
        return List.copyOf(tried);
    }

    private static boolean isWatts(String preset) {
        return !preset.isEmpty() && preset.chars().allMatch(Character::isDigit);
    }
}
