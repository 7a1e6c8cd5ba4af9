package io.hashdesk.ml.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Says which models are due for retraining: never trained, older than their type's interval, or flagged by a drift
 * check (at most once per {@link RetrainingSettings#minIntervalAfterDrift}). Pure logic; the app's job runner and the
 * headless agent call it on their own timers and run the training.
 */
public final class RetrainingSchedule {

    private final RetrainingSettings settings;

    public RetrainingSchedule(RetrainingSettings settings) {
        this.settings = settings;
    }

    /** The slots due at {@code now}: drifted first, then never trained, then the most overdue. */
    public List<RetrainingDue> due(List<ModelSlot> slots, Instant now) {
        List<RetrainingDue> due = new ArrayList<>();
        for (ModelSlot slot : slots) {
            dueNow(slot, now).ifPresent(due::add);
        }
        due.sort(Comparator.comparing(RetrainingDue::reason)
                .thenComparing(d -> d.slot().lastTrainedAt().orElse(Instant.MIN)));
        return due;
    }

    private Optional<RetrainingDue> dueNow(ModelSlot slot, Instant now) {
        if (slot.lastTrainedAt().isEmpty()) {
            return Optional.of(new RetrainingDue(slot, RetrainingDue.Reason.NEVER_TRAINED,
                    slot.type() + " for " + slot.scope() + " has never been trained"));
        }
        Duration age = Duration.between(slot.lastTrainedAt().get(), now);
        if (slot.driftFlagged() && age.compareTo(settings.minIntervalAfterDrift()) >= 0) {
            return Optional.of(new RetrainingDue(slot, RetrainingDue.Reason.DRIFT, slot.type() + " for "
                    + slot.scope() + ": recent data drifted from its training data (trained " + hours(age)
                    + " ago)"));
        }
        Duration interval = settings.intervalFor(slot.type());
        if (age.compareTo(interval) >= 0) {
            return Optional.of(new RetrainingDue(slot, RetrainingDue.Reason.SCHEDULE, slot.type() + " for "
                    + slot.scope() + " was trained " + hours(age) + " ago; its type is retrained every "
                    + hours(interval)));
        }
        return Optional.empty();
    }

    private static String hours(Duration duration) {
        return duration.toHours() + " h";
    }
}
