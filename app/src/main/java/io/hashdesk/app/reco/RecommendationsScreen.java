package io.hashdesk.app.reco;

import io.hashdesk.app.actions.ActionConsole;
import io.hashdesk.app.actions.PlanConfirmation;
import io.hashdesk.app.actions.PlanDialog;
import io.hashdesk.app.common.FxExecutor;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.app.common.LiveRefresh;
import io.hashdesk.app.shell.Refreshable;
import io.hashdesk.app.shell.SectionScreen;
import io.hashdesk.core.reco.Recommendation;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.scene.Node;

/**
 * The Recommendations section put together: the view-model over the inbox and the action console, the view, the
 * plan and dismiss dialogs, and a live refresh that runs only while the inbox is shown.
 */
public final class RecommendationsScreen implements Refreshable, AutoCloseable {

    private final RecommendationsViewModel viewModel;
    private final RecommendationsView view;
    private final RecommendationsScreenSettings settings;
    private final Executor fx;
    private final ReadOnlyIntegerWrapper openCount = new ReadOnlyIntegerWrapper(this, "openCount");
    private LiveRefresh<List<Recommendation>> refresh;

    /**
     * @param onActionStarted told each started action's id on the FX thread, e.g. to follow it on the Actions screen
     * @param operator        who applies, dismisses and snoozes, kept with the feedback and the journal
     */
    public RecommendationsScreen(RecommendationInbox inbox, ActionConsole console, JobRunner jobs, Clock clock,
                                 RecommendationsScreenSettings settings, String operator,
                                 Consumer<String> onActionStarted) {
        this(inbox, console, jobs, clock, settings, operator, onActionStarted, FxExecutor.fx(), null, null);
    }

    /** As the public constructor; {@code null} dialogs mean the JavaFX ones. */
    RecommendationsScreen(RecommendationInbox inbox, ActionConsole console, JobRunner jobs, Clock clock,
                          RecommendationsScreenSettings settings, String operator, Consumer<String> onActionStarted,
                          Executor fx, PlanConfirmation planConfirmation, DismissDialog dismissDialog) {
        this.settings = settings;
        this.fx = fx;
        this.viewModel = new RecommendationsViewModel(inbox, console, jobs, clock, operator,
                planConfirmation != null ? planConfirmation : plan -> new PlanDialog(root()).confirm(plan),
                dismissDialog != null ? dismissDialog
                        : card -> new FxDismissDialog(root(), settings.dismissReasons()).ask(card),
                onActionStarted);
        this.view = new RecommendationsView(viewModel, settings.snoozeChoices());
        view.root().sceneProperty().subscribe(scene -> {
            if (scene != null) {
                activate();
            } else {
                deactivate();
            }
        });
    }

    /** The screen for the shell's RECOMMENDATIONS section; it shows its own empty state (with Run now at hand). */
    public SectionScreen sectionScreen() {
        return new SectionScreen(view.root(), new ReadOnlyBooleanWrapper(true).getReadOnlyProperty());
    }

    public Node root() {
        return view.root();
    }

    /** F5: re-reads the open recommendations now. */
    @Override
    public void refresh() {
        viewModel.refresh();
    }

    RecommendationsViewModel viewModel() {
        return viewModel;
    }

    private void activate() {
        if (refresh == null) {
            refresh = new LiveRefresh<>("recommendations", viewModel::read, viewModel::update, fx)
                    .start(settings.refresh());
        }
    }

    private void deactivate() {
        if (refresh != null) {
            refresh.close();
            refresh = null;
        }
    }

    @Override
    public void close() {
        deactivate();
    }
}
