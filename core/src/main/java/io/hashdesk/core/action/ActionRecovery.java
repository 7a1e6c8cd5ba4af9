package io.hashdesk.core.action;

import io.hashdesk.core.domain.MinerAccessException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes up, at start, every action the journal holds unfinished (a crash or a restart mid-apply, or a miner that had
 * stopped answering). Each unfinished miner is read: one found at its new settings whose watch never ended is rolled
 * back (or, if the settings say so, watched again); one at its old settings is marked rolled back; one in between is
 * rolled back; one that does not answer stays UNREACHABLE and its action NEEDS_RECOVERY, for the next
 * {@link #recover()}. A miner that had not been written yet is marked skipped. The journal always ends saying, per
 * miner, old (ROLLED_BACK, SKIPPED) or new (KEPT).
 */
public final class ActionRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(ActionRecovery.class);

    private final ActionContext context;

    public ActionRecovery(MinerSettingsPort port, ActionJournal journal, ActionValidator validator,
                          ActionSettings settings, Clock clock, Sleeper sleeper) {
        this.context = new ActionContext(new MinerCalls(Objects.requireNonNull(port, "port"), settings, sleeper),
                Objects.requireNonNull(journal, "journal"), Objects.requireNonNull(validator, "validator"),
                Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(sleeper, "sleeper"));
    }

    /**
     * Recovers every unfinished action, one after the other (their miners side by side); blocks until done.
     *
     * @return the recovered actions as the journal holds them afterwards, oldest first; one whose miner still does
     *         not answer is {@link ActionState#NEEDS_RECOVERY}
     */
    public List<ActionRecord> recover() throws InterruptedException {
        List<ActionRecord> recovered = new ArrayList<>();
        for (ActionRecord action : context.journal().unfinished()) {
            ActionState state = recover(action);
            LOG.info("Recovered the action {} (\"{}\"): {}", action.id(), action.title(), state);
            recovered.add(context.journal().action(action.id()).orElseThrow());
        }
        return recovered;
    }

    private ActionState recover(ActionRecord action) throws InterruptedException {
        List<MinerRecord> miners = context.journal().miners(action.id());
        ActionTracker tracker = new ActionTracker(action.id(), context, ActionListener.NONE, miners, action.state());
        List<MinerChange> toCheck = new ArrayList<>();
        for (MinerRecord miner : miners) {
            if (miner.state().finished()) {
                continue;
            }
            if (miner.state() == MinerState.QUEUED || miner.state() == MinerState.BACKING_UP) {
                tracker.miner(miner.miner(), MinerState.SKIPPED, 0,
                        "not changed: Hashdesk stopped before its first write");
                continue;
            }
            MinerChange change = new MinerChange(context, tracker, miner.plannedChange(), ActionContext.HASHDESK,
                    () -> false);
            change.resumeFrom(context.journal().settingsBefore(action.id(), miner.miner()).orElse(miner.from()),
                    miner.stepReached());
            toCheck.add(change);
        }
        ActionExecutor.runSideBySide(toCheck, change -> recoverMiner(change, find(miners, change)));
        ActionState outcome = tracker.outcome(false);
        tracker.action(outcome, "after recovery: " + tracker.summary());
        return outcome;
    }

    private MinerState recoverMiner(MinerChange change, MinerRecord record) throws InterruptedException {
        SettingValues current;
        try {
            current = context.calls().read(record.miner());
        } catch (MinerAccessException e) {
            return change.unreachable("while recovering after a restart", e);
        }
        ActionSettings.ReadBackTolerances tolerances = context.settings().readBackTolerances();
        if (SettingMatch.matches(record.to(), current, tolerances)
                && context.settings().atNewSettingsOnRecovery() == ActionSettings.RecoveryChoice.RESUME_WATCH
                && record.baseline().isPresent()) {
            return change.watch(record.baseline().get(), context.clock().instant());
        }
        String found = SettingMatch.matches(record.to(), current, tolerances)
                ? "found at its new settings after a restart, never watched through"
                : "found after a restart " + (SettingMatch.matches(record.from(), current, tolerances)
                        ? "at its old settings" : "between its old and new settings");
        return change.rollBack(found);
    }

    private static MinerRecord find(List<MinerRecord> miners, MinerChange change) {
        return miners.stream().filter(m -> m.miner().equals(change.miner())).findFirst().orElseThrow();
    }
}
