package io.hashdesk.drivers.vnish;

import io.hashdesk.core.domain.catalog.HashrateUnit;
import io.hashdesk.drivers.api.MalformedReplyException;
import io.hashdesk.drivers.api.PowerPreset;
import io.hashdesk.drivers.api.ReplyNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code GET /autotune/presets} (vnish-api.md §4.6). Every capture is a bare array; some clients also accept
 * {@code {"presets": [...]}} and a lone preset object, and so does this. The expected hashrate comes from the label,
 * e.g. {@code "3460 watt ~ 106 Th LC"}.
 */
final class PresetParser {

    private static final Pattern WATTS = Pattern.compile("\\d{1,6}");
    private static final Pattern EXPECTED_HASHRATE =
            Pattern.compile("~\\s*(\\d{1,9}(?:\\.\\d{1,6})?)\\s*([MGTP])h", Pattern.CASE_INSENSITIVE);

    private PresetParser() {
    }

    static List<PowerPreset> parse(ReplyNode reply) throws MalformedReplyException {
        List<ReplyNode> items = reply.has("presets") ? reply.array("presets")
                : reply.has("name") ? List.of(reply) : reply.elements();
        List<PowerPreset> presets = new ArrayList<>(items.size());
        for (ReplyNode item : items) {
            item.requireObject();
            String name = item.requiredText("name");
            String label = item.optionalText("pretty");
            Boolean modded = item.optionalBoolean("modded_psu_required");
            presets.add(new PowerPreset(name, label, WATTS.matcher(name).matches() ? Integer.valueOf(name) : null,
                    expectedHashrateThs(label), "tuned".equals(item.optionalText("status")),
                    Boolean.TRUE.equals(modded)));
        }
        return presets;
    }

    /** The highest tuned preset whose target is at or below {@code watts} (the only kind Vnish accepts for power). */
    static Optional<PowerPreset> forPowerTarget(List<PowerPreset> presets, int watts) {
        PowerPreset best = null;
        for (PowerPreset preset : presets) {
            Integer target = preset.targetWatts();
            if (preset.tuned() && target != null && target <= watts
                    && (best == null || target > best.targetWatts())) {
                best = preset;
            }
        }
        return Optional.ofNullable(best);
    }

    private static Double expectedHashrateThs(String label) {
        if (label == null) {
            return null;
        }
        Matcher m = EXPECTED_HASHRATE.matcher(label);
        if (!m.find()) {
            return null;
        }
        Optional<HashrateUnit> unit = HashrateUnit.parse(m.group(2) + "H/s");
        return unit.map(u -> u.toThs(Double.parseDouble(m.group(1)))).orElse(null);
    }
}
