package io.hashdesk.app.actions;

import io.hashdesk.app.common.ConfirmationDialog;
import io.hashdesk.app.common.FxConfirmationDialog;
import io.hashdesk.app.common.FxExecutor;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.app.common.LiveRefresh;
import io.hashdesk.app.common.WhileShown;
import io.hashdesk.app.shell.Refreshable;
import io.hashdesk.app.shell.SectionScreen;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Node;

/**
 * The Actions section put together: the view-model over the action console, the view, and two live refreshes — the
 * followed action's progress (about once a second) and the history — that run only while the screen is shown.
 */
public final class ActionsScreen implements Refreshable, AutoCloseable {

    private final ActionsViewModel viewModel;
    private final ActionsView view;
    private final ActionsScreenSettings settings;
    private final Executor fx;
    private LiveRefresh<Optional<ActionProgress>> progressRefresh;
    private LiveRefresh<List<ActionRecord>> historyRefresh;

    /** @param operator who rolls back and cancels, kept in the journal and the audit trail (the OS user name) */
    public ActionsScreen(ActionConsole console, JobRunner jobs, ActionsScreenSettings settings, String operator) {
        this(console, jobs, settings, operator, FxExecutor.fx(), ZoneId.systemDefault(), null);
    }

    /** As the public constructor; a {@code null} confirmation means the JavaFX dialog. */
    ActionsScreen(ActionConsole console, JobRunner jobs, ActionsScreenSettings settings, String operator, Executor fx,
                  ZoneId zone, ConfirmationDialog confirmation) {
        this.settings = settings;
        this.fx = fx;
        this.viewModel = new ActionsViewModel(console, jobs, confirmation != null ? confirmation
                : question -> new FxConfirmationDialog(root()).confirm(question), operator, zone,
                settings.historyLimit());
        this.view = new ActionsView(viewModel);
        WhileShown.bind(view.root(), this::activate, this::deactivate);
    }

    /** The screen for the shell's ACTIONS section; its history has its own placeholder, so it always has data. */
    public SectionScreen sectionScreen() {
        return new SectionScreen(view.root(), new ReadOnlyBooleanWrapper(true).getReadOnlyProperty());
    }

    public Node root() {
        return view.root();
    }

    /** Shows an action's live progress, e.g. one the inbox just started; call on the FX thread. */
    public void follow(String actionId) {
        viewModel.follow(actionId);
        viewModel.refreshHistory();
    }

    /** F5: re-reads the history now. */
    @Override
    public void refresh() {
        viewModel.refreshHistory();
    }

    ActionsViewModel viewModel() {
        return viewModel;
    }

    private void activate() {
        if (progressRefresh == null) {
            progressRefresh = new LiveRefresh<>("action-progress", viewModel::readProgress, viewModel::showProgress,
                    fx).start(settings.progress());
            historyRefresh = new LiveRefresh<>("action-history", viewModel::readHistory, viewModel::showHistory, fx)
                    .start(settings.history());
        }
    }

    private void deactivate() {
        if (progressRefresh != null) {
            progressRefresh.close();
            historyRefresh.close();
            progressRefresh = null;
            historyRefresh = null;
        }
    }

    @Override
    public void close() {
        deactivate();
    }
}
