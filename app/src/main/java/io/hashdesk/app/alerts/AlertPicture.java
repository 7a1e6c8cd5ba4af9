package io.hashdesk.app.alerts;

import io.hashdesk.core.alert.Alert;
import io.hashdesk.core.alert.AlertView;
import java.util.List;

/** One read of the store for the screen: the alerts of the chosen view and how many still need someone. */
record AlertPicture(AlertView view, List<Alert> alerts, int unacknowledged) {

    AlertPicture {
        alerts = List.copyOf(alerts);
    }
}
