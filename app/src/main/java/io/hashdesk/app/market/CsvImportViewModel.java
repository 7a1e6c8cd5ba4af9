package io.hashdesk.app.market;

import io.hashdesk.app.common.JobHandle;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.app.common.JobState;
import io.hashdesk.core.csv.CsvProblem;
import io.hashdesk.core.market.CsvFileException;
import io.hashdesk.core.market.CsvImportResult;
import io.hashdesk.core.market.MarketCsvImport;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Market CSV import as a background job: all or nothing first, so one bad row stores nothing; the result lists every
 * bad row (row number, column, problem) and a summary, and offers to import only the good rows of the same file.
 */
final class CsvImportViewModel {

    private final MarketCsvImport importer;
    private final JobRunner jobs;
    private final Runnable onImported;
    private final ObservableList<CsvProblem> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary",
            "Columns: time, coin and any of price_usd, difficulty, network_hashrate_hps, block_reward, fees_per_block.");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final ReadOnlyBooleanWrapper goodRowsOffered = new ReadOnlyBooleanWrapper(this, "goodRowsOffered");
    private final ReadOnlyObjectWrapper<JobHandle> job = new ReadOnlyObjectWrapper<>(this, "job");
    private Path lastFile;

    /** @param onImported runs on the FX thread after rows were stored */
    CsvImportViewModel(MarketCsvImport importer, JobRunner jobs, Runnable onImported) {
        this.importer = importer;
        this.jobs = jobs;
        this.onImported = onImported;
    }

    /** Imports the file all or nothing. */
    JobHandle importFile(Path file) {
        return start(file, MarketCsvImport.Mode.ALL_OR_NOTHING);
    }

    /** Imports the good rows of the file whose all-or-nothing import found bad rows; the bad ones are skipped. */
    JobHandle importGoodRows() {
        if (lastFile == null || !goodRowsOffered.get()) {
            throw new IllegalStateException("no refused import whose good rows could be imported");
        }
        return start(lastFile, MarketCsvImport.Mode.GOOD_ROWS);
    }

    private JobHandle start(Path file, MarketCsvImport.Mode mode) {
        lastFile = file;
        goodRowsOffered.set(false);
        problems.clear();
        failed.set(false);
        summary.set("Importing " + file.getFileName() + "…");
        JobHandle handle = jobs.submit("Import " + file.getFileName(), context -> {
            context.progress(-1, "Reading and checking " + file.getFileName());
            return importer.importFile(file, mode);
        }, this::show, this::refused);
        handle.stateProperty().subscribe(state -> {
            if (state == JobState.CANCELLED) {
                summary.set("Import of " + file.getFileName() + " cancelled.");
            }
        });
        job.set(handle);
        return handle;
    }

    private void show(CsvImportResult result) {
        String more = result.moreProblems() > 0 ? " " + result.moreProblems() + " more problems are not listed." : "";
        summary.set(result.summary() + more);
        failed.set(!result.applied() && result.badRows() > 0);
        goodRowsOffered.set(result.mode() == MarketCsvImport.Mode.ALL_OR_NOTHING && result.badRows() > 0
                && result.badRows() < result.rowsRead());
        // the list last: whoever watches it sees the summary and flags of the same result
        problems.setAll(result.problems());
        if (result.applied()) {
            onImported.run();
        }
    }

    private void refused(Exception e) {
        failed.set(true);
        summary.set(e instanceof CsvFileException ? e.getMessage()
                : "The import stopped: " + e.getMessage() + ". See the log for details.");
    }

    /** The bad rows of the last import, in file order. */
    ObservableList<CsvProblem> problems() {
        return problems;
    }

    /** One or two sentences on what the last import did, or what the file should look like before the first. */
    ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Whether the last import stored nothing because of a problem. */
    ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** Whether the last import was refused for bad rows while it also had good ones. */
    ReadOnlyBooleanProperty goodRowsOfferedProperty() {
        return goodRowsOffered.getReadOnlyProperty();
    }

    /** The running or last import, for its progress and cancel. */
    ReadOnlyObjectProperty<JobHandle> jobProperty() {
        return job.getReadOnlyProperty();
    }
}
