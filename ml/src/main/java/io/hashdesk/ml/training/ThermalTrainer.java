package io.hashdesk.ml.training;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.drift.DriftSettings;
import io.hashdesk.ml.registry.ModelCandidate;
import io.hashdesk.ml.thermal.RoomAmbient;
import io.hashdesk.ml.thermal.ThermalModel;
import io.hashdesk.ml.thermal.ThermalTraining;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retrains the thermal models, one per miner model with registered miners ({@link ThermalTraining}). The store
 * holds no room temperature yet, so every room is taken to be at its assumed temperature from
 * {@link TrainingSettings}; the candidate records that assumption with its hyper-parameters and the note says it.
 */
public final class ThermalTrainer implements ModelTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(ThermalTrainer.class);

    private final ThermalModel.Options options;
    private final DriftSettings drift;
    private final TrainingSettings settings;

    /** @param options the fit's options; their training window is replaced by {@code settings.thermal().history()} */
    public ThermalTrainer(ThermalModel.Options options, DriftSettings drift, TrainingSettings settings) {
        this.options = options.withTrainingWindow(settings.thermal().history());
        this.drift = drift;
        this.settings = settings;
    }

    @Override
    public ModelType type() {
        return ModelType.THERMAL;
    }

    @Override
    public List<ModelScope> scopes(FarmStore store, Instant now) {
        return MinerModelScopes.of(store, model -> true);
    }

    /**
     * Fits every unit of the scope's miner model on its last {@code thermal.history} of 5-minute telemetry. Not
     * enough data when no unit has enough usable points, or none has enough to hold any out for the held-out error
     * the registry judges thermal models on.
     */
    @Override
    public TrainingResult train(FarmStore store, ModelScope scope, Instant now, TrainingProgress progress) {
        List<Miner> units = MinerModelScopes.unitsOf(store, scope);
        if (units.isEmpty()) {
            return TrainingResult.notEnoughData("no miner of model " + scope.key() + " is registered");
        }
        AirAround air = air(store, now);
        List<ThermalTraining.Trained> trained;
        try {
            trained = ThermalTraining.train(store.telemetry(), units, air::around, now, options, drift, progress);
        } catch (IllegalArgumentException e) {
            // ThermalTraining's way of saying the fitted units had too little history to hold any of it out
            return TrainingResult.notEnoughData(e.getMessage());
        }
        if (trained.isEmpty()) {
            return TrainingResult.notEnoughData("none of the " + units.size() + " registered " + scope.key()
                    + " unit(s) gave a plausible thermal fit: each had fewer than " + options.minSamples()
                    + " usable 5-minute points in the last " + options.trainingWindow().toDays() + " day(s), or a fit"
                    + " outside the physical bounds (the log names each unit and why)");
        }
        ThermalTraining.Trained model = trained.getFirst();
        Map<String, Object> ambient = ambientSources(units, air);
        String note = String.format(Locale.ROOT, "fitted %d of %d unit(s) of %s; room air by room (measured by the"
                        + " room's intake sensors, or the assumed °C where a room has none): %s%s",
                model.models().units().size(), units.size(), scope.key(), ambient, model.skipped().isEmpty() ? ""
                        : "; " + model.skipped().size() + " unit(s) skipped (the log says why)");
        LOG.info("Thermal model for {}: {}", scope.key(), note);
        model.skipped().forEach((unit, why) -> LOG.info("No thermal model for {}: {}", unit, why));
        return TrainingResult.trained(withAmbient(model.candidate(), ambient), model.artifact(), note);
    }

    @Override
    public Map<String, double[]> recentFeatures(FarmStore store, ModelScope scope, Instant now) {
        List<Miner> units = MinerModelScopes.unitsOf(store, scope);
        return ThermalTraining.featureColumns(store.telemetry(), units, air(store, now)::around,
                now.minus(settings.thermal().recent()), now, options);
    }

    /** The air the room sensors measured over the training window, with the assumed room temperature behind it. */
    private AirAround air(FarmStore store, Instant now) {
        return new AirAround(RoomSensorHistory.read(store, now.minus(options.trainingWindow()), now));
    }

    /** A miner's measured air, or its room's assumed temperature where no intake sensor reports. */
    private final class AirAround {
        private final RoomSensorHistory measured;

        AirAround(RoomSensorHistory measured) {
            this.measured = measured;
        }

        RoomAmbient around(Miner miner) {
            return measured.around(miner)
                    .orElseGet(() -> RoomAmbient.constant(settings.assumedAmbientC(miner.position().roomId())));
        }
    }

    /** Per room: "sensors" where intake sensors reported in the window, else the °C assumed. */
    private Map<String, Object> ambientSources(List<Miner> units, AirAround air) {
        Set<String> sensed = air.measured.sensedRooms();
        Map<String, Object> byRoom = new TreeMap<>();
        for (Miner m : units) {
            String room = m.position().roomId();
            byRoom.put(room, sensed.contains(room) ? "sensors" : settings.assumedAmbientC(room));
        }
        return byRoom;
    }

    /** The candidate with where its room temperatures came from recorded beside the fit's options. */
    private static ModelCandidate withAmbient(ModelCandidate candidate, Map<String, Object> byRoom) {
        Map<String, Object> hyper = new LinkedHashMap<>();
        hyper.put("thermal", candidate.hyperParameters());
        hyper.put("ambient", Map.of("byRoom", byRoom));
        return new ModelCandidate(candidate.type(), candidate.scope(), candidate.trainedFrom(),
                candidate.trainedTo(), candidate.features(), candidate.algorithm(), hyper, candidate.metrics(),
                candidate.distributions());
    }
}
