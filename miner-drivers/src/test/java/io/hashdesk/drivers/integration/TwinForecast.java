package io.hashdesk.drivers.integration;

import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.reco.Estimate;
import io.hashdesk.drivers.api.MinerCredentials;
import io.hashdesk.drivers.api.SettingsChange;
import io.hashdesk.drivers.sim.MinerBlueprint;
import io.hashdesk.drivers.vnish.VnishDriver;
import io.hashdesk.drivers.vnish.VnishDrivers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The J/TH a simulated unit settles at under a setting, forecast on its twin: a second unit from the same blueprint
 * and seed on a site of its own, changed through the driver, left to settle, then read once a minute. The interval is
 * the range of those readings (the unit's own hashrate noise), which the mean of a comparable window on the real unit
 * falls in. The forecast comes from the simulator's physics because miner-drivers cannot use the ml module's
 * efficiency curves (they depend on core only), and a short run is what an operator would do to check a preset.
 */
final class TwinForecast {

    private static final Duration SAMPLE_EVERY = Duration.ofMinutes(1);

    private TwinForecast() {
    }

    /**
     * @param warmup  how long the twin runs before the change (as the real unit ran before the test changed it)
     * @param settle  how long after the change before the first reading
     * @param samples readings taken, one a minute
     */
    static Estimate efficiencyJPerTh(MinerBlueprint blueprint, Duration warmup, SettingsChange change,
                                     Duration settle, int samples) throws MinerAccessException {
        try (SimulatedSite twin = SimulatedSite.of(blueprint);
             VnishDrivers drivers = new VnishDrivers(SimulatedSite.fastOptions())) {
            twin.advance(warmup);
            VnishDriver driver = drivers.open(twin.address(blueprint.id()), MinerCredentials.vnishDefault());
            if (!change.isEmpty()) {
                driver.apply(change).requireAllApplied();
            }
            twin.advance(settle);
            List<Double> readings = new ArrayList<>(samples);
            for (int i = 0; i < samples; i++) {
                twin.advance(SAMPLE_EVERY);
                TelemetrySnapshot snapshot = driver.readSnapshot(MinerId.of(blueprint.id()));
                readings.add(snapshot.efficiencyJPerTh());
            }
            double mean = readings.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            return new Estimate(mean, readings.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                    readings.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        }
    }
}
