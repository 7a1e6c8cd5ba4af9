package io.hashdesk.ml.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.profit.FarmProfitReport;
import io.hashdesk.core.profit.FleetProfit;
import io.hashdesk.core.profit.MinerProfit;
import io.hashdesk.core.reco.EconomicEvidence;
import io.hashdesk.core.reco.Estimate;
import io.hashdesk.core.reco.FarmEvidence;
import io.hashdesk.core.reco.OutcomePricing;
import io.hashdesk.core.reco.RecommendationType;
import io.hashdesk.core.reco.SettingProposal;
import io.hashdesk.core.reco.ThermalOutlook;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.core.store.Resolution;
import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.bench.SyntheticFarm;
import io.hashdesk.ml.drift.DriftCheck;
import io.hashdesk.ml.drift.DriftSettings;
import io.hashdesk.ml.registry.ModelRegistry;
import io.hashdesk.ml.registry.RegistrySettings;
import io.hashdesk.ml.training.EfficiencyCurveTrainer;
import io.hashdesk.ml.training.ModelTrainer;
import io.hashdesk.ml.training.StandardTrainers;
import io.hashdesk.ml.training.ThermalTrainer;
import io.hashdesk.ml.training.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evidence from champions trained on a synthetic farm whose every fourth unit runs watt-named presets. */
class FarmEvidenceBuilderTest {

    private static final MinerModelCatalog CATALOG = MinerModelCatalog.bundled();
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static final int MINERS = 40;
    private static final int DAYS = 8;
    private static final int PRESET_EVERY = 4;

    @TempDir
    static Path dir;

    private static SyntheticFarm farm;
    private static SyntheticFarm.Stored stored;
    private static ModelRegistry registry;
    private static EconomicEvidence economics;

    @BeforeAll
    static void trainCurvesAndThermalModels() {
        farm = SyntheticFarm.create(CATALOG, MINERS, START, DAYS, 11, PRESET_EVERY);
        stored = farm.storeIn(dir.resolve("farm.db"));
        registry = registry(stored.store(), dir.resolve("farm.db"));
        Path settings = dir.resolve("settings");
        List<ModelTrainer> trainers = StandardTrainers.all(CATALOG, settings).stream()
                .filter(t -> t instanceof EfficiencyCurveTrainer || t instanceof ThermalTrainer).toList();
        for (ModelTrainer trainer : trainers) {
            for (ModelScope scope : trainer.scopes(stored.store(), farm.end())) {
                TrainingResult result = trainer.train(stored.store(), scope, farm.end(), TrainingProgress.NONE);
                result.candidate().ifPresent(t -> registry.registerAndPromote(t.candidate(), t.artifact()));
            }
        }
        Instant end = farm.end();
        economics = new EconomicEvidence(new FarmProfitReport(FleetProfit.of(end, end.plus(Duration.ofDays(1)), "USD",
                List.of()), Map.of(), Map.of(), Map.of(), List.of()));
    }

    @AfterAll
    static void closeStore() {
        stored.close();
    }

    @Test
    void aUnitOnAnInefficientPresetGetsAPowerProposalWhoseHashrateChangeHoldsTheSimulatorsTruth() {
        FarmEvidence evidence = build(dir.resolve("settings"));
        Map<MinerId, TelemetrySnapshot> latest = stored.store().telemetry().latest();

        List<SettingProposal> power = evidence.proposals().stream()
                .filter(p -> p.type() == RecommendationType.POWER).toList();

        assertThat(power).isNotEmpty();
        for (SettingProposal p : power) {
            TelemetrySnapshot now = latest.get(p.miner());
            assertThat(p.current().preset()).isEqualTo(now.preset());
            assertThat(p.proposed().preset()).isNotEqualTo(now.preset()).matches("\\d+");
            double truthNow = farm.hashrateThs(p.miner(), now.frequencyMhz(), now.voltageVolts());
            double[] atProposed = presetClocks(p.miner(), p.proposed().preset());
            double truthThen = farm.hashrateThs(p.miner(), atProposed[0], atProposed[1]);
            assertThat(p.impact().hashrateThs().contains(truthThen - truthNow))
                    .as("%s: hashrate change %s holds the truth %.2f TH/s", p.miner(), p.impact().hashrateThs(),
                            truthThen - truthNow).isTrue();
            assertThat(p.impact().efficiencyJPerTh().high()).as("J/TH falls beyond the noise").isNegative();
        }
    }

    @Test
    void aPricedProfitChangeKeepsTheMarketFiguresItWasWorkedOutAt() {
        // every unit priced: $0.05 per TH/s a day after the pool's fee, $0.06 per kWh
        Instant end = farm.end();
        List<MinerProfit> perUnit = stored.store().registry().miners().stream().map(m -> new MinerProfit(m.id(),
                m.position().roomId(), 100, 3000, 72, 5.0, 5.0, 72 * 0.06, 5.0 - 72 * 0.06, 0.069, 0.0432, 30,
                0.0432)).toList();
        EconomicEvidence economicsPriced = new EconomicEvidence(new FarmProfitReport(FleetProfit.of(end,
                end.plus(Duration.ofDays(1)), "USD", perUnit), Map.of(), Map.of(), Map.of(), List.of()));
        FarmEvidence evidence = new FarmEvidenceBuilder(stored.store(), registry, CATALOG, dir.resolve("settings"))
                .build(end, economicsPriced);

        List<SettingProposal> priced = evidence.proposals().stream()
                .filter(p -> p.impact().profitUsdPerDay() != null).toList();

        assertThat(priced).isNotEmpty().allSatisfy(p -> {
            OutcomePricing at = p.impact().pricedAt();
            assertThat(at).as("%s: the figures its outcome will be priced at", p.miner()).isNotNull();
            assertThat(at.revenueUsdPerThPerDay()).isCloseTo(0.05, offset(1e-9));
            assertThat(at.energyUsdPerKwh()).isCloseTo(0.06, offset(1e-9));
            assertThat(at.profitUsdPerDay(p.impact().hashrateThs().mean(), p.impact().powerWatts().mean()))
                    .as("those figures give the predicted profit change")
                    .isCloseTo(p.impact().profitUsdPerDay().mean(), offset(1e-6));
        });
    }

    @Test
    void manualClockUnitsGetOverclockProposalsWithinTheSafeLimits() {
        FarmEvidence evidence = build(dir.resolve("settings"));

        List<SettingProposal> manual = evidence.proposals().stream()
                .filter(p -> "disabled".equals(stored.store().telemetry().latest().get(p.miner()).preset())).toList();

        assertThat(manual).isNotEmpty().allSatisfy(p -> {
            assertThat(p.type()).isEqualTo(RecommendationType.OVERCLOCK);
            assertThat(p.proposed().frequencyMhz()).isNotNull();
            String modelId = stored.store().registry().miners().stream().filter(m -> m.id().equals(p.miner()))
                    .findFirst().orElseThrow().modelId();
            assertThat(CATALOG.byId(modelId).orElseThrow().safeLimits().permits(
                    p.proposed().frequencyMhz().doubleValue(), p.proposed().voltageVolts(), null, null)).isTrue();
        });
    }

    @Test
    void everyIntervalIsOrderedAndFiniteAndNamesTheChampionItCameFrom() {
        FarmEvidence evidence = build(dir.resolve("settings"));

        assertThat(evidence.proposals()).allSatisfy(p -> {
            String modelId = stored.store().registry().miners().stream().filter(m -> m.id().equals(p.miner()))
                    .findFirst().orElseThrow().modelId();
            long champion = registry.champion(ModelType.EFFICIENCY_CURVE, ModelScope.minerModel(modelId))
                    .orElseThrow().id();
            assertThat(p.modelVersion()).isEqualTo("EFFICIENCY_CURVE/model:" + modelId + "@" + champion);
            Stream.of(p.impact().hashrateThs(), p.impact().powerWatts(), p.impact().efficiencyJPerTh())
                    .forEach(FarmEvidenceBuilderTest::orderedAndFinite);
            assertThat(p.probabilityConstraintsHold()).isBetween(0.0, 1.0);
            assertThat(p.probes()).isPositive();
        });
        assertThat(evidence.thermal()).isNotEmpty().allSatisfy(t -> {
            orderedAndFinite(t.chipTempAtCurrentC());
            assertThat(t.modelVersion()).startsWith("THERMAL/model:");
            assertThat(t.ambientSource()).isEqualTo("assumed");
            assertThat(t.resistanceRisePercent()).isFinite();
        });
        assertThat(evidence.miners()).hasSize(MINERS);
    }

    @Test
    void aUnitWithoutTheConfiguredHeadroomGetsADerateForecastCooler() throws IOException {
        Path strict = Files.createDirectories(dir.resolve("strict"));
        Files.writeString(strict.resolve(AdviceSettings.FILE), "{\"thermalHeadroomC\": 30.0}");

        FarmEvidence evidence = build(strict);

        List<ThermalOutlook> derated = evidence.thermal().stream().filter(t -> t.deratedPowerWatts() != null)
                .toList();
        assertThat(derated).isNotEmpty().allSatisfy(t -> {
            double powerNow = stored.store().telemetry().latest().get(t.miner()).powerWatts();
            assertThat(t.deratedPowerWatts()).isLessThan((int) Math.ceil(powerNow));
            assertThat(t.chipTempAtDeratedC().mean()).isLessThan(t.chipTempAtCurrentC().mean());
            assertThat(t.chipTempAtDeratedC().high()).isLessThanOrEqualTo(t.chipTempLimitC() - 30.0);
        });
        assertThat(build(dir.resolve("settings")).thermal().stream().filter(t -> t.deratedPowerWatts() != null))
                .as("with the default headroom fewer units need a derate").hasSizeLessThan(derated.size());
    }

    @Test
    void aFarmWithoutTrainedModelsHasNoModelEvidence() {
        SyntheticFarm untrained = SyntheticFarm.create(CATALOG, 10, START, 1, 5, PRESET_EVERY);
        try (SyntheticFarm.Stored fresh = untrained.storeIn(dir.resolve("untrained.db"))) {
            ModelRegistry none = registry(fresh.store(), dir.resolve("untrained.db"));

            FarmEvidence evidence = new FarmEvidenceBuilder(fresh.store(), none, CATALOG, dir.resolve("settings"))
                    .build(untrained.end(), economics);

            assertThat(evidence.miners()).hasSize(10).allSatisfy(m -> assertThat(m.latest()).isPresent());
            assertThat(evidence.proposals()).isEmpty();
            assertThat(evidence.thermal()).isEmpty();
            assertThat(evidence.failures()).isEmpty();
            assertThat(evidence.anomalies()).isEmpty();
            assertThat(evidence.hashprice()).isEmpty();
        }
    }

    private static FarmEvidence build(Path settingsFolder) {
        return new FarmEvidenceBuilder(stored.store(), registry, CATALOG, settingsFolder).build(farm.end(), economics);
    }

    /** The clocks (MHz, volts) of the latest 5-minute bucket in which {@code miner} ran {@code preset}. */
    private static double[] presetClocks(MinerId miner, String preset) {
        return stored.store().telemetry().series(miner, START, farm.end(), Resolution.FIVE_MINUTES).stream()
                .filter(p -> preset.equals(p.preset()) && p.frequencyMhz() != null && p.voltageVolts() != null)
                .reduce((a, b) -> b).map(p -> new double[] {p.frequencyMhz(), p.voltageVolts()}).orElseThrow();
    }

    private static void orderedAndFinite(Estimate e) {
        assertThat(e.low()).isFinite().isLessThanOrEqualTo(e.mean());
        assertThat(e.high()).isFinite().isGreaterThanOrEqualTo(e.mean());
    }

    private static ModelRegistry registry(FarmStore store, Path database) {
        return new ModelRegistry(store.modelVersions(), ModelRegistry.artifactFolderBeside(database),
                RegistrySettings.defaults(), new DriftCheck(DriftSettings.defaults()),
                Clock.fixed(farm.end(), ZoneOffset.UTC));
    }
}
