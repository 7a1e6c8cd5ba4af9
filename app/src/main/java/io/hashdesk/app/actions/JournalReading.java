package io.hashdesk.app.actions;

import io.hashdesk.app.actions.ActionProgress.MinerProgress;
import io.hashdesk.app.actions.ActionProgress.Stage;
import io.hashdesk.core.action.ActionJournal;
import io.hashdesk.core.action.ActionState;
import io.hashdesk.core.action.AuditQuery;
import io.hashdesk.core.action.MinerRecord;
import io.hashdesk.core.action.MinerState;
import io.hashdesk.core.action.PlannedChange;
import io.hashdesk.core.action.WriteKind;
import io.hashdesk.core.reco.MeasuredOutcome;
import io.hashdesk.core.reco.RecommendationStore;
import io.hashdesk.core.reco.StoredRecommendation;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the action journal (and the recommendation store for predictions and measured outcomes) into the Actions
 * screen's records: miner progress, history, audit trail.
 */
final class JournalReading {

    /** The audit trail of one action is short (a few writes per miner); this bounds a pathological one. */
    private static final int AUDIT_LIMIT = 5_000;

    private final ActionJournal journal;
    private final RecommendationStore recommendations;

    JournalReading(ActionJournal journal, RecommendationStore recommendations) {
        this.journal = journal;
        this.recommendations = recommendations;
    }

    /** The miners of a batch: started plans from the journal, the others as queued (or skipped once cancelled). */
    ActionProgress progress(ActionBatch batch) {
        List<MinerProgress> miners = new java.util.ArrayList<>();
        for (int i = 0; i < batch.plans().size(); i++) {
            io.hashdesk.core.action.ActionPlan plan = batch.plans().get(i);
            if (batch.started(i)) {
                journal.miners(plan.id()).stream().filter(m -> m.state() != MinerState.REFUSED)
                        .map(JournalReading::progress).forEach(miners::add);
            } else {
                boolean skipped = batch.cancelled();
                plan.applicable().stream().map(c -> new MinerProgress(c.miner(), c.miner().value(),
                        skipped ? Stage.SKIPPED : Stage.QUEUED, 0, c.steps().size(),
                        skipped ? "not changed: the action was cancelled first" : "")).forEach(miners::add);
            }
        }
        String title = batch.plans().size() == 1 ? batch.plans().getFirst().title()
                : "Apply " + batch.plans().size() + " recommendations";
        return new ActionProgress(batch.id(), title, miners);
    }

    /** An action the screen did not start (a rollback after a restart, or one recovery took up). */
    ActionProgress progress(String actionId) {
        String title = journal.action(actionId).map(io.hashdesk.core.action.ActionRecord::title).orElse(actionId);
        return new ActionProgress(actionId, title, journal.miners(actionId).stream()
                .filter(m -> m.state() != MinerState.REFUSED).map(JournalReading::progress).toList());
    }

    private static MinerProgress progress(MinerRecord m) {
        Stage stage = Stage.valueOf(m.state().name());
        // APPLYING writes step stepReached + 1; the others show the steps taken
        int step = m.state() == MinerState.APPLYING ? m.stepReached() + 1 : m.stepReached();
        return new MinerProgress(m.miner(), m.miner().value(), stage, step, m.steps().size(), m.message());
    }

    /** Actions created up to {@code now}, newest first, with predictions and outcomes. */
    List<ActionRecord> history(Instant now, int limit) {
        List<io.hashdesk.core.action.ActionRecord> actions = journal.actions(Instant.EPOCH, now.plusSeconds(1), limit);
        // an action already undone by a later rollback (one that did not fail) is not offered again
        Set<String> undone = actions.stream().filter(a -> a.state() != ActionState.FAILED)
                .flatMap(a -> a.rollsBackActionId().stream()).collect(Collectors.toSet());
        return actions.stream().map(a -> record(a, undone.contains(a.id()))).toList();
    }

    private ActionRecord record(io.hashdesk.core.action.ActionRecord action, boolean undone) {
        List<MinerRecord> miners = journal.miners(action.id());
        int changed = (int) miners.stream().filter(m -> m.state() != MinerState.REFUSED).count();
        Optional<io.hashdesk.core.reco.ExpectedImpact> predicted = action.rollsBackActionId().isPresent()
                ? Optional.empty() : action.recommendationId().flatMap(recommendations::find)
                .map(StoredRecommendation::recommendation).map(io.hashdesk.core.reco.Recommendation::impact);
        Optional<ActionRecord.MeasuredImpact> measured = recommendations.outcome(action.id())
                .map(JournalReading::measured);
        boolean canRollBack = !undone && action.rollsBackActionId().isEmpty()
                && ActionBatch.applied(action.state());
        return new ActionRecord(action.id(), action.title(), action.requestedBy(), action.createdAt(),
                action.finishedAt().orElse(null), status(action.state()), changed, predicted, measured, canRollBack);
    }

    private static ActionRecord.MeasuredImpact measured(MeasuredOutcome outcome) {
        Optional<ImpactText.Figure> judged = Optional.ofNullable(outcome.headline()).flatMap(h -> switch (h) {
            case "profitUsdPerDay" -> Optional.of(ImpactText.Figure.PROFIT);
            case "efficiencyJPerTh" -> Optional.of(ImpactText.Figure.EFFICIENCY);
            case "hashrateThs" -> Optional.of(ImpactText.Figure.HASHRATE);
            case "powerWatts" -> Optional.of(ImpactText.Figure.POWER);
            default -> Optional.empty();
        });
        return new ActionRecord.MeasuredImpact(outcome.hashrateThs(), outcome.powerWatts(),
                outcome.efficiencyJPerTh(), outcome.profitUsdPerDay(), judged);
    }

    static ActionRecord.Status status(ActionState state) {
        return switch (state) {
            case PLANNED, RUNNING -> ActionRecord.Status.RUNNING;
            case KEPT -> ActionRecord.Status.APPLIED;
            case ROLLED_BACK -> ActionRecord.Status.ROLLED_BACK;
            case PARTLY_ROLLED_BACK -> ActionRecord.Status.PARTLY_ROLLED_BACK;
            case CANCELLED -> ActionRecord.Status.CANCELLED;
            case FAILED -> ActionRecord.Status.FAILED;
            case NEEDS_RECOVERY -> ActionRecord.Status.NEEDS_RECOVERY;
        };
    }

    /** Every write of an action, oldest first, in words. */
    List<AuditEntry> audit(String actionId) {
        return journal.audit(AuditQuery.ofAction(actionId, AUDIT_LIMIT)).stream()
                .sorted(java.util.Comparator.comparing(io.hashdesk.core.action.AuditEntry::startedAt))
                .map(e -> new AuditEntry(e.startedAt(), e.actor(), e.miner().value(), what(e),
                        e.before().map(SettingText::summary).orElse(""),
                        e.asked().map(SettingText::summary).orElse("firmware backup"),
                        result(e))).toList();
    }

    private static String what(io.hashdesk.core.action.AuditEntry e) {
        String kind = e.kind() == WriteKind.RESTORE ? "restore backup"
                : e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return e.stepCount() > 1 && e.kind() != WriteKind.RESTORE ? kind + " " + e.step() + "/" + e.stepCount()
                : kind;
    }

    private static String result(io.hashdesk.core.action.AuditEntry e) {
        String outcome = e.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String readBack = e.readBack().map(r -> "read back " + SettingText.summary(r)).orElse("");
        return String.join(" — ", java.util.stream.Stream.of(outcome, readBack, e.message())
                .filter(s -> !s.isBlank()).toList());
    }

    /** Steps of the longest change, for the plan's pacing sentence. */
    static int mostSteps(List<PlannedChange> changes) {
        return changes.stream().mapToInt(c -> c.steps().size()).max().orElse(0);
    }
}
