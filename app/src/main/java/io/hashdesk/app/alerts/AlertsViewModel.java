package io.hashdesk.app.alerts;

import io.hashdesk.app.common.JobRunner;
import io.hashdesk.core.alert.Alert;
import io.hashdesk.core.alert.AlertStore;
import io.hashdesk.core.alert.AlertView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The alert list and its commands: which alerts are shown (open, acknowledged or cleared), how many still need
 * someone (the shell's badge), acknowledging several at once, and the notifications for newly raised alerts, held
 * back for a quiet period and coalesced. Touches no node; call on the FX thread except {@link #read()}.
 */
public final class AlertsViewModel {

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MMM d HH:mm");

    private final AlertStore store;
    private final JobRunner jobs;
    private final Clock clock;
    private final ZoneId zone;
    private final String operator;
    private final AlertsScreenSettings settings;
    private final AlertCoalescer coalescer;
    private final Consumer<AlertNotification> notifier;
    private final ObjectProperty<AlertView> view = new SimpleObjectProperty<>(this, "view", AlertView.OPEN);
    private final ObservableList<AlertRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper unacknowledged = new ReadOnlyIntegerWrapper(this, "unacknowledged");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper acknowledging = new ReadOnlyBooleanWrapper(this, "acknowledging");
    private final List<Alert> held = new ArrayList<>();
    private volatile AlertView viewToRead = AlertView.OPEN;
    private Instant lastNotifiedAt;

    /**
     * @param operator who acknowledges, as stored with each acknowledgement
     * @param notifier shows one notification; the screen passes ControlsFX, tests a list
     */
    public AlertsViewModel(AlertStore store, JobRunner jobs, Clock clock, ZoneId zone, String operator,
                           AlertsScreenSettings settings, Consumer<AlertNotification> notifier) {
        this.store = store;
        this.jobs = jobs;
        this.clock = clock;
        this.zone = zone;
        this.operator = operator;
        this.settings = settings;
        this.notifier = notifier;
        this.coalescer = new AlertCoalescer(settings.separateNotifications(), settings.maxNotifications());
        view.addListener((obs, old, now) -> {
            viewToRead = now;
            rows.clear();
            refresh();
        });
    }

    /** Which alerts are listed; changing it re-reads the list. */
    public ObjectProperty<AlertView> viewProperty() {
        return view;
    }

    public ObservableList<AlertRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** Open alerts nobody has acknowledged: the number for a badge. */
    public ReadOnlyIntegerProperty unacknowledgedCountProperty() {
        return unacknowledged.getReadOnlyProperty();
    }

    /** What the last command did, or why it failed. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty acknowledgingProperty() {
        return acknowledging.getReadOnlyProperty();
    }

    /** Reads the store for the current view; runs on a background thread. */
    AlertPicture read() {
        AlertView wanted = viewToRead;
        return new AlertPicture(wanted, store.list(wanted, settings.listLimit()), store.unacknowledgedCount());
    }

    /** Re-reads now in the background. */
    public void refresh() {
        jobs.submit("Read alerts", context -> read(), this::update,
                e -> message.set("The alert list could not be read: " + e.getMessage()));
    }

    /** Takes a new read; a read of a view no longer chosen only updates the count. */
    void update(AlertPicture picture) {
        if (picture.view() == view.get()) {
            List<AlertRow> fresh = picture.alerts().stream().map(this::row).toList();
            // an unchanged list is left alone, so the table keeps its selection and scroll position
            if (!fresh.equals(rows)) {
                rows.setAll(fresh);
            }
        }
        unacknowledged.set(picture.unacknowledged());
        flushNotifications(clock.instant());
    }

    /** Acknowledges the given alerts as this operator, in the background, then re-reads. */
    public void acknowledge(List<Long> alertIds) {
        if (alertIds.isEmpty() || acknowledging.get()) {
            return;
        }
        acknowledging.set(true);
        List<Long> ids = List.copyOf(alertIds);
        jobs.submit("Acknowledge " + ids.size() + " alert(s)", context -> store.acknowledge(ids, operator,
                clock.instant()), changed -> {
                    acknowledging.set(false);
                    message.set("Acknowledged " + changed + (changed == 1 ? " alert." : " alerts."));
                    refresh();
                }, e -> {
                    acknowledging.set(false);
                    message.set("Nothing was acknowledged: " + e.getMessage());
                });
    }

    /** Newly raised alerts from the monitor: notified now, or with the next batch if one was notified recently. */
    public void alertsRaised(List<Alert> raised) {
        held.addAll(raised);
        flushNotifications(clock.instant());
    }

    /** Shows what is held back once the quiet period since the last notification has passed. */
    void flushNotifications(Instant now) {
        if (held.isEmpty()) {
            return;
        }
        if (lastNotifiedAt != null && now.isBefore(lastNotifiedAt.plus(settings.notificationQuiet()))) {
            return;
        }
        coalescer.coalesce(held).forEach(notifier);
        held.clear();
        lastNotifiedAt = now;
    }

    private AlertRow row(Alert alert) {
        String status;
        if (alert.clearedAt().isPresent()) {
            status = "Cleared " + when(alert.clearedAt().get());
        } else if (alert.acknowledged()) {
            status = "Acknowledged by " + alert.acknowledgedBy().orElseThrow() + " " + when(alert.acknowledgedAt()
                    .orElseThrow());
        } else {
            status = "Seen " + ago(alert.lastSeenAt());
        }
        return new AlertRow(alert.id(), alert.severity(), alert.minerId().value(), alert.kind().title(),
                alert.message(), when(alert.raisedAt()) + " (" + ago(alert.raisedAt()) + ")", status);
    }

    private String when(Instant at) {
        boolean today = at.atZone(zone).toLocalDate().equals(clock.instant().atZone(zone).toLocalDate());
        return (today ? CLOCK_TIME : DATE_TIME).format(at.atZone(zone));
    }

    private String ago(Instant at) {
        Duration age = Duration.between(at, clock.instant());
        if (age.toSeconds() < 60) {
            return "just now";
        }
        if (age.toMinutes() < 120) {
            return age.toMinutes() + " min ago";
        }
        if (age.toHours() < 48) {
            return age.toHours() + " h ago";
        }
        return age.toDays() + " days ago";
    }
}
