package io.hashdesk.core.action;

import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.MinerId;
import java.util.List;
import java.util.Optional;

/**
 * Every write one action makes to one miner goes through here: validated right before it is sent, journalled before
 * and after, the read-back compared with what was asked. Also puts a miner back to its old settings, step by step,
 * and falls back to the firmware backup when that does not take.
 */
final class MinerWriter {

    /** How a write ended, with the sentence the journal and the operator get. */
    record Result(WriteOutcome outcome, String message) {

        boolean done() {
            return outcome == WriteOutcome.DONE;
        }
    }

    private final ActionContext context;
    private final ActionTracker tracker;
    private final MinerId miner;
    private final String modelId;

    MinerWriter(ActionContext context, ActionTracker tracker, MinerId miner, String modelId) {
        this.context = context;
        this.tracker = tracker;
        this.miner = miner;
        this.modelId = modelId;
    }

    MinerId miner() {
        return miner;
    }

    /** Validates, journals and sends one write; never throws for a miner's failure, only reports it. */
    Result write(WriteKind kind, int step, int stepCount, String actor, SettingValues before, SettingValues asked)
            throws InterruptedException {
        List<String> refusals = context.validator().refusalsOf(modelId, asked);
        long id = context.journal().beginWrite(new WriteStart(tracker.actionId(), miner, kind, step, stepCount, actor,
                before, asked, context.clock().instant()));
        if (!refusals.isEmpty()) {
            return end(id, WriteOutcome.REFUSED, null, "not sent: " + String.join("; ", refusals));
        }
        SettingValues readBack;
        try {
            readBack = context.calls().write(miner, asked);
        } catch (MinerAccessException e) {
            return end(id, e.failure().isTransient() ? WriteOutcome.UNANSWERED : WriteOutcome.REJECTED, null,
                    e.getMessage());
        }
        List<String> differences = SettingMatch.differences(asked, readBack, context.settings().readBackTolerances());
        return differences.isEmpty() ? end(id, WriteOutcome.DONE, readBack, "")
                : end(id, WriteOutcome.MISMATCH, readBack, String.join("; ", differences));
    }

    private Result end(long id, WriteOutcome outcome, SettingValues readBack, String message) {
        context.journal().endWrite(id, outcome, readBack, message, context.clock().instant());
        return new Result(outcome, message);
    }

    /**
     * Puts the miner back to {@code old} (the parts the action changed, as they were), in steps no bigger than the
     * step sizes, and verifies it; restores the firmware backup when a write back is refused, rejected or does not
     * read back, and when {@code old} is not known.
     *
     * @return ROLLED_BACK, FAILED (not even the backup took), or UNREACHABLE (stopped answering; recovery retries)
     */
    MinerState rollBack(SettingValues old, int stepReached, String reason) throws InterruptedException {
        tracker.miner(miner, MinerState.ROLLING_BACK, stepReached, "rolling back: " + reason);
        SettingValues current;
        try {
            current = context.calls().read(miner);
        } catch (MinerAccessException e) {
            return unreachable(stepReached, reason, e);
        }
        if (old.isEmpty()) {
            return restore(old, stepReached, reason + "; its old settings are not known");
        }
        if (SettingMatch.matches(old, current, context.settings().readBackTolerances())) {
            return rolledBack(stepReached, reason + "; it was still at its old settings");
        }
        List<SettingValues> path = SettingSteps.between(SettingParts.restrict(current, current, old), old,
                context.settings().stepSizes());
        SettingValues before = SettingParts.restrict(current, current, old);
        for (int i = 0; i < path.size(); i++) {
            Result result = write(WriteKind.ROLLBACK, i + 1, path.size(), ActionContext.HASHDESK, before,
                    path.get(i));
            if (result.outcome() == WriteOutcome.UNANSWERED) {
                return unreachable(stepReached, reason, null);
            }
            if (!result.done()) {
                return restore(old, stepReached, reason + "; writing the old settings back failed ("
                        + result.message() + ")");
            }
            before = path.get(i);
            if (i < path.size() - 1) {
                context.sleeper().sleep(context.settings().settleTime());
            }
        }
        return rolledBack(stepReached, reason);
    }

    /** Restores the firmware backup kept for this action, journalled like a write, then checks the old settings. */
    MinerState restore(SettingValues old, int stepReached, String reason) throws InterruptedException {
        Optional<FirmwareBackup> backup = context.journal().backup(tracker.actionId(), miner);
        if (backup.isEmpty()) {
            return failed(stepReached, reason + "; there is no firmware backup to restore");
        }
        // The backup brings back everything the miner ran before, so it is checked like any write: an old setting
        // outside the limits (set by hand before Hashdesk) is never pushed back, even to undo a failed change.
        SettingValues restoring = context.journal().settingsBefore(tracker.actionId(), miner).orElse(old);
        List<String> unsafe = context.validator().refusalsOf(modelId, restoring);
        if (!unsafe.isEmpty()) {
            long refused = context.journal().beginWrite(new WriteStart(tracker.actionId(), miner, WriteKind.RESTORE, 1,
                    1, ActionContext.HASHDESK, null, null, context.clock().instant()));
            end(refused, WriteOutcome.REFUSED, null, "not restored: the backup holds " + String.join("; ", unsafe));
            return failed(stepReached, reason + "; its old settings are outside the limits (" + String.join("; ",
                    unsafe) + "), so they are not restored: set it by hand");
        }
        long id = context.journal().beginWrite(new WriteStart(tracker.actionId(), miner, WriteKind.RESTORE, 1, 1,
                ActionContext.HASHDESK, null, null, context.clock().instant()));
        try {
            context.calls().restore(miner, backup.get());
        } catch (MinerAccessException e) {
            end(id, e.failure().isTransient() ? WriteOutcome.UNANSWERED : WriteOutcome.REJECTED, null,
                    e.getMessage());
            return e.failure().isTransient() ? unreachable(stepReached, reason, e)
                    : failed(stepReached, reason + "; restoring the firmware backup was refused: " + e.getMessage());
        }
        context.sleeper().sleep(context.settings().restoreWait());
        SettingValues after;
        try {
            after = context.calls().read(miner);
        } catch (MinerAccessException e) {
            end(id, WriteOutcome.UNANSWERED, null, "no answer after the restore: " + e.getMessage());
            return unreachable(stepReached, reason, e);
        }
        List<String> differences = SettingMatch.differences(old, after, context.settings().readBackTolerances());
        if (!differences.isEmpty()) {
            end(id, WriteOutcome.MISMATCH, after, String.join("; ", differences));
            return failed(stepReached, reason + "; after restoring the firmware backup " + String.join("; ",
                    differences));
        }
        end(id, WriteOutcome.DONE, after, "restored the firmware backup of " + backup.get().takenAt());
        return rolledBack(stepReached, reason + "; restored from the firmware backup");
    }

    private MinerState rolledBack(int stepReached, String reason) {
        tracker.miner(miner, MinerState.ROLLED_BACK, stepReached, "rolled back: " + reason);
        return MinerState.ROLLED_BACK;
    }

    private MinerState failed(int stepReached, String reason) {
        tracker.miner(miner, MinerState.FAILED, stepReached, "could not roll back: " + reason);
        return MinerState.FAILED;
    }

    MinerState unreachable(int stepReached, String during, MinerAccessException e) {
        tracker.miner(miner, MinerState.UNREACHABLE, stepReached, "stopped answering (" + during
                + (e == null ? "" : "; " + e.getMessage()) + ") after step " + stepReached
                + "; left for recovery");
        return MinerState.UNREACHABLE;
    }
}
