package io.hashdesk.app.diagnostics;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/** The status bar's "Copy diagnostics" button and the notice saying where the bundle went. */
public final class DiagnosticsView {

    /** Past this the notice is cut (its tooltip has all of it), so the data folder and database stay readable. */
    private static final double NOTICE_MAX_WIDTH = 480;

    private final HBox root;

    public DiagnosticsView(DiagnosticsViewModel viewModel) {
        Label notice = new Label();
        notice.setId("status-notice");
        notice.getStyleClass().add("status-notice");
        notice.textProperty().bind(viewModel.noticeProperty());
        Tooltip fullText = new Tooltip();
        fullText.textProperty().bind(viewModel.noticeProperty());
        notice.setTooltip(fullText);
        notice.setMaxWidth(NOTICE_MAX_WIDTH);
        Button copy = new Button("Copy diagnostics");
        copy.setId("copy-diagnostics");
        copy.getStyleClass().addAll("status-action", Styles.SMALL);
        copy.setTooltip(new Tooltip(
                "Bundle logs, versions and settings (never passwords or keys) into a zip for support"));
        copy.disableProperty().bind(viewModel.runningProperty());
        copy.setOnAction(event -> viewModel.copyDiagnostics());
        copy.setMinWidth(Region.USE_PREF_SIZE);
        root = new HBox(notice, copy);
        root.getStyleClass().add("status-diagnostics");
        root.setAlignment(Pos.CENTER_RIGHT);
    }

    public HBox root() {
        return root;
    }
}
