package io.hashdesk.app.detail;

import io.hashdesk.app.common.JobHandle;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.app.common.JobState;
import io.hashdesk.core.domain.MinerId;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The miner detail screen's state: which miner, its live header, the chart range and the history read for it (with
 * the load's progress and cancel), and the event history newest first. Reads go through the job runner; live header
 * values arrive through {@link #updateHeader}. Touches no node.
 */
public final class MinerDetailViewModel {

    private static final String LOAD_CANCELLED = "Loading cancelled; pick a range to read it again.";

    private final MinerDetailReader reader;
    private final JobRunner jobs;
    private final Duration staleAfter;
    private final ReadOnlyObjectWrapper<MinerId> minerId = new ReadOnlyObjectWrapper<>(this, "minerId");
    private final ReadOnlyObjectWrapper<HeaderText> header = new ReadOnlyObjectWrapper<>(this, "header");
    private final ReadOnlyObjectWrapper<DetailRange> range = new ReadOnlyObjectWrapper<>(this, "range",
            DetailRange.HOUR);
    private final ReadOnlyObjectWrapper<MinerHistory> history = new ReadOnlyObjectWrapper<>(this, "history");
    private final ObservableList<MinerEvent> events = FXCollections.observableArrayList();
    private final ObservableList<MinerEvent> eventsView = FXCollections.unmodifiableObservableList(events);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyDoubleWrapper loadProgress = new ReadOnlyDoubleWrapper(this, "loadProgress", -1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private JobHandle load;
    /** Bumped by every load, so a superseded load's late result is dropped instead of shown. */
    private long loadGeneration;
    /** The load the operator cancelled; its result, should it arrive anyway, is not shown. */
    private long cancelledGeneration = -1;
    private Runnable onBack = () -> { };
    /** The miner shown, readable from the live refresh's thread. */
    private volatile MinerId shown;

    public MinerDetailViewModel(MinerDetailReader reader, JobRunner jobs, Duration staleAfter) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.jobs = Objects.requireNonNull(jobs, "job runner");
        this.staleAfter = Objects.requireNonNull(staleAfter, "staleAfter");
    }

    /** Shows a miner: reads its header, then its history over the current range. */
    public void open(MinerId id) {
        Objects.requireNonNull(id, "miner id");
        minerId.set(id);
        shown = id;
        header.set(null);
        history.set(null);
        events.clear();
        message.set("");
        message.set("Reading " + id.value() + "…");
        // the history is read once the miner is known to exist, so "no longer registered" is the only word about one
        jobs.submit("Read miner " + id.value(), context -> reader.header(id), found -> {
            if (id.equals(minerId.get())) {
                found.ifPresentOrElse(fresh -> {
                    updateHeader(fresh);
                    loadHistory();
                }, () -> message.set(id.value() + " is no longer registered; go back to the list of miners."));
            }
        }, failure -> message.set("Could not read " + id.value() + ": " + failure.getMessage()));
    }

    /** Switches the charts and events to another range; reading it again when it is the current one refreshes it. */
    public void selectRange(DetailRange wanted) {
        range.set(Objects.requireNonNull(wanted, "range"));
        loadHistory();
    }

    /**
     * Stops the history load; the charts keep what they showed before. A read that ends anyway (it missed the
     * interrupt) is dropped: its generation is the cancelled one.
     */
    public void cancelLoad() {
        if (load != null && loading.get()) {
            cancelledGeneration = loadGeneration;
            load.cancel();
            message.set(LOAD_CANCELLED);
            loading.set(false);
        }
    }

    /** Goes back to the list of miners; any history load stops. */
    public void back() {
        cancelLoad();
        onBack.run();
    }

    /** Where {@link #back} goes: the Miners section shows its table again. */
    public void setOnBack(Runnable handler) {
        this.onBack = Objects.requireNonNull(handler, "back handler");
    }

    /** A fresh read of a miner's header, on the FX thread; a read of a miner no longer shown is ignored. */
    public void updateHeader(MinerHeader fresh) {
        if (fresh.miner().id().equals(minerId.get())) {
            header.set(DetailText.header(fresh, staleAfter));
        }
    }

    private void loadHistory() {
        MinerId id = minerId.get();
        if (id == null) {
            return;
        }
        cancelLoad();
        DetailRange wanted = range.get();
        long generation = ++loadGeneration;
        loading.set(true);
        loadProgress.set(-1);
        message.set("Reading " + wanted.label() + " of history…");
        JobHandle handle = jobs.submit("Read " + wanted.label() + " of " + id.value(),
                context -> reader.history(id, wanted, context), read -> {
                    if (generation == loadGeneration) {
                        history.set(read);
                        events.setAll(read.events());
                        message.set(read.samples() == 0 ? "No telemetry from " + id.value() + " in the last "
                                + wanted.label() + "." : "");
                        loading.set(false);
                    }
                }, failure -> {
                    if (generation == loadGeneration && generation != cancelledGeneration) {
                        message.set("Could not read the history: " + failure.getMessage());
                        loading.set(false);
                    }
                });
        load = handle;
        // a fast job may already have ended here: subscribe() replays the current values, so nothing is missed
        handle.progressProperty().subscribe(progress -> {
            if (generation == loadGeneration) {
                loadProgress.set(progress.doubleValue());
            }
        });
        handle.messageProperty().subscribe(text -> {
            if (generation == loadGeneration && loading.get() && !text.isEmpty()) {
                message.set(text);
            }
        });
        handle.stateProperty().subscribe(state -> {
            // cancelled from the job list, not through cancelLoad
            if (state == JobState.CANCELLED && generation == loadGeneration) {
                cancelledGeneration = generation;
                message.set(LOAD_CANCELLED);
                loading.set(false);
            }
        });
    }

    /** The miner shown, {@code null} before the first {@link #open}. */
    public ReadOnlyObjectProperty<MinerId> minerIdProperty() {
        return minerId.getReadOnlyProperty();
    }

    /** The miner shown, for the live refresh's background thread. */
    public Optional<MinerId> minerId() {
        return Optional.ofNullable(shown);
    }

    /** {@code null} until the first read arrives. */
    public ReadOnlyObjectProperty<HeaderText> headerProperty() {
        return header.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DetailRange> rangeProperty() {
        return range.getReadOnlyProperty();
    }

    /** The charts over the current range; {@code null} until read. */
    public ReadOnlyObjectProperty<MinerHistory> historyProperty() {
        return history.getReadOnlyProperty();
    }

    /** What happened to the miner in the current range, newest first. */
    public ObservableList<MinerEvent> events() {
        return eventsView;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** 0 to 1, negative while unknown. */
    public ReadOnlyDoubleProperty loadProgressProperty() {
        return loadProgress.getReadOnlyProperty();
    }

    /** What the screen is doing or what went wrong, one sentence; empty when all is shown. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
