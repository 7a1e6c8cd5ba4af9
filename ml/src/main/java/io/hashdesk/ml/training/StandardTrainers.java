package io.hashdesk.ml.training;

import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.market.CoinCatalog;
import io.hashdesk.core.profit.ProfitSettings;
import io.hashdesk.ml.anomaly.AnomalyOptions;
import io.hashdesk.ml.anomaly.AnomalyTrainingSettings;
import io.hashdesk.ml.drift.DriftSettings;
import io.hashdesk.ml.features.FeatureSettings;
import io.hashdesk.ml.forecast.HashpriceForecaster;
import io.hashdesk.ml.maintenance.FailureRiskTraining;
import io.hashdesk.ml.maintenance.MaintenanceSettings;
import io.hashdesk.ml.optimiser.HistoryOptions;
import io.hashdesk.ml.optimiser.OptimiserOptions;
import io.hashdesk.ml.thermal.ThermalModel;
import java.nio.file.Path;
import java.util.List;

/**
 * The trainers of every model family the app and the headless agent retrain on schedule, with their settings read
 * from the data folder: each file overrides any subset of its bundled defaults, and a missing file means none.
 */
public final class StandardTrainers {

    /** Overrides of {@link DriftSettings}; the registry's drift check should read the same file. */
    public static final String DRIFT_SETTINGS_FILE = "drift-settings.json";
    /** Overrides of how stored telemetry becomes efficiency-curve probes ({@link HistoryOptions}). */
    public static final String OPTIMISER_HISTORY_FILE = "optimiser-history.json";
    /** Overrides of the failure predictor's {@link MaintenanceSettings}. */
    public static final String MAINTENANCE_SETTINGS_FILE = "maintenance-settings.json";
    /** Overrides of the anomaly detector's {@link AnomalyOptions}. */
    public static final String ANOMALY_SETTINGS_FILE = "anomaly-settings.json";
    /** Overrides of how the anomaly detector is trained and held out ({@link AnomalyTrainingSettings}). */
    public static final String ANOMALY_TRAINING_FILE = "anomaly-training.json";
    /** Overrides of the feature windows ({@link FeatureSettings}) the anomaly detector's features use. */
    public static final String FEATURE_SETTINGS_FILE = "feature-settings.json";
    /** Overrides of the efficiency curve's and optimiser's {@link OptimiserOptions}. */
    public static final String OPTIMISER_SETTINGS_FILE = "optimiser-settings.json";

    private StandardTrainers() {
    }

    /**
     * @param catalog    the miner models, with the operator's overrides, for their safe limits and rated power
     * @param dataFolder where the settings files above and {@value TrainingSettings#FILE} are
     * @throws IllegalArgumentException naming the file and field when a settings file is invalid
     */
    public static List<ModelTrainer> all(MinerModelCatalog catalog, Path dataFolder) {
        TrainingSettings settings = TrainingSettings.load(dataFolder);
        DriftSettings drift = DriftSettings.withOverrides(dataFolder.resolve(DRIFT_SETTINGS_FILE));
        // the coin the profit settings assume per algorithm decides which coin the forecast is for
        ProfitSettings profit = ProfitSettings.inDataFolder(dataFolder);
        return List.of(
                new ThermalTrainer(ThermalModel.Options.defaults(), drift, settings),
                new EfficiencyCurveTrainer(catalog,
                        HistoryOptions.withOverrides(dataFolder.resolve(OPTIMISER_HISTORY_FILE)),
                        OptimiserOptions.withOverrides(dataFolder.resolve(OPTIMISER_SETTINGS_FILE)), drift, settings),
                new HashpriceForecastTrainer(catalog, CoinCatalog.bundled(), profit.assumedCoins(),
                        HashpriceForecaster.Options.defaults(), drift, settings),
                new FailureRiskTrainer(new FailureRiskTraining(
                        MaintenanceSettings.withOverrides(dataFolder.resolve(MAINTENANCE_SETTINGS_FILE)), drift,
                        catalog), catalog, settings),
                new AnomalyTrainer(catalog, FeatureSettings.withOverrides(dataFolder.resolve(FEATURE_SETTINGS_FILE)),
                        AnomalyOptions.withOverrides(dataFolder.resolve(ANOMALY_SETTINGS_FILE)),
                        AnomalyTrainingSettings.withOverrides(dataFolder.resolve(ANOMALY_TRAINING_FILE)), drift));
    }
}
