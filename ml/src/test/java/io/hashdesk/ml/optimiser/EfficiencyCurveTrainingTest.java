package io.hashdesk.ml.optimiser;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.catalog.MinerModel;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.drivers.sim.MinerBlueprint;
import io.hashdesk.drivers.sim.MinerSettings;
import io.hashdesk.drivers.sim.ModelParameters;
import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.drift.DriftCheck;
import io.hashdesk.ml.drift.DriftSettings;
import io.hashdesk.ml.registry.ModelRegistry;
import io.hashdesk.ml.registry.PromotionDecision;
import io.hashdesk.ml.registry.RegistrySettings;
import io.hashdesk.ml.sim.HistoryScenario;
import io.hashdesk.ml.sim.ScheduledEvent;
import io.hashdesk.ml.sim.SimulatedHistory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EfficiencyCurveTrainingTest {

    private static final Instant START = Instant.parse("2026-05-01T00:00:00Z");
    private static final MinerModel S19J_PRO = MinerModelCatalog.bundled().byId("antminer-s19j-pro").orElseThrow();
    /** Per unit, the manual clocks (MHz, 10 mV) an operator tried, two hours each after two on the factory preset. */
    private static final int[][][] TRIED = {
        {{600, 1300}, {700, 1400}, {560, 1250}},
        {{650, 1350}, {520, 1230}, {720, 1420}},
        {{580, 1280}, {680, 1380}, {620, 1330}}};

    @TempDir
    Path dir;

    @Test
    void trainsFromStoredTelemetryBeatsTheMeanOnHeldOutUnitsAndLoadsBackFromTheRegistryPredictingTheSame() {
        try (SimulatedHistory history = SimulatedHistory.generate(scenario(), dir)) {
            EfficiencyCurveTraining training = new EfficiencyCurveTraining(history.telemetry(),
                    HistoryOptions.defaults(), OptimiserOptions.defaults(), DriftSettings.defaults());

            EfficiencyCurveTraining.Trained trained = training.train(S19J_PRO, history.miners(),
                    firmware(history), history.start(), history.end(), TrainingProgress.NONE);

            assertThat(trained.histories()).allSatisfy(h -> assertThat(h.probes()).hasSize(4));
            assertThat(trained.candidate().type()).isEqualTo(ModelType.EFFICIENCY_CURVE);
            assertThat(trained.candidate().scope()).isEqualTo(ModelScope.minerModel(S19J_PRO.id()));
            assertThat(trained.candidate().distributions()).extracting(d -> d.feature())
                    .containsExactlyElementsOf(EfficiencyCurveTraining.FEATURES);
            double rmse = trained.candidate().metrics().get(EfficiencyCurveTraining.METRIC);
            assertThat(rmse).isPositive().isLessThan(meanBaselineRmse(trained.histories()) / 2);

            ModelRegistry registry = new ModelRegistry(history.store().modelVersions(),
                    ModelRegistry.artifactFolderBeside(dir.resolve("sim-history.db")), RegistrySettings.defaults(),
                    new DriftCheck(DriftSettings.defaults()), Clock.systemUTC());
            PromotionDecision decision = registry.registerAndPromote(trained.candidate(), trained.artifact());
            EfficiencyCurve loaded = EfficiencyCurve.restore(registry.load(decision.candidate(),
                    EfficiencyCurve.State.class));

            assertThat(decision.promoted()).isTrue();
            for (Setting at : List.of(new Setting(600, 13.0), new Setting(640, 13.4), new Setting(700, 14.1))) {
                assertThat(loaded.predict(at)).isEqualTo(trained.curve().predict(at));
            }
        }
    }

    /** Held-out RMSE of guessing every probe's J/TH as the mean of the other units' probes. */
    private static double meanBaselineRmse(List<UnitHistory> histories) {
        double squares = 0;
        int count = 0;
        for (UnitHistory heldOut : histories) {
            double mean = histories.stream().filter(h -> h != heldOut).flatMap(h -> h.probes().stream())
                    .mapToDouble(Probe::efficiencyJPerTh).average().orElseThrow();
            for (Probe p : heldOut.probes()) {
                squares += Math.pow(p.efficiencyJPerTh() - mean, 2);
                count++;
            }
        }
        return Math.sqrt(squares / count);
    }

    private static HistoryScenario scenario() {
        List<MinerBlueprint> units = new ArrayList<>();
        List<ScheduledEvent> events = new ArrayList<>();
        for (int u = 0; u < TRIED.length; u++) {
            String id = "u" + u;
            units.add(MinerBlueprint.of(id, S19J_PRO.id(), "1.2.6", 11 + u));
            for (int i = 0; i < TRIED[u].length; i++) {
                events.add(manualClocks(id, START.plus(Duration.ofHours(2L * (i + 1))), TRIED[u][i]));
            }
        }
        return HistoryScenario.of(units, START, Duration.ofHours(8)).withEvents(events);
    }

    private static ScheduledEvent manualClocks(String unit, Instant at, int[] clocks) {
        return new ScheduledEvent.ChangeSettings(at, unit, settings -> {
            MinerSettings.Overclock o = settings.overclock();
            return settings.withOverclock(new MinerSettings.Overclock(MinerSettings.MANUAL_PRESET, clocks[0],
                    clocks[1], o.chains(), o.moddedPsu(), o.presetSwitcher()));
        }, null);
    }

    private static FirmwareEnvelope firmware(SimulatedHistory history) {
        ModelParameters m = history.unit(history.miners().getFirst()).model().parameters();
        return FirmwareEnvelope.vnish(m.minFreqMhz(), m.maxFreqMhz(), m.minVoltage10mV(), m.maxVoltageStockPsu10mV());
    }
}
