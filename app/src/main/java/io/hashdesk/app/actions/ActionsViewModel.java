package io.hashdesk.app.actions;

import io.hashdesk.app.actions.ActionProgress.MinerProgress;
import io.hashdesk.app.common.ConfirmationDialog;
import io.hashdesk.app.common.JobRunner;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Actions screen's state and commands: the followed action's per-miner progress and overall bar, Cancel; the
 * history with predicted vs measured outcomes; the selected action's audit trail; Roll back… after a confirmation.
 * Console calls run as background jobs. Touches no node; call on the FX thread except the {@code read…} methods.
 */
final class ActionsViewModel {

    private static final DateTimeFormatter AUDIT_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm:ss", Locale.ROOT);

    private final ActionConsole console;
    private final JobRunner jobs;
    private final ConfirmationDialog confirmation;
    private final String operator;
    private final ZoneId zone;
    private final int historyLimit;
    private volatile String followed;
    private final ObservableList<ProgressRow> progressRows = FXCollections.observableArrayList();
    private final ObservableList<ProgressRow> progressRowsView = FXCollections.unmodifiableObservableList(progressRows);
    private final ObservableList<HistoryRow> history = FXCollections.observableArrayList();
    private final ObservableList<HistoryRow> historyView = FXCollections.unmodifiableObservableList(history);
    private final ObservableList<AuditRow> audit = FXCollections.observableArrayList();
    private final ObservableList<AuditRow> auditView = FXCollections.unmodifiableObservableList(audit);
    private final ObjectProperty<HistoryRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper progressTitle = new ReadOnlyStringWrapper(this, "progressTitle", "");
    private final ReadOnlyStringWrapper progressSummary = new ReadOnlyStringWrapper(this, "progressSummary", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyBooleanWrapper following = new ReadOnlyBooleanWrapper(this, "following");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper canRollBack = new ReadOnlyBooleanWrapper(this, "canRollBack");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    /** One line of the audit trail in words. */
    record AuditRow(String at, String operator, String miner, String what, String before, String after,
                    String result) {
    }

    ActionsViewModel(ActionConsole console, JobRunner jobs, ConfirmationDialog confirmation, String operator,
                     ZoneId zone, int historyLimit) {
        this.console = console;
        this.jobs = jobs;
        this.confirmation = confirmation;
        this.operator = operator;
        this.zone = zone;
        this.historyLimit = historyLimit;
        selected.subscribe(this::showSelected);
    }

    ObservableList<ProgressRow> progressRows() {
        return progressRowsView;
    }

    ObservableList<HistoryRow> history() {
        return historyView;
    }

    ObservableList<AuditRow> audit() {
        return auditView;
    }

    /** The history row whose audit trail is shown; the view sets it from the table. */
    ObjectProperty<HistoryRow> selectedProperty() {
        return selected;
    }

    ReadOnlyStringProperty progressTitleProperty() {
        return progressTitle.getReadOnlyProperty();
    }

    /** "12 of 30 miners done — 10 kept, 1 rolled back, 1 failed". */
    ReadOnlyStringProperty progressSummaryProperty() {
        return progressSummary.getReadOnlyProperty();
    }

    /** 0–1 over every miner of the followed action. */
    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Whether an action is being followed (the progress panel shows). */
    ReadOnlyBooleanProperty followingProperty() {
        return following.getReadOnlyProperty();
    }

    /** Whether the followed action is still running (Cancel is offered). */
    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canRollBackProperty() {
        return canRollBack.getReadOnlyProperty();
    }

    /** What the last command did, or why it failed. */
    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Shows an action's progress from now on, e.g. one the inbox just started. */
    void follow(String actionId) {
        followed = actionId;
        following.set(true);
        running.set(true);
        progressTitle.set("Starting…");
        progressSummary.set("");
        progress.set(0);
        progressRows.clear();
    }

    /** The followed action's progress; runs on a background thread. Empty when nothing is followed. */
    Optional<ActionProgress> readProgress() {
        String id = followed;
        return id == null ? Optional.empty() : Optional.of(console.progress(id));
    }

    /** Takes a progress read; when the action has just finished, the history is re-read to show how it ended. */
    void showProgress(Optional<ActionProgress> read) {
        if (read.isEmpty() || !read.get().actionId().equals(followed)) {
            return;
        }
        ActionProgress now = read.get();
        List<ProgressRow> rows = now.miners().stream().map(ProgressRow::of).toList();
        if (!rows.equals(progressRows)) {
            progressRows.setAll(rows);
        }
        progressTitle.set(now.title());
        progress.set(now.miners().isEmpty() ? 1 : now.miners().stream().mapToDouble(ProgressRow::fraction)
                .average().orElse(1));
        progressSummary.set(summary(now));
        boolean wasRunning = running.get();
        running.set(!now.finished());
        if (wasRunning && now.finished()) {
            refreshHistory();
        }
    }

    /** "12 of 30 miners done — 18 watching, 10 kept, 1 rolled back, 1 failed": every stage, in its order. */
    static String summary(ActionProgress progress) {
        List<MinerProgress> miners = progress.miners();
        long done = miners.stream().filter(m -> m.stage().finished()).count();
        Map<ActionProgress.Stage, Long> stages = miners.stream().collect(Collectors.groupingBy(MinerProgress::stage,
                () -> new EnumMap<>(ActionProgress.Stage.class), Collectors.counting()));
        String head = done + " of " + PlanText.miners(miners.size()) + " done";
        if (stages.isEmpty()) {
            return head;
        }
        return head + " — " + stages.entrySet().stream().map(e -> e.getValue() + " "
                + e.getKey().name().replace('_', ' ').toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }

    /** Asks, then stops the followed action; changed miners are rolled back by the executor. */
    void cancel() {
        String id = followed;
        if (id == null || !running.get()) {
            return;
        }
        boolean confirmed = confirmation.confirm(new ConfirmationDialog.Question("Cancel this action?",
                "Miners not yet changed stay as they are; miners already changed are rolled back to their settings"
                        + " from before.", progressTitle.get(), "Cancel the action"));
        if (confirmed) {
            jobs.submit("Cancel " + progressTitle.get(), context -> {
                console.cancel(id, operator);
                return id;
            }, done -> message.set("Cancelling: changed miners are being rolled back."),
                    e -> message.set("The action could not be cancelled: " + e.getMessage()));
        }
    }

    /** Reads the history; runs on a background thread. */
    List<ActionRecord> readHistory() {
        return console.history(historyLimit);
    }

    void refreshHistory() {
        jobs.submit("Read the action history", context -> readHistory(), this::showHistory,
                e -> message.set("The action history could not be read: " + e.getMessage()));
    }

    /**
     * Takes a history read; the selected action stays selected (with its new figures) if it is still there. With
     * nothing followed yet, an unfinished action (one left by a restart, or waiting for recovery) is followed, so its
     * miners are never out of sight.
     */
    void showHistory(List<ActionRecord> records) {
        if (followed == null) {
            records.stream().filter(r -> r.status().unfinished()).findFirst()
                    .ifPresent(r -> follow(r.actionId()));
        }
        List<HistoryRow> rows = records.stream().map(r -> HistoryRow.of(r, zone)).toList();
        if (rows.equals(history)) {
            return;
        }
        HistoryRow was = selected.get();
        history.setAll(rows);
        Map<String, HistoryRow> byId = rows.stream().collect(Collectors.toMap(HistoryRow::actionId,
                Function.identity()));
        selected.set(was == null ? null : byId.get(was.actionId()));
    }

    /** Asks, then rolls the selected action back as a new action, and follows it. */
    void rollBackSelected() {
        HistoryRow row = selected.get();
        if (row == null || !row.record().canRollBack()) {
            return;
        }
        boolean confirmed = confirmation.confirm(new ConfirmationDialog.Question("Roll back this action?",
                "Every miner it changed (" + PlanText.miners(row.record().minerCount()) + ") goes back to its settings"
                        + " from before, with the same read-back, verify and settle watch as any change.",
                row.what() + " — started " + row.when() + " by " + row.who(), "Roll back"));
        if (!confirmed) {
            return;
        }
        canRollBack.set(false);
        jobs.submit("Roll back " + row.record().title(), context -> console.rollBack(row.actionId(), operator),
                rollback -> {
                    message.set("Rolling back: " + row.record().title());
                    follow(rollback);
                    refreshHistory();
                },
                e -> {
                    message.set("Nothing was rolled back: " + e.getMessage());
                    showSelected(selected.get());
                });
    }

    private void showSelected(HistoryRow row) {
        canRollBack.set(row != null && row.record().canRollBack());
        if (row == null) {
            audit.clear();
            return;
        }
        jobs.submit("Read the audit trail", context -> console.audit(row.actionId()), entries -> {
            if (row.equals(selected.get())) {
                audit.setAll(entries.stream().map(e -> new AuditRow(AUDIT_TIME.format(e.at().atZone(zone)),
                        e.operator(), e.miner(), e.what(), e.before(), e.after(), e.result())).toList());
            }
        }, e -> message.set("The audit trail could not be read: " + e.getMessage()));
    }
}
