package io.hashdesk.ml.advice;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.MinerModel;
import io.hashdesk.core.reco.Estimate;
import io.hashdesk.core.reco.ThermalOutlook;
import io.hashdesk.ml.thermal.TemperaturePrediction;
import io.hashdesk.ml.thermal.ThermalModel;
import java.util.Optional;

/**
 * A unit's thermal outlook from its champion thermal model: the steady chip temperature at its current power and fan
 * duty in the hottest air expected, the derate power that restores the configured headroom, and how much its thermal
 * resistance has risen.
 */
final class ThermalOutlooks {

    private static final double PERCENT = 100;

    private final AdviceSettings settings;

    ThermalOutlooks(AdviceSettings settings) {
        this.settings = settings;
    }

    /**
     * @param baseline the unit's model in the oldest retained version of its thermal model, or null when there is no
     *                 older one: the rise is then measured within the champion's own training window (fan wear)
     */
    Optional<ThermalOutlook> outlook(Miner miner, MinerModel model, TelemetrySnapshot latest, ThermalModel unit,
                                     ThermalModel baseline, AmbientOutlook.Ambient ambient, String version) {
        if (latest.status() != MinerStatus.MINING || latest.powerWatts() == null || latest.fanPercent() == null
                || !(latest.powerWatts() > 0) || !(latest.fanPercent() >= 0 && latest.fanPercent() <= PERCENT)) {
            return Optional.empty();
        }
        double power = latest.powerWatts();
        double fan = latest.fanPercent();
        double limit = model.safeLimits().chipTempMaxC();
        double ceiling = limit - settings.thermalHeadroomC();
        TemperaturePrediction now = unit.steadyState(ambient.tempC(), power, fan);
        Integer derated = null;
        Estimate atDerated = null;
        if (now.highC() > ceiling) {
            // search down the power targets for the highest one whose forecast keeps the headroom
            for (double p = power - settings.derateStepWatts(); p >= power * settings.deratedPowerFloorShare();
                 p -= settings.derateStepWatts()) {
                TemperaturePrediction at = unit.steadyState(ambient.tempC(), p, fan);
                if (at.highC() <= ceiling) {
                    derated = (int) Math.floor(p);
                    atDerated = estimate(unit.steadyState(ambient.tempC(), derated, fan));
                    break;
                }
            }
        }
        return Optional.of(new ThermalOutlook(miner.id(), ambient.tempC(), ambient.source(), estimate(now), limit,
                derated, atDerated, resistanceRisePercent(unit, baseline, fan), version));
    }

    /**
     * The rise of chip-to-air resistance at today's fan duty: against the oldest retained fit of the unit (dust and
     * fan wear since then), else against the champion's own fit with its fans as healthy as at the start of its
     * window (fan wear within it).
     */
    private static double resistanceRisePercent(ThermalModel unit, ThermalModel baseline, double fanPercent) {
        double now = unit.resistanceCPerW(fanPercent);
        double before = baseline != null ? baseline.resistanceCPerW(fanPercent)
                : unit.parameters().resistanceCPerW(Math.max(fanPercent / PERCENT,
                unit.state().minAirflowFraction()));
        return (now / before - 1) * PERCENT;
    }

    private static Estimate estimate(TemperaturePrediction p) {
        return new Estimate(p.chipTempC(), p.lowC(), p.highC());
    }
}
