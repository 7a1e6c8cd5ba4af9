package io.hashdesk.ml.advice;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.store.AmbientScope;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.core.store.Resolution;
import io.hashdesk.core.store.SensorPoint;
import io.hashdesk.ml.training.TrainingSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The hottest intake air each miner should expect over the next day: the highest reading of its rack's intake sensors
 * over the last {@code ambientLookback} (rooms follow a daily cycle, so yesterday's peak is the best guess of
 * tomorrow's), else its room's, else the room temperature the training settings assume.
 */
final class AmbientOutlook {

    /** The readings a room sensor can plausibly give; anything outside is a fault, not air. */
    private static final double MIN_AIR_C = -40;
    private static final double MAX_AIR_C = 60;

    /** The intake temperature assumed and where it came from. */
    record Ambient(double tempC, String source) {
    }

    private final Map<AmbientScope, List<SensorPoint>> intake;
    private final TrainingSettings training;

    private AmbientOutlook(Map<AmbientScope, List<SensorPoint>> intake, TrainingSettings training) {
        this.intake = intake;
        this.training = training;
    }

    static AmbientOutlook read(FarmStore store, Instant from, Instant now, TrainingSettings training) {
        return new AmbientOutlook(store.sensors().ambientIntake(from, now, Resolution.FIVE_MINUTES), training);
    }

    Ambient around(Miner miner) {
        String room = miner.position().roomId();
        double rack = hottest(AmbientScope.rack(room, miner.position().rack()));
        if (Double.isFinite(rack)) {
            return new Ambient(rack, "rack sensor");
        }
        double wholeRoom = hottest(AmbientScope.room(room));
        if (Double.isFinite(wholeRoom)) {
            return new Ambient(wholeRoom, "room sensor");
        }
        return new Ambient(training.assumedAmbientC(room), "assumed");
    }

    private double hottest(AmbientScope scope) {
        double hottest = Double.NaN;
        for (SensorPoint p : intake.getOrDefault(scope, List.of())) {
            double c = p.value().max();
            if (Double.isFinite(c) && c >= MIN_AIR_C && c <= MAX_AIR_C && !(c <= hottest)) {
                hottest = c;
            }
        }
        return hottest;
    }
}
