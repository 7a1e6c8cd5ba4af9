package io.hashdesk.app.reco;

import io.hashdesk.app.actions.ActionConsole;
import io.hashdesk.app.actions.PlanConfirmation;
import io.hashdesk.app.actions.PlanDialog;
import io.hashdesk.app.common.FxExecutor;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.app.common.LiveRefresh;
import io.hashdesk.app.common.WhileShown;
import io.hashdesk.app.shell.Refreshable;
import io.hashdesk.app.shell.SectionScreen;
import io.hashdesk.core.reco.Recommendation;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Node;

/**
 * The Recommendations section put together: the inbox (view-model over the inbox and the action console, its view,
 * the plan and dismiss dialogs) beside the work orders (view-model, view, close dialog), the switch between them, and
 * live refreshes of both that run only while the section is shown.
 */
public final class RecommendationsScreen implements Refreshable, AutoCloseable {

    private final RecommendationsViewModel viewModel;
    private final RecommendationsView view;
    private final WorkOrdersViewModel workOrders;
    private final RecommendationsSectionView section;
    private final RecommendationsScreenSettings settings;
    private final Executor fx;
    private LiveRefresh<List<Recommendation>> refresh;
    private LiveRefresh<WorkOrderBoard> workOrderRefresh;

    /**
     * @param onActionStarted told each started action's id on the FX thread, e.g. to follow it on the Actions screen
     * @param operator        who applies, dismisses, snoozes and closes work orders, kept with the feedback, the
     *                        journal and the work order
     */
    public RecommendationsScreen(RecommendationInbox inbox, ActionConsole console, JobRunner jobs, Clock clock,
                                 RecommendationsScreenSettings settings, String operator,
                                 Consumer<String> onActionStarted) {
        this(inbox, console, jobs, clock, settings, operator, onActionStarted, FxExecutor.fx(), ZoneId.systemDefault(),
                null, null, null);
    }

    /** As the public constructor, times shown in {@code zone}; {@code null} dialogs mean the JavaFX ones. */
    RecommendationsScreen(RecommendationInbox inbox, ActionConsole console, JobRunner jobs, Clock clock,
                          RecommendationsScreenSettings settings, String operator, Consumer<String> onActionStarted,
                          Executor fx, ZoneId zone, PlanConfirmation planConfirmation, DismissDialog dismissDialog,
                          CloseWorkOrderDialog closeDialog) {
        this.settings = settings;
        this.fx = fx;
        this.workOrders = new WorkOrdersViewModel(inbox, jobs, closeDialog != null ? closeDialog
                : order -> new FxCloseWorkOrderDialog(root()).ask(order), operator, zone,
                settings.closedWorkOrdersShown());
        this.viewModel = new RecommendationsViewModel(inbox, console, jobs, clock, operator,
                planConfirmation != null ? planConfirmation : plan -> new PlanDialog(root()).confirm(plan),
                dismissDialog != null ? dismissDialog
                        : card -> new FxDismissDialog(root(), settings.dismissReasons()).ask(card),
                onActionStarted, workOrders::refresh);
        this.view = new RecommendationsView(viewModel, settings.snoozeChoices());
        this.section = new RecommendationsSectionView(view.root(), new WorkOrdersView(workOrders).root(),
                workOrders.switchTextProperty());
        WhileShown.bind(section.root(), this::activate, this::deactivate);
    }

    /** The screen for the shell's RECOMMENDATIONS section; it shows its own empty states (with Run now at hand). */
    public SectionScreen sectionScreen() {
        return new SectionScreen(section.root(), new ReadOnlyBooleanWrapper(true).getReadOnlyProperty());
    }

    public Node root() {
        return section.root();
    }

    /** F5: re-reads the open recommendations and the work orders now. */
    @Override
    public void refresh() {
        viewModel.refresh();
        workOrders.refresh();
    }

    RecommendationsViewModel viewModel() {
        return viewModel;
    }

    WorkOrdersViewModel workOrders() {
        return workOrders;
    }

    private void activate() {
        if (refresh == null) {
            refresh = new LiveRefresh<>("recommendations", viewModel::read, viewModel::update, fx)
                    .start(settings.refresh());
        }
        if (workOrderRefresh == null) {
            workOrderRefresh = new LiveRefresh<>("work-orders", workOrders::read, workOrders::update, fx)
                    .start(settings.refresh());
        }
    }

    private void deactivate() {
        if (refresh != null) {
            refresh.close();
            refresh = null;
        }
        if (workOrderRefresh != null) {
            workOrderRefresh.close();
            workOrderRefresh = null;
        }
    }

    @Override
    public void close() {
        deactivate();
    }
}
