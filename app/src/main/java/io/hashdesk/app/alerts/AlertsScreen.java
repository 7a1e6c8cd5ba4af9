package io.hashdesk.app.alerts;

import io.hashdesk.app.common.FxExecutor;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.app.common.LiveRefresh;
import io.hashdesk.app.shell.SectionScreen;
import io.hashdesk.core.alert.Alert;
import io.hashdesk.core.alert.AlertMonitor;
import io.hashdesk.core.alert.AlertSeverity;
import io.hashdesk.core.alert.AlertStore;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import org.controlsfx.control.Notifications;

/**
 * The Alerts section put together: the view-model over the alert store, the view, a live refresh of the list and the
 * count (kept running while hidden, since the count is the shell's badge), and ControlsFX notifications for alerts the
 * {@link AlertMonitor} newly raises.
 */
public final class AlertsScreen implements AutoCloseable {

    private static final double NOTIFICATION_SECONDS = 10;

    private final AlertMonitor monitor;
    private final AlertsViewModel viewModel;
    private final AlertsView view;
    private final LiveRefresh<AlertPicture> refresh;
    private final Consumer<List<Alert>> onRaised;

    /**
     * @param operator who acknowledges, stored with each acknowledgement (the OS user name in the app)
     */
    public AlertsScreen(AlertStore store, AlertMonitor monitor, JobRunner jobs, Clock clock, String operator) {
        this(store, monitor, jobs, clock, operator, FxExecutor.fx(), AlertsScreenSettings.defaults(), null);
    }

    /** As the public constructor; a {@code null} notifier means ControlsFX pop-ups. */
    AlertsScreen(AlertStore store, AlertMonitor monitor, JobRunner jobs, Clock clock, String operator, Executor fx,
                 AlertsScreenSettings settings, Consumer<AlertNotification> notifier) {
        this.monitor = monitor;
        this.viewModel = new AlertsViewModel(store, jobs, clock, ZoneId.systemDefault(), operator, settings,
                notifier != null ? notifier : AlertsScreen::popUp);
        this.view = new AlertsView(viewModel);
        this.onRaised = raised -> fx.execute(() -> viewModel.alertsRaised(raised));
        monitor.addListener(onRaised);
        this.refresh = new LiveRefresh<>("alerts", viewModel::read, viewModel::update, fx).start(settings.refresh());
    }

    /** The screen for the shell's ALERTS section; it always has something to say, so no empty state. */
    public SectionScreen sectionScreen() {
        return new SectionScreen(view.root(), new ReadOnlyBooleanWrapper(true).getReadOnlyProperty());
    }

    public Node root() {
        return view.root();
    }

    /** Open alerts nobody has acknowledged, for a badge in the navigation. */
    public ReadOnlyIntegerProperty unacknowledgedCountProperty() {
        return viewModel.unacknowledgedCountProperty();
    }

    AlertsViewModel viewModel() {
        return viewModel;
    }

    private static void popUp(AlertNotification notification) {
        Notifications popUp = Notifications.create()
                .title(notification.title())
                .text(notification.text())
                .position(Pos.BOTTOM_RIGHT)
                .darkStyle()
                .hideAfter(javafx.util.Duration.seconds(NOTIFICATION_SECONDS));
        if (notification.severity() == AlertSeverity.CRITICAL) {
            popUp.showError();
        } else {
            popUp.showWarning();
        }
    }

    @Override
    public void close() {
        monitor.removeListener(onRaised);
        refresh.close();
    }
}
