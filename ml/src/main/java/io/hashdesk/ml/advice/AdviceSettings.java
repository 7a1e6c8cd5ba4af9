package io.hashdesk.ml.advice;

import io.hashdesk.core.settings.JsonSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How {@link FarmEvidenceBuilder} turns the champion models into evidence. Defaults live in
 * {@code advice-defaults.json} beside this class; an operator's {@value #FILE} in the data folder overrides any subset.
 *
 * @param unitHistory                how far back each unit's hourly history is read for the presets it ran and the
 *                                   failure predictor's features (at least what the predictor needs is always read)
 * @param ambientLookback            the room sensors' hottest intake over this window is taken as the hottest air
 *                                   expected over the next day (rooms follow a daily cycle)
 * @param marketHistory              market history handed to the hashprice forecaster (its longest feature looks back
 *                                   30 days)
 * @param thermalHeadroomC           the margin below the model's safe chip temperature a unit should keep, by the high
 *                                   end of the thermal forecast; a unit with less gets a derate power
 * @param derateStepWatts            the derate search steps down from the current power by this much
 * @param deratedPowerFloorShare     and stops at this share of the current power: below it a derate is not the fix
 *                                   (cleaning or a fan is), and no derate is offered
 * @param failureProbabilityToReport failure outlooks below this probability are left out: every unit has some risk,
 *                                   and a list of 5,000 near-zero outlooks helps nobody
 */
public record AdviceSettings(Duration unitHistory, Duration ambientLookback, Duration marketHistory,
                             double thermalHeadroomC, double derateStepWatts, double deratedPowerFloorShare,
                             double failureProbabilityToReport) {

    /** The operator's overrides, in the data folder. */
    public static final String FILE = "advice-settings.json";
    private static final String DEFAULTS = "advice-defaults.json";

    public AdviceSettings {
        requirePositive(unitHistory, "unitHistory");
        requirePositive(ambientLookback, "ambientLookback");
        requirePositive(marketHistory, "marketHistory");
        require(thermalHeadroomC >= 0 && Double.isFinite(thermalHeadroomC), "thermalHeadroomC must be 0 or more, got "
                + thermalHeadroomC);
        require(derateStepWatts > 0 && Double.isFinite(derateStepWatts), "derateStepWatts must be above 0, got "
                + derateStepWatts);
        require(deratedPowerFloorShare > 0 && deratedPowerFloorShare < 1,
                "deratedPowerFloorShare must be within (0, 1), got " + deratedPowerFloorShare);
        require(failureProbabilityToReport >= 0 && failureProbabilityToReport <= 1,
                "failureProbabilityToReport must be within [0, 1], got " + failureProbabilityToReport);
    }

    public static AdviceSettings defaults() {
        return JsonSettings.defaults(AdviceSettings.class, DEFAULTS);
    }

    /** The defaults with the fields present in {@value #FILE} in {@code dataFolder} replacing them. */
    public static AdviceSettings load(Path dataFolder) {
        return JsonSettings.withOverrides(AdviceSettings.class, DEFAULTS, dataFolder.resolve(FILE));
    }

    private static void requirePositive(Duration value, String name) {
        require(value != null && value.isPositive(), name + " must be a positive duration, got " + value);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("advice settings: " + message);
        }
    }
}
