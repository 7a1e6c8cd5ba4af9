package io.hashdesk.ml.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.catalog.MinerModel;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import io.hashdesk.ml.maintenance.FailureDetector;
import io.hashdesk.ml.maintenance.HourlyHistory;
import io.hashdesk.ml.maintenance.MaintenanceSettings;
import io.hashdesk.ml.maintenance.ObservedFailure;
import io.hashdesk.ml.optimiser.HistoryOptions;
import io.hashdesk.ml.optimiser.Probe;
import io.hashdesk.ml.optimiser.UnitHistories;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmarks' synthetic farm teaches what it is meant to, read back from the store the way the models read it:
 * the failures it plants are the ones the failure predictor's own detector finds, and only those; its units run
 * settled stretches at several clocks for the efficiency curve.
 */
class SyntheticFarmTest {

    private static final MinerModelCatalog CATALOG = MinerModelCatalog.bundled();
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static final int MINERS = 20;
    private static final int DAYS = 10;

    @TempDir
    static Path dir;
    private static SyntheticFarm.Stored stored;
    private static SqliteFarmStore store;
    private static SyntheticFarm farm;

    @BeforeAll
    static void fill() {
        farm = SyntheticFarm.create(CATALOG, MINERS, START, DAYS, 5);
        stored = farm.storeIn(dir.resolve("farm.db"));
        store = stored.store();
    }

    @AfterAll
    static void close() {
        stored.close();
    }

    @Test
    void storesAPollOfEveryMinerEveryFiveMinutes() {
        assertThat(store.telemetry().latest()).hasSize(MINERS).allSatisfy((miner, snapshot) ->
                assertThat(snapshot.takenAt()).isEqualTo(farm.end().minus(Duration.ofMinutes(5))));
    }

    @Test
    void theFailureDetectorFindsEachPlantedFailureInTheHourItHappenedAndNothingElse() {
        FailureDetector detector = new FailureDetector(MaintenanceSettings.defaults().failureDetection());
        Map<String, SyntheticFarm.PlantedFailure> planted = farm.failures().stream()
                .collect(Collectors.toMap(f -> f.miner().value(), Function.identity()));
        assertThat(planted.values()).extracting(f -> f.part().split(" ")[0]).contains("fan", "hashboard");

        for (Miner miner : farm.miners()) {
            List<ObservedFailure> found = detector.detect(hourly(miner));
            SyntheticFarm.PlantedFailure failure = planted.get(miner.id().value());
            if (failure == null) {
                assertThat(found).as("healthy unit %s", miner.id()).isEmpty();
                continue;
            }
            Instant hour = failure.at().truncatedTo(ChronoUnit.HOURS);
            // a part that fails late in an hour pulls that hour's mean down too little: the next hour shows it
            assertThat(found).as("unit %s with %s", miner.id(), failure).first().satisfies(f -> {
                assertThat(f.detail()).isEqualTo(failure.part());
                assertThat(f.at()).isBetween(hour, hour.plus(Duration.ofHours(1)));
            });
        }
    }

    @Test
    void everyUnitRunsSettledStretchesAtMoreThanOneClockSetting() {
        UnitHistories histories = new UnitHistories(store.telemetry(), HistoryOptions.defaults());
        for (Miner miner : farm.miners()) {
            MinerModel model = CATALOG.byId(miner.modelId()).orElseThrow();
            List<Probe> probes = histories.read(miner.id(), model, START, farm.end()).probes();
            Set<Double> clocks = probes.stream().map(p -> p.setting().freqMhz() * 100 + p.setting().volts())
                    .collect(Collectors.toSet());

            assertThat(clocks).as("settings %s ran", miner.id()).hasSizeGreaterThan(1);
            assertThat(probes).allSatisfy(p -> assertThat(p.powerWatts()).isNotNull().isPositive());
        }
    }

    private static HourlyHistory hourly(Miner miner) {
        MinerModel model = CATALOG.byId(miner.modelId()).orElseThrow();
        return HourlyHistory.read(store.telemetry(), miner.id(), miner.modelId() + "/" + miner.position().roomId(),
                model.safeLimits().chipTempMaxC(), START, farm.end());
    }
}
