package io.hashdesk.ml.optimiser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.catalog.MinerModel;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.store.SeriesPoint;
import io.hashdesk.core.store.Stat;
import io.hashdesk.drivers.sim.MinerBlueprint;
import io.hashdesk.drivers.sim.MinerSettings;
import io.hashdesk.drivers.sim.OperatingPoint;
import io.hashdesk.drivers.sim.SimulatedMiner;
import io.hashdesk.ml.sim.HistoryScenario;
import io.hashdesk.ml.sim.ScheduledEvent;
import io.hashdesk.ml.sim.SimulatedHistory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnitHistoriesTest {

    private static final Instant START = Instant.parse("2026-05-01T00:00:00Z");
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    private static final MinerModel S19J_PRO = MinerModelCatalog.bundled().byId("antminer-s19j-pro").orElseThrow();
    private static final HistoryOptions OPTIONS = HistoryOptions.defaults();

    @TempDir
    Path dir;

    @Test
    void eachSettledStretchOfStoredTelemetryMatchesTheSimulatorsSteadyStateAtItsSetting() {
        int[][] manual = {{600, 1300}, {700, 1400}, {560, 1250}};
        List<ScheduledEvent> events = new ArrayList<>();
        for (int i = 0; i < manual.length; i++) {
            events.add(manualClocks(START.plus(Duration.ofHours(3L * (i + 1))), manual[i][0], manual[i][1]));
        }
        HistoryScenario scenario = HistoryScenario.of(List.of(MinerBlueprint.of("a", S19J_PRO.id(), "1.2.6", 1)),
                START, Duration.ofHours(12)).withEvents(events);
        try (SimulatedHistory history = SimulatedHistory.generate(scenario, dir)) {
            UnitHistory unit = new UnitHistories(history.telemetry(), OPTIONS).read(MinerId.of("a"), S19J_PRO,
                    history.start(), history.end());

            assertThat(unit.probes()).hasSize(1 + manual.length);
            SimulatedMiner miner = history.unit(MinerId.of("a"));
            for (int i = 0; i < manual.length; i++) {
                Probe probe = unit.probes().get(i + 1);
                OperatingPoint truth = miner.steadyStateAt(manual[i][0], manual[i][1]);
                assertThat(probe.setting().freqMhz()).isCloseTo(manual[i][0], within(0.5));
                assertThat(probe.setting().volts()).isCloseTo(manual[i][1] / 100.0, within(0.01));
                assertThat(probe.hashrateThs()).isCloseTo(truth.hashrateThs(), within(0.02 * truth.hashrateThs()));
                assertThat(probe.powerWatts()).isCloseTo(truth.powerWatts(), within(0.015 * truth.powerWatts()));
                assertThat(probe.chipTempC()).isCloseTo(truth.chipTempC(), within(2.0));
                assertThat(probe.errorFraction()).isCloseTo(truth.errorFraction(),
                        within(Math.max(0.001, 0.2 * truth.errorFraction())));
            }
        }
    }

    private static ScheduledEvent manualClocks(Instant at, int freqMhz, int voltage10mV) {
        return new ScheduledEvent.ChangeSettings(at, "a", settings -> {
            MinerSettings.Overclock o = settings.overclock();
            return settings.withOverclock(new MinerSettings.Overclock(MinerSettings.MANUAL_PRESET, freqMhz,
                    voltage10mV, o.chains(), o.moddedPsu(), o.presetSwitcher()));
        }, null);
    }

    @Test
    void dropsTheBucketsBeforeTheSettleTimeAndAveragesTheRest() {
        List<SeriesPoint> series = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            // the first three buckets (15 minutes) are still heating up
            series.add(bucket(i, "3100", 650, 13.6, 100, 3000.0, i < 3 ? 50.0 + i : 70.0 + (i % 2), 0));
        }

        List<Probe> probes = UnitHistories.probes(series, S19J_PRO, OPTIONS);

        assertThat(probes).singleElement().satisfies(p -> {
            assertThat(p.setting()).isEqualTo(new Setting(650, 13.6));
            assertThat(p.chipTempC()).isCloseTo(70.6, within(1e-9));
            assertThat(p.powerWatts()).isEqualTo(3000.0);
            assertThat(p.errorFraction()).isZero();
        });
    }

    @Test
    void aStretchShorterThanTheSettleAndMeasureTimesMakesNoProbe() {
        List<SeriesPoint> series = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            series.add(bucket(i, "3100", 650, 13.6, 100, 3000.0, 70.0, 0));
        }

        assertThat(UnitHistories.probes(series, S19J_PRO, OPTIONS)).isEmpty();
    }

    @Test
    void anOfflineOrRestartingBucketEndsTheStretchAndTheNextMustSettleAgain() {
        List<SeriesPoint> series = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            series.add(bucket(i, "3100", 650, 13.6, 100, 3000.0, 70.0, 0));
        }
        series.set(6, offline(6));
        series.set(13, restarting(series.get(13)));

        List<Probe> probes = UnitHistories.probes(series, S19J_PRO, OPTIONS);

        // 0–5: 3 settled buckets; 7–12: 3; 14–19: 3 — each exactly the 15 minutes a probe needs
        assertThat(probes).hasSize(3);
        series.remove(19);
        assertThat(UnitHistories.probes(series, S19J_PRO, OPTIONS)).hasSize(2);
    }

    @Test
    void aGapInTheDataEndsTheStretch() {
        List<SeriesPoint> series = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            series.add(bucket(i < 6 ? i : i + 1, "3100", 650, 13.6, 100, 3000.0, 70.0, 0));
        }

        assertThat(UnitHistories.probes(series, S19J_PRO, OPTIONS)).hasSize(2);
    }

    @Test
    void aNewPresetOrClocksBeyondTheToleranceStartANewSetting() {
        List<SeriesPoint> series = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            series.add(bucket(i, "3100", 650, 13.6, 100, 3000.0, 70.0, 0));
        }
        for (int i = 6; i < 12; i++) {
            series.add(bucket(i, "3300", 650, 13.6, 100, 3000.0, 70.0, 0));
        }
        for (int i = 12; i < 18; i++) {
            // chain readings wobble within the tolerance: still one setting
            series.add(bucket(i, "3300", 655 + (i % 2) * 0.5, 13.8 + (i % 2) * 0.01, 100, 3000.0, 70.0, 0));
        }

        List<Probe> probes = UnitHistories.probes(series, S19J_PRO, OPTIONS);

        assertThat(probes).hasSize(3);
        assertThat(probes.get(0).setting()).isEqualTo(probes.get(1).setting());
        // the stretch's mean, rounded to millionths of a MHz
        assertThat(probes.get(2).setting().freqMhz()).isCloseTo((655.5 + 655 + 655.5) / 3, within(1e-6));
    }

    @Test
    void oneSettingReadInBucketsOfDifferentWeightsGivesThatSettingExactly() {
        List<SeriesPoint> series = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            // a plain weighted mean of 13.47 V over 3- and 7-sample buckets lands an ulp above 13.47
            SeriesPoint p = bucket(i, "3100", 652.5, 13.47, 100, 3000.0, 70.0, 0);
            series.add(new SeriesPoint(p.start(), p.width(), i % 2 == 0 ? 3 : 7, i % 2 == 0 ? 3 : 7, p.lastStatus(),
                    p.hashrateThs(), p.powerWatts(), p.chipTempC(), null, null, null, p.voltageVolts(),
                    p.frequencyMhz(), 10, 0, 0, p.preset(), null, List.of(), List.of()));
        }

        List<Probe> probes = UnitHistories.probes(series, S19J_PRO, OPTIONS);

        assertThat(probes).singleElement().extracting(Probe::setting).isEqualTo(new Setting(652.5, 13.47));
    }

    @Test
    void withoutPowerAProbeHasNoEfficiencyAndTrainsNeitherPowerNorJPerTh() {
        List<SeriesPoint> series = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            series.add(bucket(i, "3100", 650, 13.6, 100, null, 70.0, 0));
        }

        Probe probe = UnitHistories.probes(series, S19J_PRO, OPTIONS).getFirst();

        assertThat(probe.powerWatts()).isNull();
        assertThat(probe.hasEfficiency()).isFalse();
        OptimiserOptions options = OptimiserOptions.defaults();
        assertThat(EfficiencyCurve.teaches(EfficiencyCurve.Output.POWER, probe, options)).isFalse();
        assertThat(EfficiencyCurve.teaches(EfficiencyCurve.Output.EFFICIENCY, probe, options)).isFalse();
        assertThat(EfficiencyCurve.teaches(EfficiencyCurve.Output.CHIP_TEMP, probe, options)).isTrue();
    }

    @Test
    void theErrorFractionIsHardwareErrorsOverTheDifficultyOneWorkDone() {
        // 100 TH/s for 300 s is 100e12 × 300 / 2³² ≈ 6.985 M diff-1 nonces; 1 % lost means errors = work × 1/99
        double work = 100e12 * 300 / Math.pow(2, 32);
        long errorsPerBucket = Math.round(work / 99);
        List<SeriesPoint> series = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            series.add(bucket(i, "3100", 650, 13.6, 100, 3000.0, 70.0, errorsPerBucket));
        }

        assertThat(UnitHistories.probes(series, S19J_PRO, OPTIONS).getFirst().errorFraction())
                .isCloseTo(0.01, within(1e-6));
    }

    private static SeriesPoint bucket(int index, String preset, double freqMhz, double volts, double hashrateThs,
                                      Double powerWatts, double chipTempC, long hardwareErrors) {
        return new SeriesPoint(START.plus(FIVE_MINUTES.multipliedBy(index)), FIVE_MINUTES, 1, 1, MinerStatus.MINING,
                Stat.of(hashrateThs), powerWatts == null ? null : Stat.of(powerWatts), Stat.of(chipTempC), null, null,
                null, volts, freqMhz, 10, 0, hardwareErrors, preset, null, List.of(), List.of());
    }

    private static SeriesPoint offline(int index) {
        return new SeriesPoint(START.plus(FIVE_MINUTES.multipliedBy(index)), FIVE_MINUTES, 1, 0, MinerStatus.OFFLINE,
                Stat.of(0), null, null, null, null, null, null, null, 0, 0, 0, null, null, List.of(), List.of());
    }

    /** The same bucket with one of its snapshots not hashing: the unit restarted inside it. */
    private static SeriesPoint restarting(SeriesPoint p) {
        return new SeriesPoint(p.start(), p.width(), 2, 1, MinerStatus.MINING, p.hashrateThs(), p.powerWatts(),
                p.chipTempC(), null, null, null, p.voltageVolts(), p.frequencyMhz(), 0, 0, 0, p.preset(), null,
                List.of(), List.of());
    }
}
