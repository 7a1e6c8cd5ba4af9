package io.hashdesk.app.diagnostics;

import io.hashdesk.app.common.Job;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.app.common.TextClipboard;
import java.nio.file.Path;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The "Copy diagnostics" action: writes the bundle in the background, puts its path on the clipboard and says
 * where it is. Touches no node.
 */
public final class DiagnosticsViewModel {

    private final Job<Path> writeBundle;
    private final JobRunner jobs;
    private final TextClipboard clipboard;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");

    /** @param writeBundle writes one bundle and returns its path, e.g. with {@link DiagnosticsArchive#write} */
    public DiagnosticsViewModel(Job<Path> writeBundle, JobRunner jobs, TextClipboard clipboard) {
        this.writeBundle = Objects.requireNonNull(writeBundle, "writeBundle");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.clipboard = Objects.requireNonNull(clipboard, "clipboard");
    }

    /** True while a bundle is being written; the action cannot be started twice at once. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The last outcome in a sentence: where the bundle is, or why it could not be written. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public void copyDiagnostics() {
        if (running.get()) {
            return;
        }
        running.set(true);
        notice.set("Collecting diagnostics…");
        // the outcome is in place before "running" turns off, so whoever watches it reads the final notice
        jobs.submit("Collecting diagnostics", writeBundle, bundle -> {
            clipboard.put(bundle.toString());
            // the file name first: a narrow status bar cuts the end of the line
            notice.set("Diagnostics saved: " + bundle.getFileName() + " in " + bundle.getParent()
                    + " (path copied to the clipboard)");
            running.set(false);
        }, error -> {
            notice.set("Diagnostics could not be saved: " + error.getMessage());
            running.set(false);
        });
    }
}
