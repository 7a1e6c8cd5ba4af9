package io.hashdesk.app.actions;

import io.hashdesk.core.action.PoolTarget;
import io.hashdesk.core.action.SettingValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Miner settings in the words a technician reads on the plan: one line per setting a change sets, from → to. */
public final class SettingText {

    /** One setting of one miner, from → to; {@code from} is "—" when the firmware did not report it. */
    public record Line(String miner, String setting, String from, String to) {
    }

    private record Part(String name, Function<SettingValues, String> text) {
    }

    private static final List<Part> PARTS = List.of(
            new Part("Power preset", v -> v.preset() == null ? null : presetText(v.preset())),
            new Part("Power target", v -> v.powerTargetWatts() == null ? null : watts(v.powerTargetWatts())),
            new Part("Chip clock", v -> v.frequencyMhz() == null ? null : v.frequencyMhz() + " MHz"),
            new Part("Chain voltage", v -> v.voltageVolts() == null ? null
                    : String.format(Locale.ROOT, "%.2f V", v.voltageVolts())),
            new Part("Target chip temperature", v -> v.targetTempC() == null ? null : v.targetTempC() + " °C"),
            new Part("Fan minimum", v -> v.fanMinDutyPercent() == null ? null : v.fanMinDutyPercent() + " %"),
            new Part("Throttle", v -> v.throttlePercent() == null ? null : v.throttlePercent() + " % of full power"),
            new Part("Mining", v -> v.miningPaused() == null ? null : v.miningPaused() ? "paused" : "running"),
            new Part("Pools", v -> v.pools() == null ? null : v.pools().stream().map(PoolTarget::url)
                    .collect(Collectors.joining(", "))));

    private SettingText() {
    }

    /** The lines of one miner's change: every part {@code to} sets, in a fixed order. */
    public static List<Line> lines(String miner, SettingValues from, SettingValues to) {
        List<Line> lines = new ArrayList<>();
        for (Part part : PARTS) {
            String after = part.text().apply(to);
            if (after != null) {
                String before = clockPartOf(part, from);
                lines.add(new Line(miner, part.name(), before == null ? "—" : before, after));
            }
        }
        return lines;
    }

    /** Every part {@code values} sets, in one line: "preset 3,000 W, fan minimum 30 %". */
    public static String summary(SettingValues values) {
        return PARTS.stream().map(p -> {
            String text = p.text().apply(values);
            return text == null ? null : p.name().toLowerCase(Locale.ROOT) + " " + text;
        }).filter(t -> t != null).collect(Collectors.joining(", "));
    }

    /**
     * A change from a preset to a power target (or to manual clocks) replaces how the clocks are chosen, so the
     * "from" of the new part is what decided the clocks before.
     */
    private static String clockPartOf(Part part, SettingValues from) {
        String same = part.text().apply(from);
        if (same != null || !isClockPart(part)) {
            return same;
        }
        return PARTS.stream().filter(SettingText::isClockPart).map(p -> p.text().apply(from))
                .filter(t -> t != null).findFirst().orElse(null);
    }

    private static boolean isClockPart(Part part) {
        return part.name().equals("Power preset") || part.name().equals("Power target")
                || part.name().equals("Chip clock");
    }

    private static String presetText(String preset) {
        if (preset.equalsIgnoreCase("disabled")) {
            return "manual clocks";
        }
        try {
            return watts(Integer.parseInt(preset.strip())) + " preset";
        } catch (NumberFormatException notWatts) {
            return preset;
        }
    }

    private static String watts(int watts) {
        return String.format(Locale.ROOT, "%,d W", watts);
    }
}
