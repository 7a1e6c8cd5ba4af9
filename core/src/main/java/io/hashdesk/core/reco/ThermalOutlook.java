package io.hashdesk.core.reco;

import io.hashdesk.core.domain.MinerId;

import java.util.Objects;

/**
 * What the thermal model expects of one miner's chips over the next day, and what a derate would buy.
 *
 * @param ambientC               intake air the forecast assumes (the hottest expected), °C
 * @param ambientSource          where that came from: {@code rack sensor}, {@code room sensor} or {@code assumed}
 * @param chipTempAtCurrentC     forecast hottest chip temperature at the current settings
 * @param chipTempLimitC         the model's safe chip temperature
 * @param deratedPowerWatts      a lower power target that would restore headroom; {@code null} when none is needed
 * @param chipTempAtDeratedC     forecast at that power; {@code null} with it
 * @param resistanceRisePercent  how much the unit's thermal resistance rose over its history (dust, fan wear), %
 * @param modelVersion           {@code type/scope@version} of the thermal model
 */
public record ThermalOutlook(MinerId miner, double ambientC, String ambientSource, Estimate chipTempAtCurrentC,
                             double chipTempLimitC, Integer deratedPowerWatts, Estimate chipTempAtDeratedC,
                             double resistanceRisePercent, String modelVersion) {

    public ThermalOutlook {
        Objects.requireNonNull(miner, "miner");
        Objects.requireNonNull(ambientSource, "ambient source");
        Objects.requireNonNull(chipTempAtCurrentC, "chip temperature at current settings");
        Objects.requireNonNull(modelVersion, "model version");
        if ((deratedPowerWatts == null) != (chipTempAtDeratedC == null)) {
            throw new IllegalArgumentException("a derated power needs its forecast temperature, and the other way");
        }
    }

    /** Forecast margin to the safe limit at the current settings, by the interval's high end, °C. */
    public double headroomC() {
        return chipTempLimitC - chipTempAtCurrentC.high();
    }
}
