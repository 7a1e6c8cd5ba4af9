package io.hashdesk.app.market;

import io.hashdesk.app.common.FileDialogs;
import io.hashdesk.app.common.JobHandle;
import io.hashdesk.app.common.JobState;
import io.hashdesk.core.csv.CsvProblem;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The market CSV import card, bound to {@link CsvImportViewModel}: choose a file, watch the job (and cancel it), then
 * read the summary and every bad row with its row number, column and problem.
 */
final class CsvImportView {

    private static final double PROBLEMS_HEIGHT = 180;

    private final VBox root;

    CsvImportView(CsvImportViewModel viewModel, FileDialogs files) {
        Label title = new Label("Import a market CSV");
        title.getStyleClass().add("card-title");
        Button choose = new Button("Choose file…");
        choose.setId("csv-choose");
        Button goodRows = new Button("Import only the good rows");
        goodRows.setId("csv-good-rows");
        goodRows.visibleProperty().bind(viewModel.goodRowsOfferedProperty());
        goodRows.managedProperty().bind(goodRows.visibleProperty());
        goodRows.setOnAction(e -> viewModel.importGoodRows());

        ProgressBar progress = new ProgressBar();
        Button cancel = new Button("Cancel");
        HBox running = new HBox(progress, cancel);
        running.getStyleClass().add("job-row");
        running.setVisible(false);
        running.managedProperty().bind(running.visibleProperty());
        viewModel.jobProperty().subscribe(job -> follow(job, running, progress, cancel));
        choose.setOnAction(e -> files.chooseFileToOpen(choose.getScene().getWindow(), "Import market figures",
                        List.of(new FileChooser.ExtensionFilter("CSV files", "*.csv"),
                                new FileChooser.ExtensionFilter("All files", "*.*")))
                .ifPresent(viewModel::importFile));

        Label summary = new Label();
        summary.setId("csv-summary");
        summary.getStyleClass().add("form-message");
        summary.setWrapText(true);
        summary.textProperty().bind(viewModel.summaryProperty());
        viewModel.failedProperty().subscribe(f -> summary.pseudoClassStateChanged(MarketStyles.FAILED, f));

        TableView<CsvProblem> problems = new TableView<>(viewModel.problems());
        problems.setId("csv-problems");
        problems.setPlaceholder(new Label("No bad rows"));
        problems.setPrefHeight(PROBLEMS_HEIGHT);
        problems.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        problems.getColumns().add(column("Row", 50, p -> String.valueOf(p.row())));
        problems.getColumns().add(column("Column", 100, p -> p.column().isEmpty() ? "(row)" : p.column()));
        problems.getColumns().add(column("Problem", 260, p -> p.value().isEmpty() ? p.message()
                : "'" + p.value() + "': " + p.message()));
        problems.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(viewModel.problems()));
        problems.managedProperty().bind(problems.visibleProperty());

        root = new VBox(title, new HBox(8, choose, goodRows), running, summary, problems);
        root.getStyleClass().add("market-card");
    }

    VBox root() {
        return root;
    }

    private static void follow(JobHandle job, HBox running, ProgressBar progress, Button cancel) {
        progress.progressProperty().unbind();
        if (job == null) {
            return;
        }
        progress.progressProperty().bind(job.progressProperty());
        cancel.setOnAction(e -> job.cancel());
        job.stateProperty().subscribe(state -> running.setVisible(state == JobState.RUNNING));
    }

    private static TableColumn<CsvProblem, String> column(String title, double width,
                                                          Function<CsvProblem, String> text) {
        TableColumn<CsvProblem, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(text.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }
}
