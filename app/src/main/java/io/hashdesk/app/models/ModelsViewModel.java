package io.hashdesk.app.models;

import io.hashdesk.app.common.ConfirmationDialog;
import io.hashdesk.app.common.JobContext;
import io.hashdesk.app.common.JobHandle;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.app.common.JobState;
import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.training.RetrainingRun;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Models screen's state and commands: the model slots, those needing attention first; the selected slot's
 * versions and latest drift check; rolling the selected slot back (after a confirmation naming which version
 * replaces which) and retraining what is due, both as background jobs that re-read the registry when they end.
 * Touches no node; call on the FX thread except {@link #read()}.
 */
final class ModelsViewModel {

    static final String NOT_RUNNING = "Model training is not running in this console: it starts a few seconds after"
            + " the window, and not at all while the site agent holds the database (the status bar and log say why).";

    private final Supplier<ModelsPicture> reader;
    private final SlotRows slotRows;
    private final Supplier<Optional<ModelCommands>> commands;
    private final JobRunner jobs;
    private final ConfirmationDialog dialog;
    private final String operator;
    private final ObservableList<ModelSlotRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<ModelSlotRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<ModelSlotRow.VersionRow> versions = FXCollections.observableArrayList();
    private final ObservableList<ModelSlotRow.FeatureDriftRow> drift = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper hasModels = new ReadOnlyBooleanWrapper(this, "hasModels");
    private final ReadOnlyBooleanWrapper commandsAvailable = new ReadOnlyBooleanWrapper(this, "commandsAvailable");
    private final ReadOnlyBooleanWrapper rollingBack = new ReadOnlyBooleanWrapper(this, "rollingBack");
    private final ReadOnlyBooleanWrapper retraining = new ReadOnlyBooleanWrapper(this, "retraining");
    private final ReadOnlyBooleanWrapper rollBackPossible = new ReadOnlyBooleanWrapper(this, "rollBackPossible");
    private final ReadOnlyStringWrapper rollBackExplanation = new ReadOnlyStringWrapper(this, "rollBackExplanation");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    /**
     * @param commands the running model training, once it has started; empty before, or while the site agent holds
     *                 the database
     * @param operator who rolls back, written into the reason kept with the versions
     */
    ModelsViewModel(Supplier<ModelsPicture> reader, SlotRows slotRows, Supplier<Optional<ModelCommands>> commands,
                    JobRunner jobs, ConfirmationDialog dialog, String operator) {
        this.reader = reader;
        this.slotRows = slotRows;
        this.commands = commands;
        this.jobs = jobs;
        this.dialog = dialog;
        this.operator = operator;
        selected.subscribe(this::showSelected);
        commandsAvailable.subscribe(available -> showSelected(selected.get()));
        rollingBack.subscribe(busy -> showSelected(selected.get()));
    }

    ObservableList<ModelSlotRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** The slot whose versions and drift check the detail pane shows; the view sets it from the table. */
    ObjectProperty<ModelSlotRow> selectedProperty() {
        return selected;
    }

    ObservableList<ModelSlotRow.VersionRow> versions() {
        return FXCollections.unmodifiableObservableList(versions);
    }

    ObservableList<ModelSlotRow.FeatureDriftRow> drift() {
        return FXCollections.unmodifiableObservableList(drift);
    }

    /** Whether any model has been trained; the screen shows its empty state until then. */
    ReadOnlyBooleanProperty hasModelsProperty() {
        return hasModels.getReadOnlyProperty();
    }

    /** Whether the selected slot can be rolled back now; {@link #rollBackExplanationProperty()} says why not. */
    ReadOnlyBooleanProperty rollBackPossibleProperty() {
        return rollBackPossible.getReadOnlyProperty();
    }

    /** What a rollback of the selected slot would do, or why it cannot be done: the button's tooltip. */
    ReadOnlyStringProperty rollBackExplanationProperty() {
        return rollBackExplanation.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty commandsAvailableProperty() {
        return commandsAvailable.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty retrainingProperty() {
        return retraining.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty rollingBackProperty() {
        return rollingBack.getReadOnlyProperty();
    }

    /** What the last command did, or why it failed. */
    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Reads the registry; runs on a background thread. */
    ModelsPicture read() {
        return reader.get();
    }

    /** Re-reads now in the background. */
    void refresh() {
        jobs.submit("Read the model registry", context -> read(), this::update,
                e -> message.set("The model registry could not be read: " + e.getMessage()));
    }

    /** Takes a new read; the selected slot stays selected (with its new figures) if it is still there. */
    void update(ModelsPicture picture) {
        List<ModelSlotRow> fresh = slotRows.rows(picture);
        if (!fresh.equals(rows)) {
            ModelSlotRow was = selected.get();
            rows.setAll(fresh);
            selected.set(fresh.stream().filter(row -> row.sameSlot(was)).findFirst().orElse(null));
        }
        hasModels.set(!fresh.isEmpty());
        commandsAvailable.set(commands.get().isPresent());
    }

    /** Asks for confirmation, then makes the selected slot's previous champion serve again. */
    void rollBackSelected() {
        ModelSlotRow row = selected.get();
        Optional<ModelCommands> running = commands.get();
        if (row == null || !rollBackPossible.get() || running.isEmpty()) {
            return;
        }
        boolean confirmed = dialog.confirm(new ConfirmationDialog.Question("Roll back the " + row.title() + "?",
                row.rollback().summary() + ".",
                "The version rolled back never serves again by a later rollback; the next retraining may train a new"
                        + " one, which must beat the restored champion on held-out data to replace it.",
                "Roll back"));
        if (!confirmed) {
            return;
        }
        rollingBack.set(true);
        String reason = "rolled back by " + operator + " from the console";
        JobHandle job = jobs.submit("Roll back the " + row.title(),
                context -> running.get().rollback(row.type(), row.scope(), reason),
                restored -> message.set(row.title() + ": v" + restored.id() + " serves again; " + row.champion()
                        + " is rolled back."),
                e -> message.set("Nothing was rolled back: " + e.getMessage()));
        whenEnded(job, state -> rollingBack.set(false));
    }

    /** Trains every model that is due now, with progress and cancel in the job list. */
    void retrainNow() {
        Optional<ModelCommands> running = commands.get();
        if (running.isEmpty() || retraining.get()) {
            return;
        }
        retraining.set(true);
        message.set("Retraining the models that are due…");
        JobHandle job = jobs.submit("Retrain models now", context -> running.get().retrainNow(progressOf(context)),
                run -> message.set(summary(run)), e -> message.set("Retraining failed: " + e.getMessage()));
        whenEnded(job, state -> {
            retraining.set(false);
            if (state == JobState.CANCELLED) {
                message.set("Retraining was cancelled; the models not yet retrained stay due.");
            }
        });
    }

    /** Runs once the job has ended however it ended (a cancelled job calls neither of its handlers), then re-reads. */
    private void whenEnded(JobHandle job, Consumer<JobState> ended) {
        job.stateProperty().subscribe(state -> {
            if (state.finished()) {
                ended.accept(state);
                refresh();
            }
        });
    }

    private void showSelected(ModelSlotRow row) {
        versions.setAll(row == null ? List.of() : row.versions());
        drift.setAll(row == null ? List.of() : row.drift());
        boolean possible = row != null && row.rollback().possible();
        rollBackPossible.set(possible && commandsAvailable.get() && !rollingBack.get());
        if (row == null) {
            rollBackExplanation.set("Select a model to roll it back to its previous champion.");
        } else if (possible && !commandsAvailable.get()) {
            rollBackExplanation.set(NOT_RUNNING);
        } else {
            rollBackExplanation.set(possible ? "Roll back: " + row.rollback().summary() + "." : row.rollback()
                    .summary());
        }
    }

    static String summary(RetrainingRun run) {
        if (run.outcomes().isEmpty()) {
            return "Nothing was due: every model is within its retraining interval and none has drifted.";
        }
        long kept = run.outcomes().stream().filter(o -> o.result() == RetrainingRun.Result.KEPT_CHAMPION).count();
        long noData = run.outcomes().stream().filter(o -> o.result() == RetrainingRun.Result.NOT_ENOUGH_DATA).count();
        return "Trained " + run.outcomes().size() + " model(s) that were due: " + run.promoted() + " now serve, "
                + kept + " did not beat their champion, " + noData + " lack history yet, " + run.failed()
                + " failed (the log says why).";
    }

    private static TrainingProgress progressOf(JobContext context) {
        return new TrainingProgress() {
            @Override
            public void report(double fractionDone, String step) {
                context.progress(fractionDone, step);
            }

            @Override
            public boolean cancelled() {
                return context.cancelled();
            }
        };
    }
}
