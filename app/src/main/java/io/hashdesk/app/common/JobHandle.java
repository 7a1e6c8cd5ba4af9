package io.hashdesk.app.common;

import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A job as the UI sees it: its title, progress, message and state as read-only properties (changed on the FX thread
 * only), and a cancel command. Progress reports from the job's thread coalesce: at most one is waiting for the FX
 * thread at any time, and it is always the newest.
 */
public final class JobHandle {

    private final String title;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<JobState> state = new ReadOnlyObjectWrapper<>(this, "state", JobState.RUNNING);
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private final AtomicReference<Report> pendingReport = new AtomicReference<>();
    private volatile Future<?> future;

    /** One progress report. */
    private record Report(double fraction, String message) {
    }

    JobHandle(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** 0 to 1, or negative while the amount of work is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<JobState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Asks the job to stop: it sees {@link JobContext#cancelled()} and its thread is interrupted. */
    public void cancel() {
        if (cancelRequested.compareAndSet(false, true)) {
            Future<?> running = future;
            if (running != null) {
                running.cancel(true);
            }
        }
    }

    boolean cancelRequested() {
        return cancelRequested.get();
    }

    void attach(Future<?> running) {
        this.future = running;
        if (cancelRequested.get()) {
            running.cancel(true);
        }
    }

    /**
     * Records a report from the job's thread; returns whether the FX thread must be asked to show it (false when a
     * report is already waiting: the newer one replaces it).
     */
    boolean offer(double fraction, String text) {
        return pendingReport.getAndSet(new Report(Math.min(fraction, 1), text == null ? "" : text)) == null;
    }

    /** On the FX thread: shows the newest waiting report. */
    void showPending() {
        Report report = pendingReport.getAndSet(null);
        if (report != null && !state.get().finished()) {
            progress.set(report.fraction());
            message.set(report.message());
        }
    }

    /** On the FX thread: the job ended. */
    void finish(JobState end, String finalMessage) {
        pendingReport.set(null);
        if (end == JobState.SUCCEEDED) {
            progress.set(1);
        }
        message.set(finalMessage);
        state.set(end);
    }
}
