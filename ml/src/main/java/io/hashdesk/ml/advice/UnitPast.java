package io.hashdesk.ml.advice;

import io.hashdesk.ml.maintenance.HourlyHistory;
import io.hashdesk.ml.optimiser.Setting;
import java.util.Map;
import java.util.Objects;

/**
 * What one unit's recent hourly history tells the evidence: the failure predictor's input, and the power presets it
 * ran with the clocks each ran at (the efficiency curve predicts a preset's outcome from those clocks).
 *
 * @param presets by preset name (its target watts, as Vnish names them), the clocks of the latest hour the unit hashed
 *                throughout at it
 */
record UnitPast(HourlyHistory hours, Map<String, Setting> presets) {

    UnitPast {
        Objects.requireNonNull(hours, "hours");
        presets = Map.copyOf(presets);
    }
}
