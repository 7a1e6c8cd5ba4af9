package io.hashdesk.core.action;

import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.MinerId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Applies one miner's planned change: rate limit, settings read and firmware backup, each step written and read back,
 * the whole verified, the watch, then keep or roll back. What it read before the first write (pool passwords
 * included) stays in memory for the rollback.
 */
final class MinerChange {

    private static final Duration RATE_WINDOW = Duration.ofHours(1);

    private final ActionContext context;
    private final ActionTracker tracker;
    private final PlannedChange change;
    private final String actor;
    private final BooleanSupplier cancelled;
    private final MinerWriter writer;
    private SettingValues before;
    private int stepReached;

    MinerChange(ActionContext context, ActionTracker tracker, PlannedChange change, String actor,
                BooleanSupplier cancelled) {
        this.context = context;
        this.tracker = tracker;
        this.change = change;
        this.actor = actor;
        this.cancelled = cancelled;
        this.writer = new MinerWriter(context, tracker, change.miner(), change.modelId());
    }

    MinerId miner() {
        return change.miner();
    }

    /** Runs the change to its end for this miner; returns the miner's final state. */
    MinerState run() throws InterruptedException {
        MinerId miner = change.miner();
        int stepCount = change.steps().size();
        int recent = context.journal().writesSince(miner, context.clock().instant().minus(RATE_WINDOW));
        if (recent + stepCount > context.settings().writesPerMinerPerHour()) {
            return skipped("not changed: it already had " + recent + " setting writes in the last hour and this"
                    + " change needs " + stepCount + " more, over the limit of "
                    + context.settings().writesPerMinerPerHour() + " an hour (writesPerMinerPerHour)");
        }
        tracker.miner(miner, MinerState.BACKING_UP, 0, "reading its settings and taking the firmware backup");
        WatchBaseline baseline;
        try {
            before = context.calls().read(miner);
            baseline = WatchBaseline.of(context.calls().observe(miner));
            FirmwareBackup backup = context.calls().backup(miner);
            context.journal().recordBefore(tracker.actionId(), miner, before, baseline, backup,
                    context.clock().instant());
        } catch (MinerAccessException e) {
            return skipped("not changed: reading it or taking its backup failed before any write ("
                    + e.getMessage() + ")");
        }
        SettingValues previous = SettingParts.restrict(before, change.from(), change.to());
        for (SettingValues step : change.steps()) {
            if (cancelled.getAsBoolean()) {
                return stepReached == 0 ? skipped("not changed: cancelled by the operator before its first write")
                        : rollBack("cancelled by the operator");
            }
            tracker.miner(miner, MinerState.APPLYING, stepReached, "writing step " + (stepReached + 1) + " of "
                    + stepCount);
            MinerWriter.Result result = writer.write(WriteKind.APPLY, stepReached + 1, stepCount, actor, previous,
                    step);
            if (result.outcome() == WriteOutcome.UNANSWERED) {
                return writer.unreachable(stepReached, "writing step " + (stepReached + 1) + " of " + stepCount,
                        null);
            }
            if (!result.done()) {
                return rollBack("step " + (stepReached + 1) + " of " + stepCount + " "
                        + result.outcome().name().toLowerCase(Locale.ROOT) + ": " + result.message());
            }
            stepReached++;
            previous = step;
            if (stepReached < stepCount) {
                context.sleeper().sleep(context.settings().settleTime());
            }
        }
        Instant lastStepAt = context.clock().instant();
        context.journal().lastStepFinished(tracker.actionId(), miner, lastStepAt);
        return verifyAndWatch(baseline, lastStepAt);
    }

    private MinerState verifyAndWatch(WatchBaseline baseline, Instant lastStepAt) throws InterruptedException {
        MinerId miner = change.miner();
        tracker.miner(miner, MinerState.VERIFYING, stepReached, "reading its settings back");
        try {
            List<String> differences = SettingMatch.differences(change.to(), context.calls().read(miner),
                    context.settings().readBackTolerances());
            if (!differences.isEmpty()) {
                return rollBack("after the last step " + String.join("; ", differences));
            }
        } catch (MinerAccessException e) {
            return writer.unreachable(stepReached, "verifying the new settings", e);
        }
        return watch(baseline, lastStepAt);
    }

    /** Watches the miner through the window from {@code lastStepAt}; keeps the change or rolls it back. */
    MinerState watch(WatchBaseline baseline, Instant lastStepAt) throws InterruptedException {
        MinerId miner = change.miner();
        tracker.miner(miner, MinerState.WATCHING, stepReached, "watching it for "
                + context.settings().watchWindow().toMinutes() + " min");
        MinerWatch.Verdict verdict = new MinerWatch(context).watch(miner, change.modelId(), baseline,
                MinerWatch.expectedHashrateScale(before == null ? change.from() : before, change.to()), lastStepAt,
                cancelled);
        context.journal().watchEnded(tracker.actionId(), miner, context.clock().instant());
        if (verdict.kind() != MinerWatch.Verdict.Kind.KEEP) {
            return rollBack(verdict.reason());
        }
        tracker.miner(miner, MinerState.KEPT, stepReached, "kept: healthy through the watch");
        return MinerState.KEPT;
    }

    /** Rolls back a miner this run has changed (also one already kept, when the operator cancels the action). */
    MinerState rollBack(String reason) throws InterruptedException {
        SettingValues old = SettingParts.restrict(before == null ? change.from() : before, change.from(),
                change.to());
        return writer.rollBack(old, stepReached, reason);
    }

    /** Used by recovery, which has the settings from the journal rather than from its own read. */
    void resumeFrom(SettingValues settingsBefore, int stepsTaken) {
        this.before = settingsBefore;
        this.stepReached = stepsTaken;
    }

    MinerState unreachable(String during, MinerAccessException e) {
        return writer.unreachable(stepReached, during, e);
    }

    private MinerState skipped(String reason) {
        tracker.miner(change.miner(), MinerState.SKIPPED, 0, reason);
        return MinerState.SKIPPED;
    }
}
