package io.hashdesk.core.reco;

import io.hashdesk.core.action.ActionExecutor;
import io.hashdesk.core.action.ActionJournal;
import io.hashdesk.core.action.ActionListener;
import io.hashdesk.core.action.ActionPlan;
import io.hashdesk.core.action.ActionPlanner;
import io.hashdesk.core.action.ActionRecord;
import io.hashdesk.core.action.ActionRun;
import io.hashdesk.core.action.ActionState;
import io.hashdesk.core.action.MinerRecord;
import io.hashdesk.core.action.MinerSettingsPort;
import io.hashdesk.core.action.MinerState;
import io.hashdesk.core.action.SettingChange;
import io.hashdesk.core.action.SettingParts;
import io.hashdesk.core.domain.MinerAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Locale;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * From a recommendation to an applied, verified, audited change, and back to the recommendation's record: plans it
 * with the settings its miners run now (read fresh, so the operator confirms real from → to values), accepts it and
 * starts the action, and when the action has ended marks the recommendation applied (measured later against its
 * prediction) or, when every miner was rolled back or refused, dismisses it in Hashdesk's name with the reason, which
 * starts its cooldown so a setting that just failed is not advised again at once.
 *
 * <p>One action per recommendation, so each outcome is measured on its own. A bulk apply runs the confirmed plans
 * one after another, so the executor's per-room waves hold across them and a room's power never jumps.
 */
public final class RecommendationApplier {

    /** The actor the audit trail and feedback name for what Hashdesk does on its own. */
    public static final String HASHDESK = "Hashdesk";

    private static final Logger LOG = LoggerFactory.getLogger(RecommendationApplier.class);
    private static final Set<RecommendationStatus> APPLICABLE = EnumSet.of(RecommendationStatus.OPEN,
            RecommendationStatus.SNOOZED);

    private final RecommendationStore recommendations;
    private final ActionJournal journal;
    private final ActionExecutor executor;
    private final ActionPlanner planner;
    private final MinerSettingsPort port;
    private final Clock clock;

    public RecommendationApplier(RecommendationStore recommendations, ActionJournal journal, ActionExecutor executor,
                                 ActionPlanner planner, MinerSettingsPort port, Clock clock) {
        this.recommendations = Objects.requireNonNull(recommendations, "recommendations");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.planner = Objects.requireNonNull(planner, "planner");
        this.port = Objects.requireNonNull(port, "port");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The plan to confirm. Reads every target miner's current settings (side by side), so {@code from} is what it
     * runs now; a miner that does not answer keeps the values the recommendation saw (the executor reads it again
     * before its first write in any case). Blocks for the reads.
     *
     * @throws IllegalArgumentException when there is no such recommendation
     * @throws IllegalStateException    when it is advice only, expired, or no longer open
     */
    public ActionPlan plan(String recommendationId, String operator) throws InterruptedException {
        StoredRecommendation stored = recommendations.find(recommendationId).orElseThrow(() ->
                new IllegalArgumentException("There is no recommendation with id '" + recommendationId + "'"));
        Recommendation recommendation = stored.recommendation();
        if (!APPLICABLE.contains(stored.status())) {
            throw new IllegalStateException("'" + recommendation.headline() + "' cannot be applied: it is "
                    + stored.status().name().toLowerCase(Locale.ROOT));
        }
        if (!recommendation.applicable()) {
            throw new IllegalStateException("'" + recommendation.headline() + "' is advice ("
                    + recommendation.type() + "); it changes no miner settings");
        }
        if (!clock.instant().isBefore(recommendation.expiresAt())) {
            throw new IllegalStateException("'" + recommendation.headline() + "' expired at "
                    + recommendation.expiresAt() + "; the next recommendation pass gives fresh advice");
        }
        return planner.plan(recommendation.headline(), operator, recommendation.id(),
                withCurrentSettings(recommendation.changes()));
    }

    /**
     * Accepts the plan's recommendation in the operator's name and starts the action; when it ends the
     * recommendation is marked applied or dismissed (see the class comment).
     */
    public ActionRun apply(ActionPlan plan, String operator, ActionListener listener) {
        String recommendationId = plan.recommendationId().orElseThrow(() ->
                new IllegalArgumentException("plan '" + plan.title() + "' does not come from a recommendation"));
        recommendations.accept(recommendationId, operator, clock.instant());
        ActionRun run = executor.start(plan, listener);
        run.completion().whenComplete((state, failure) -> {
            if (failure == null) {
                settle(recommendationId, plan.id());
            } else {
                LOG.warn("Action {} for recommendation {} stopped unfinished; recovery settles it", plan.id(),
                        recommendationId);
            }
        });
        return run;
    }

    /**
     * Applies confirmed plans one after another on a background thread, each as {@link #apply}; cancelling stops
     * the running one (its changed miners are rolled back) and starts no more.
     */
    public BulkApply applyAll(List<ActionPlan> plans, String operator, ActionListener listener) {
        BulkApply bulk = new BulkApply(List.copyOf(plans));
        Thread.ofVirtual().name("bulk-apply").start(() -> bulk.runEach(plan -> apply(plan, operator, listener)));
        return bulk;
    }

    /**
     * Settles recommendations whose action ended while nobody was listening (the app stopped mid-apply and recovery
     * finished the action at the next start). Returns how many it settled.
     */
    public int settleFinished(Duration lookBack) {
        Instant now = clock.instant();
        int settled = 0;
        for (ActionRecord action : journal.actions(now.minus(lookBack), now.plusMillis(1), Integer.MAX_VALUE)) {
            if (action.state().finished() && action.recommendationId().isPresent()) {
                Optional<StoredRecommendation> stored = recommendations.find(action.recommendationId().get());
                if (stored.isPresent() && stored.get().status() == RecommendationStatus.ACCEPTED) {
                    settle(action.recommendationId().get(), action.id());
                    settled++;
                }
            }
        }
        return settled;
    }

    private void settle(String recommendationId, String actionId) {
        ActionRecord action = journal.action(actionId).orElseThrow();
        List<MinerRecord> miners = journal.miners(actionId);
        Optional<Instant> finished = miners.stream().filter(m -> m.state() == MinerState.KEPT)
                .map(MinerRecord::lastStepFinishedAt).flatMap(Optional::stream).max(Instant::compareTo);
        Instant now = clock.instant();
        try {
            if (finished.isPresent()) {
                recommendations.markApplied(recommendationId, actionId, finished.get());
            } else {
                recommendations.dismiss(recommendationId, HASHDESK, "Not applied: action " + actionId + " ended "
                        + action.state().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + (action.message().isBlank() ? "" : " (" + action.message() + ")"), now);
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            // the operator dismissed or the engine superseded it meanwhile; the journal keeps the action either way
            LOG.info("Recommendation {} not settled after action {} ({}): {}", recommendationId, actionId,
                    action.state(), e.getMessage());
        }
    }

    private List<SettingChange> withCurrentSettings(List<SettingChange> changes) throws InterruptedException {
        try (ExecutorService reads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<SettingChange>> fresh = new ArrayList<>();
            for (SettingChange change : changes) {
                fresh.add(reads.submit(() -> withCurrentSettings(change)));
            }
            List<SettingChange> out = new ArrayList<>();
            for (Future<SettingChange> f : fresh) {
                out.add(f.get());
            }
            return out;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Reading a miner's settings failed unexpectedly", e.getCause());
        }
    }

    private SettingChange withCurrentSettings(SettingChange change) {
        try {
            return new SettingChange(change.miner(), change.modelId(),
                    SettingParts.restrict(port.read(change.miner()), change.from(), change.to()), change.to());
        } catch (MinerAccessException e) {
            LOG.info("{} did not answer a settings read for the plan ({}); showing the values last seen",
                    change.miner(), e.failure());
            return change;
        }
    }

    /** A bulk apply in progress: the actions started so far, and cancel. */
    public static final class BulkApply {

        private final List<ActionPlan> plans;
        private final List<ActionRun> started = new ArrayList<>();
        private final CompletableFuture<List<ActionState>> completion =
                new CompletableFuture<>();
        private volatile boolean cancelled;

        private BulkApply(List<ActionPlan> plans) {
            this.plans = plans;
        }

        public List<ActionPlan> plans() {
            return plans;
        }

        public synchronized List<ActionRun> started() {
            return List.copyOf(started);
        }

        /** Cancels the running action and starts no more. */
        public synchronized void cancel() {
            cancelled = true;
            started.forEach(ActionRun::cancel);
        }

        /** Each plan's end state, in order ({@link ActionState#CANCELLED} for those never started). */
        public CompletableFuture<List<ActionState>> completion() {
            return completion;
        }

        private void runEach(Function<ActionPlan, ActionRun> start) {
            List<ActionState> states = new ArrayList<>();
            try {
                for (ActionPlan plan : plans) {
                    ActionRun run;
                    synchronized (this) {
                        if (cancelled) {
                            states.add(ActionState.CANCELLED);
                            continue;
                        }
                        run = start.apply(plan);
                        started.add(run);
                    }
                    states.add(run.completion().get());
                }
                completion.complete(List.copyOf(states));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                completion.completeExceptionally(e);
            } catch (ExecutionException | RuntimeException e) {
                completion.completeExceptionally(e);
            }
        }
    }
}
