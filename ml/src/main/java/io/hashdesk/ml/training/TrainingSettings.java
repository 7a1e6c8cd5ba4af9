package io.hashdesk.ml.training;

import io.hashdesk.core.settings.JsonSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What scheduled retraining reads and assumes, per model family. Defaults live in {@code training-defaults.json}
 * beside this class; an operator's {@value #FILE} in the data folder overrides any subset of them.
 *
 * @param thermal               thermal models: a week, since dust and fan wear make older behaviour stale
 * @param efficiencyCurve       efficiency curves: a month, since probes come only when an operator or the optimiser
 *                              changes a setting, and the five-minute rollups they are read from are kept 90 days
 * @param profitForecast        the hashprice forecaster: a year of market history, for walk-forward folds that span
 *                              several difficulty epochs
 * @param maintenance           the failure predictor: half a year of hourly history, as failures are rare and each
 *                              one teaches its warning signs (the anomaly detector's windows are its own
 *                              {@code AnomalyTrainingSettings})
 * @param assumedAmbientC       the room temperature assumed where no room sensor reports one (none does yet: room
 *                              sensors are a later issue); recorded with every thermal model trained on it
 * @param assumedAmbientByRoomC the same per room id, for rooms known to run warmer or cooler
 * @param firmwareSteps         the clock lattice assumed for every unit: the store keeps no firmware envelope, so an
 *                              efficiency curve's envelope is the model's safe limits on this lattice
 * @param fallbackForecastCoin  the coin forecast when no miner reports telemetry to tell which coin the farm mines
 */
public record TrainingSettings(Windows thermal, Windows efficiencyCurve, Windows profitForecast,
                               Windows maintenance, double assumedAmbientC, Map<String, Double> assumedAmbientByRoomC,
                               FirmwareSteps firmwareSteps, String fallbackForecastCoin) {

    /** The operator's overrides, in the data folder. */
    public static final String FILE = "training-settings.json";
    private static final String DEFAULTS = "training-defaults.json";
    /** The range {@code thermal.RoomAmbient} accepts. */
    private static final double MIN_AMBIENT_C = -40;
    private static final double MAX_AMBIENT_C = 60;

    /**
     * @param history how far back before now a model of the family trains on
     * @param recent  how far back the recent values a drift check compares with the training data reach
     */
    public record Windows(Duration history, Duration recent) {
        public Windows {
            requirePositive(history, "history");
            requirePositive(recent, "recent");
        }
    }

    /** Vnish sets frequency in 1 MHz steps and chain voltage in 10 mV steps. */
    public record FirmwareSteps(double freqStepMhz, double voltsStep) {
        public FirmwareSteps {
            if (!(freqStepMhz > 0 && Double.isFinite(freqStepMhz) && voltsStep > 0 && Double.isFinite(voltsStep))) {
                throw new IllegalArgumentException("firmwareSteps.freqStepMhz and firmwareSteps.voltsStep must be"
                        + " positive, got " + freqStepMhz + " and " + voltsStep);
            }
        }
    }

    public TrainingSettings {
        Objects.requireNonNull(thermal, "thermal");
        Objects.requireNonNull(efficiencyCurve, "efficiencyCurve");
        Objects.requireNonNull(profitForecast, "profitForecast");
        Objects.requireNonNull(firmwareSteps, "firmwareSteps");
        Objects.requireNonNull(maintenance, "maintenance");
        requireAmbient(assumedAmbientC, "assumedAmbientC");
        assumedAmbientByRoomC = Map.copyOf(Objects.requireNonNull(assumedAmbientByRoomC, "assumedAmbientByRoomC"));
        assumedAmbientByRoomC.forEach((room, tempC) -> requireAmbient(tempC, "assumedAmbientByRoomC." + room));
        if (fallbackForecastCoin == null || fallbackForecastCoin.isBlank()) {
            throw new IllegalArgumentException("fallbackForecastCoin must name a coin, such as BTC");
        }
    }

    public static TrainingSettings defaults() {
        return JsonSettings.defaults(TrainingSettings.class, DEFAULTS);
    }

    /** The defaults with the fields present in {@value #FILE} in {@code dataFolder} replacing them. */
    public static TrainingSettings load(Path dataFolder) {
        return JsonSettings.withOverrides(TrainingSettings.class, DEFAULTS, dataFolder.resolve(FILE));
    }

    /** The room temperature assumed in {@code roomId}. */
    public double assumedAmbientC(String roomId) {
        return assumedAmbientByRoomC.getOrDefault(roomId, assumedAmbientC);
    }

    private static void requireAmbient(Double tempC, String name) {
        if (tempC == null || !(tempC >= MIN_AMBIENT_C && tempC <= MAX_AMBIENT_C)) {
            throw new IllegalArgumentException(name + " must be a room temperature in [" + MIN_AMBIENT_C + ", "
                    + MAX_AMBIENT_C + "] °C, got " + tempC);
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
        }
    }
}
