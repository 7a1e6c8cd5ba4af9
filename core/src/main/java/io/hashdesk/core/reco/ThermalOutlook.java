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

    /**
     * How sure the forecast is that the headroom is under {@code headroomC}: the share of the hottest chip's interval
     * that lies past {@code limit − headroomC}; 1 or 0 for a point forecast.
     */
    public double likelihoodHeadroomBelow(double headroomC) {
        double line = chipTempLimitC - headroomC;
        if (chipTempAtCurrentC.width() == 0) {
            return chipTempAtCurrentC.high() > line ? 1 : 0;
        }
        return Math.max(0, Math.min(1, (chipTempAtCurrentC.high() - line) / chipTempAtCurrentC.width()));
    }
}
