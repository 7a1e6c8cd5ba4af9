package io.hashdesk.ml.maintenance;

import java.util.Arrays;
import java.util.List;

/**
 * The trend features the failure model reads, in the order of its feature vector. Each says what it measures in the
 * words a warning sign shows the operator. How each is computed, and when it is missing, is in
 * {@link MaintenanceFeatures}.
 */
public enum MaintenanceFeature {
    SLOWEST_FAN_SHARE("slowest fan speed as a share of its sibling fans", "%.3f"),
    SLOWEST_FAN_SHARE_SLOPE("change of the slowest fan's share per day", "%+.4f/day"),
    SLOWEST_FAN_VS_PEERS("slowest fan's rpm per duty against a near-new fan of peer units", "%.3f"),
    PROJECTED_SLOWEST_FAN_VS_PEERS("slowest fan's rpm per duty against peers, projected a horizon ahead on its trend",
            "%.3f"),
    DAYS_TO_FAN_STOP("days until the slowest fan slows to the speed fans stopped at in training, on its trend",
            "%.1f days"),
    FAN_DUTY("fan duty", "%.0f %%"),
    FAN_DUTY_SLOPE("change of fan duty per day", "%+.2f %%/day"),
    CHIP_TEMP("hottest chip temperature", "%.1f °C"),
    CHIP_TEMP_PEAK("hottest chip's peak over the recent window", "%.0f °C"),
    CHIP_TEMP_SLOPE("change of hottest chip temperature per day", "%+.2f °C/day"),
    CHIP_TEMP_ABOVE_PEERS("hottest chip above peers of the same model and room", "%+.1f °C"),
    DAYS_TO_CHIP_LIMIT("days until the hottest chip's peak reaches the model's safe limit on its trend", "%.1f days"),
    ERROR_RATE_CHANGE("hardware-error rate against the unit's own baseline (log10 ratio)", "%+.2f"),
    ERROR_RATE_SLOPE("change of the hardware-error rate per day (log10)", "%+.2f/day"),
    WORST_BOARD_HASHRATE_DROP("largest hashboard hashrate drop against its own baseline", "%.3f");

    private static final List<String> NAMES = Arrays.stream(values()).map(f -> f.name().toLowerCase(java.util.Locale.ROOT))
            .toList();

    private final String description;
    private final String format;

    MaintenanceFeature(String description, String format) {
        this.description = description;
        this.format = format;
    }

    public String description() {
        return description;
    }

    /** The value as the operator reads it, with its unit. */
    public String format(double value) {
        return String.format(java.util.Locale.ROOT, format, value);
    }

    /** Column names, in vector order. */
    static List<String> columnNames() {
        return NAMES;
    }

    static int count() {
        return NAMES.size();
    }
}
