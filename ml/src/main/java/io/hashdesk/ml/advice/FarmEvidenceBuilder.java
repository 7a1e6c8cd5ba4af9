package io.hashdesk.ml.advice;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.MinerModel;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.reco.AnomalyFinding;
import io.hashdesk.core.reco.EconomicEvidence;
import io.hashdesk.core.reco.FailureOutlook;
import io.hashdesk.core.reco.FarmEvidence;
import io.hashdesk.core.reco.HashpriceOutlook;
import io.hashdesk.core.reco.MinerFacts;
import io.hashdesk.core.reco.SettingProposal;
import io.hashdesk.core.reco.ThermalOutlook;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.UnitWork;
import io.hashdesk.ml.anomaly.AnomalyDetector;
import io.hashdesk.ml.features.FeatureBuilder;
import io.hashdesk.ml.features.FeatureSettings;
import io.hashdesk.ml.forecast.HashpriceForecaster;
import io.hashdesk.ml.maintenance.FailureRiskModel;
import io.hashdesk.ml.maintenance.MaintenanceFeatures;
import io.hashdesk.ml.maintenance.MaintenanceSettings;
import io.hashdesk.ml.optimiser.OptimiserOptions;
import io.hashdesk.ml.training.RoomSensorHistory;
import io.hashdesk.ml.training.StandardTrainers;
import io.hashdesk.ml.training.TrainingSettings;
import io.hashdesk.ml.registry.ModelRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@link FarmEvidence} a recommendation pass reasons over, from the store and the champion models: every
 * miner's latest reading, POWER/OVERCLOCK proposals from the efficiency curves, thermal outlooks, failure outlooks,
 * anomalies and hashprice outlooks. A family without a champion contributes nothing (not an error); a champion that
 * fails to load is logged once and skipped. The store is read in a few fleet-wide passes (the units' hourly history,
 * the anomaly features, the latest polls) and per-unit work runs on every core.
 */
public final class FarmEvidenceBuilder {

    private final FarmStore store;
    private final ModelRegistry registry;
    private final MinerModelCatalog catalog;
    private final AdviceSettings settings;
    private final TrainingSettings training;
    private final MaintenanceSettings maintenance;
    private final FeatureSettings features;
    private final SettingProposals proposals;
    private final ThermalOutlooks thermal;

    /**
     * @param dataFolder where the operator's settings files are: {@value AdviceSettings#FILE} and the trainers' own
     *                   ({@link StandardTrainers}), so that evidence reads the models as they were trained
     * @throws IllegalArgumentException naming the file and field when a settings file is invalid
     */
    public FarmEvidenceBuilder(FarmStore store, ModelRegistry registry, MinerModelCatalog catalog, Path dataFolder) {
        this.store = store;
        this.registry = registry;
        this.catalog = catalog;
        this.settings = AdviceSettings.load(dataFolder);
        this.training = TrainingSettings.load(dataFolder);
        this.maintenance = MaintenanceSettings.withOverrides(
                dataFolder.resolve(StandardTrainers.MAINTENANCE_SETTINGS_FILE));
        this.features = FeatureSettings.withOverrides(dataFolder.resolve(StandardTrainers.FEATURE_SETTINGS_FILE));
        this.proposals = new SettingProposals(OptimiserOptions.withOverrides(
                dataFolder.resolve(StandardTrainers.OPTIMISER_SETTINGS_FILE)), training.firmwareSteps());
        this.thermal = new ThermalOutlooks(settings);
    }

    /**
     * The evidence as of {@code now}.
     *
     * @param economics the next day priced at the prices in force; its per-miner figures also give the prices the
     *                  proposals' profit objective uses (a miner it could not price is optimised for J/TH)
     */
    public FarmEvidence build(Instant now, EconomicEvidence economics) {
        List<Miner> miners = store.registry().miners();
        Map<MinerId, TelemetrySnapshot> latest = store.telemetry().latest();
        List<MinerFacts> facts = miners.stream()
                .map(m -> new MinerFacts(m, Optional.ofNullable(latest.get(m.id())))).toList();
        Champions champions = new Champions(registry);
        Duration history = settings.unitHistory().compareTo(maintenance.historyNeeded()) > 0
                ? settings.unitHistory() : maintenance.historyNeeded();
        Map<MinerId, UnitPast> past = FleetHistory.read(store, catalog, now.minus(history), now);
        UnitModels models = new UnitModels(champions);
        MinerPrices prices = MinerPrices.of(economics);
        AmbientOutlook ambient = AmbientOutlook.read(store, now.minus(settings.ambientLookback()), now, training);

        List<UnitEvidence> perUnit = UnitWork.eachInParallel(miners, miner -> unitEvidence(miner,
                latest.get(miner.id()), past.get(miner.id()), models, prices, ambient), TrainingProgress.NONE, 0, 0,
                miner -> "");
        List<SettingProposal> settingProposals = new ArrayList<>();
        List<ThermalOutlook> outlooks = new ArrayList<>();
        for (UnitEvidence unit : perUnit) {
            unit.proposal().ifPresent(settingProposals::add);
            unit.thermal().ifPresent(outlooks::add);
        }
        return new FarmEvidence(facts, settingProposals, outlooks, failures(miners, past, champions, now),
                anomalies(champions, now), hashprice(champions, now), economics);
    }

    /** One unit's share of the evidence. */
    private record UnitEvidence(Optional<SettingProposal> proposal, Optional<ThermalOutlook> thermal) {
    }

    private UnitEvidence unitEvidence(Miner miner, TelemetrySnapshot latest, UnitPast past, UnitModels models,
                                      MinerPrices prices, AmbientOutlook ambient) {
        Optional<MinerModel> model = catalog.byId(miner.modelId());
        if (latest == null || model.isEmpty()) {
            return new UnitEvidence(Optional.empty(), Optional.empty());
        }
        Optional<SettingProposal> proposal = models.curve(miner.modelId()).flatMap(curve ->
                proposals.propose(miner, model.get(), latest, past, curve, prices.of(miner.id())));
        Optional<ThermalOutlook> outlook = models.thermal(miner).flatMap(unit -> thermal.outlook(miner, model.get(),
                latest, unit.model(), unit.baseline(), ambient.around(miner), unit.version()));
        return new UnitEvidence(proposal, outlook);
    }

    private List<FailureOutlook> failures(List<Miner> miners, Map<MinerId, UnitPast> past, Champions champions,
                                          Instant now) {
        return champions.of(ModelType.MAINTENANCE, ModelScope.fleet(), FailureRiskModel.class).map(loaded ->
                HealthFindings.failures(loaded.model(), new MaintenanceFeatures(maintenance).rows(miners.stream()
                        .filter(m -> past.containsKey(m.id())).map(m -> past.get(m.id()).hours()).toList(), now),
                        settings.failureProbabilityToReport(), Champions.versionOf(loaded.version())))
                .orElse(List.of());
    }

    private List<AnomalyFinding> anomalies(Champions champions, Instant now) {
        return champions.of(ModelType.ANOMALY, ModelScope.fleet(), AnomalyDetector.class).map(loaded -> {
            // operational features only, as the detector was trained; room air as its trainer reads it
            RoomSensorHistory air = RoomSensorHistory.read(store, now.minus(features.weekWindow()), now);
            return HealthFindings.anomalies(loaded.model(), new FeatureBuilder(store.telemetry(), store.registry(),
                    catalog, features).build(now, air, algorithm -> null, TrainingProgress.NONE),
                    Champions.versionOf(loaded.version()));
        }).orElse(List.of());
    }

    private List<HashpriceOutlook> hashprice(Champions champions, Instant now) {
        return champions.of(ModelType.PROFIT_FORECAST, ModelScope.fleet(), HashpriceForecaster.Saved.class)
                .map(loaded -> HashpriceOutlooks.of(loaded.model(), Champions.versionOf(loaded.version()), store, now,
                        settings.marketHistory()))
                .orElse(List.of());
    }
}
