package io.hashdesk.app.alerts;

import io.hashdesk.core.alert.Alert;
import io.hashdesk.core.alert.AlertKind;
import io.hashdesk.core.alert.AlertSeverity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Folds a burst of newly raised alerts into a few notifications: a handful of one kind one by one, more of one kind as
 * one sentence ("12 miners went offline"), and never more than a few notifications in all.
 */
final class AlertCoalescer {

    private final int separate;
    private final int max;

    AlertCoalescer(int separate, int max) {
        this.separate = separate;
        this.max = max;
    }

    List<AlertNotification> coalesce(List<Alert> raised) {
        Map<AlertKind, List<Alert>> byKind = new EnumMap<>(AlertKind.class);
        raised.forEach(a -> byKind.computeIfAbsent(a.kind(), k -> new ArrayList<>()).add(a));
        List<AlertNotification> out = new ArrayList<>();
        byKind.forEach((kind, alerts) -> {
            if (alerts.size() <= separate) {
                alerts.forEach(a -> out.add(new AlertNotification(a.minerId() + ": " + kind.title().toLowerCase(
                        Locale.ROOT), a.message(), a.severity())));
            } else {
                out.add(new AlertNotification(kind.title() + " on " + alerts.size() + " miners",
                        sentence(kind, alerts.size()) + " " + examples(alerts), kind.severity()));
            }
        });
        if (out.size() <= max) {
            return out;
        }
        List<AlertNotification> kept = new ArrayList<>(out.subList(0, max - 1));
        List<AlertNotification> folded = out.subList(max - 1, out.size());
        boolean critical = folded.stream().anyMatch(n -> n.severity() == AlertSeverity.CRITICAL);
        kept.add(new AlertNotification(folded.size() + " more alert notifications",
                "Open Alerts to see them all.", critical ? AlertSeverity.CRITICAL : AlertSeverity.WARNING));
        return kept;
    }

    static String sentence(AlertKind kind, int miners) {
        return switch (kind) {
            case OFFLINE -> miners + " miners went offline.";
            case OVERHEATING -> miners + " miners are overheating.";
            case FAN_FAILURE -> miners + " miners have a failing fan.";
            case HASHBOARD_LOST -> miners + " miners lost a hashboard.";
            case LOW_HASHRATE -> miners + " miners hash below their rated hashrate.";
        };
    }

    private static String examples(List<Alert> alerts) {
        int shown = Math.min(3, alerts.size());
        String names = String.join(", ", alerts.subList(0, shown).stream().map(a -> a.minerId().value()).toList());
        return alerts.size() > shown ? "Among them " + names + "." : "They are " + names + ".";
    }
}
