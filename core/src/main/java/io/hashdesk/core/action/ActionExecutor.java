package io.hashdesk.core.action;

import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.MinerId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs action plans in the background, wave after wave, the miners of a wave side by side on virtual threads, each
 * through {@link MinerChange}: backup, steps with read-back, verify, watch, keep or roll back. Journals everything
 * through {@link ActionJournal}, so a crash leaves the action for {@link ActionRecovery}. Also plans and runs the
 * manual rollback of an applied action.
 */
public final class ActionExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(ActionExecutor.class);
    /** Long enough for a miner thread to see its interrupt and stop; they never block on anything else. */
    private static final long STOP_WAIT_SECONDS = 30;

    private final ActionContext context;
    private final ActionPlanner planner;

    public ActionExecutor(MinerSettingsPort port, ActionJournal journal, ActionValidator validator,
                          ActionPlanner planner, ActionSettings settings, Clock clock, Sleeper sleeper) {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(sleeper, "sleeper");
        this.context = new ActionContext(new MinerCalls(port, settings, sleeper), Objects.requireNonNull(journal,
                "journal"), Objects.requireNonNull(validator, "validator"), settings,
                Objects.requireNonNull(clock, "clock"), sleeper);
        this.planner = Objects.requireNonNull(planner, "planner");
    }

    /**
     * Journals {@code plan} and starts it on a background thread; returns at once. A plan whose miners are all
     * refused is journalled and ends FAILED without touching a miner.
     */
    public ActionRun start(ActionPlan plan, ActionListener listener) {
        Objects.requireNonNull(listener, "listener");
        context.journal().recordPlan(plan);
        ActionRun run = new ActionRun(plan.id());
        Thread.ofVirtual().name("action-" + plan.id()).start(() -> {
            try {
                run.completionToFinish().complete(runPlan(plan, listener, run));
            } catch (InterruptedException e) {
                run.completionToFinish().completeExceptionally(e);
            } catch (RuntimeException | Error e) {
                // last resort: the journal keeps the action unfinished for recovery; log it once here
                LOG.error("Action {} stopped unfinished; recovery takes it up at the next start", plan.id(), e);
                run.completionToFinish().completeExceptionally(e);
            }
        });
        return run;
    }

    private ActionState runPlan(ActionPlan plan, ActionListener listener, ActionRun run)
            throws InterruptedException {
        ActionTracker tracker = new ActionTracker(plan.id(), context, listener,
                context.journal().miners(plan.id()), ActionState.PLANNED);
        if (plan.applicable().isEmpty()) {
            tracker.action(ActionState.FAILED, "nothing applied: every miner was refused");
            return ActionState.FAILED;
        }
        tracker.action(ActionState.RUNNING, "");
        Map<MinerId, String> busy = minersOfOtherUnfinishedActions(plan.id());
        Map<MinerId, MinerChange> changes = new LinkedHashMap<>();
        for (PlannedChange planned : plan.applicable()) {
            String other = busy.get(planned.miner());
            if (other != null) {
                // two actions on one miner would each take the other's settings as "before" and undo it
                tracker.miner(planned.miner(), MinerState.SKIPPED, 0, "not changed: action " + other
                        + " on this miner has not finished");
                continue;
            }
            changes.put(planned.miner(), new MinerChange(context, tracker, planned, plan.requestedBy(),
                    run::cancelRequested));
        }
        for (List<MinerId> planWave : plan.waves()) {
            List<MinerId> wave = planWave.stream().filter(changes::containsKey).toList();
            if (run.cancelRequested()) {
                for (MinerId miner : wave) {
                    tracker.miner(miner, MinerState.SKIPPED, 0, "not changed: the action was cancelled first");
                }
                continue;
            }
            runSideBySide(wave.stream().map(changes::get).toList(), MinerChange::run);
        }
        if (run.cancelRequested()) {
            List<MinerChange> kept = changes.values().stream()
                    .filter(c -> tracker.stateOf(c.miner()) == MinerState.KEPT).toList();
            runSideBySide(kept, c -> c.rollBack("the action was cancelled by the operator"));
        }
        ActionState outcome = tracker.outcome(run.cancelRequested());
        tracker.action(outcome, tracker.summary());
        return outcome;
    }

    /** Miners still being changed (or waiting for recovery) by another action, with that action's id. */
    private Map<MinerId, String> minersOfOtherUnfinishedActions(String actionId) {
        Map<MinerId, String> busy = new HashMap<>();
        for (ActionRecord other : context.journal().unfinished()) {
            if (!other.id().equals(actionId)) {
                context.journal().miners(other.id()).stream().filter(m -> !m.state().finished())
                        .forEach(m -> busy.putIfAbsent(m.miner(), other.id()));
            }
        }
        return busy;
    }

    @FunctionalInterface
    interface MinerWork {
        MinerState run(MinerChange change) throws InterruptedException;
    }

    /**
     * Runs one piece of work per miner on virtual threads and waits for all. A thread that fails stops the others
     * (interrupted, they journal nothing more) and its failure is rethrown: the action is then left to recovery.
     */
    static void runSideBySide(List<MinerChange> changes, MinerWork work) throws InterruptedException {
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        try {
            List<Future<MinerState>> running = new ArrayList<>();
            for (MinerChange change : changes) {
                running.add(threads.submit(() -> work.run(change)));
            }
            for (Future<MinerState> future : running) {
                future.get();
            }
        } catch (ExecutionException e) {
            threads.shutdownNow();
            threads.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            switch (e.getCause()) {
                case Error error -> throw error;
                case RuntimeException failure -> throw failure;
                case InterruptedException interrupted -> throw interrupted;
                default -> throw new IllegalStateException("A miner's change failed", e.getCause());
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            throw e;
        } finally {
            threads.shutdown();
        }
    }

    /**
     * Plans undoing an applied action: each of its miners that kept the change and still runs exactly its new
     * settings goes back to what it ran before (pool passwords from the encrypted journal). A miner changed since
     * by someone else, or not answering, is in the plan as refused with the reason. Reads the miners, so it blocks.
     *
     * @throws IllegalArgumentException when there is no such action
     * @throws IllegalStateException    when none of its miners kept a change to undo
     */
    public ActionPlan planRollBack(String actionId, String operator) throws InterruptedException {
        ActionRecord action = context.journal().action(actionId)
                .orElseThrow(() -> new IllegalArgumentException("There is no action " + actionId + " in the journal"));
        List<SettingChange> changes = new ArrayList<>();
        Map<MinerId, String> skipped = new LinkedHashMap<>();
        for (MinerRecord miner : context.journal().miners(actionId)) {
            if (miner.state() != MinerState.KEPT) {
                continue;
            }
            SettingValues old = SettingParts.restrict(
                    context.journal().settingsBefore(actionId, miner.miner()).orElse(miner.from()), miner.from(),
                    miner.to());
            Optional<SettingValues> current = Optional.empty();
            try {
                current = Optional.of(context.calls().read(miner.miner()));
            } catch (MinerAccessException e) {
                skipped.put(miner.miner(), "skipped: could not read its settings (" + e.getMessage() + ")");
            }
            List<String> changedSince = current.map(c -> SettingMatch.differences(miner.to(), c,
                    context.settings().readBackTolerances())).orElse(List.of());
            if (!changedSince.isEmpty()) {
                skipped.put(miner.miner(), "skipped: changed since by someone else (" + String.join("; ", changedSince)
                        + ")");
            }
            SettingValues now = current.map(c -> SettingParts.restrict(c, miner.to(), old)).orElse(miner.to());
            changes.add(new SettingChange(miner.miner(), miner.modelId(), now, old));
        }
        if (changes.isEmpty()) {
            throw new IllegalStateException("The action \"" + action.title() + "\" has no miner that kept its change,"
                    + " so there is nothing to roll back");
        }
        return planner.plan("Roll back: " + action.title(), operator, action.recommendationId(),
                Optional.of(actionId), changes, skipped);
    }

    /** Plans ({@link #planRollBack}) and starts the manual rollback of an action. */
    public ActionRun rollBack(String actionId, String operator, ActionListener listener)
            throws InterruptedException {
        return start(planRollBack(actionId, operator), listener);
    }

    ActionContext context() {
        return context;
    }
}
