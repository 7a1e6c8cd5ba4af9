package io.hashdesk.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.core.alert.Alert;
import io.hashdesk.core.alert.AlertBatch;
import io.hashdesk.core.alert.AlertFinding;
import io.hashdesk.core.alert.AlertKey;
import io.hashdesk.core.alert.AlertKind;
import io.hashdesk.core.alert.AlertSeverity;
import io.hashdesk.core.alert.AlertStore;
import io.hashdesk.core.alert.AlertView;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.store.StoreSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteAlertStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");
    private static final AlertKey HOT = new AlertKey(MinerId.of("s19-01"), AlertKind.OVERHEATING);
    private static final AlertKey LOW = new AlertKey(MinerId.of("s19-02"), AlertKind.LOW_HASHRATE);

    @TempDir
    Path dir;

    private SqliteFarmStore open() {
        return SqliteFarmStore.open(dir.resolve("farm.db"), StoreSettings.defaults(), Clock.systemUTC());
    }

    private static AlertBatch active(Instant at, AlertFinding... findings) {
        return new AlertBatch(List.of(findings), List.of(), at);
    }

    private static AlertFinding hot(double chipC) {
        return new AlertFinding(HOT, AlertSeverity.CRITICAL, "Chip temperature " + (int) chipC + " °C is too hot.");
    }

    @Test
    void aRaisedAlertSurvivesAReopenWithAllItsFields() {
        Alert raised;
        try (SqliteFarmStore store = open()) {
            raised = store.alerts().apply(active(T0, hot(91))).getFirst();
        }
        try (SqliteFarmStore store = open()) {
            assertThat(store.alerts().open()).containsExactly(raised);
            assertThat(raised.minerId()).isEqualTo(HOT.minerId());
            assertThat(raised.kind()).isEqualTo(AlertKind.OVERHEATING);
            assertThat(raised.raisedAt()).isEqualTo(T0);
            assertThat(raised.lastSeenAt()).isEqualTo(T0);
            assertThat(raised.clearedAt()).isEmpty();
            assertThat(raised.acknowledgedBy()).isEmpty();
        }
    }

    @Test
    void raisingAnOpenAlertAgainOnlyUpdatesLastSeenAndTheMessage() {
        try (SqliteFarmStore store = open()) {
            AlertStore alerts = store.alerts();
            Alert first = alerts.apply(active(T0, hot(91))).getFirst();
            assertThat(alerts.apply(active(T0.plusSeconds(60), hot(93)))).isEmpty();
            assertThat(alerts.open()).singleElement().satisfies(a -> {
                assertThat(a.id()).isEqualTo(first.id());
                assertThat(a.raisedAt()).isEqualTo(T0);
                assertThat(a.lastSeenAt()).isEqualTo(T0.plusSeconds(60));
                assertThat(a.message()).isEqualTo("Chip temperature 93 °C is too hot.");
            });
        }
    }

    @Test
    void aClearedAlertMovesToTheClearedListAndTheSameConditionLaterOpensANewOne() {
        try (SqliteFarmStore store = open()) {
            AlertStore alerts = store.alerts();
            Alert first = alerts.apply(active(T0, hot(91))).getFirst();
            alerts.apply(new AlertBatch(List.of(), List.of(HOT), T0.plusSeconds(600)));
            assertThat(alerts.open()).isEmpty();
            assertThat(alerts.list(AlertView.CLEARED, 10)).singleElement()
                    .satisfies(a -> assertThat(a.clearedAt()).contains(T0.plusSeconds(600)));
            Alert second = alerts.apply(active(T0.plusSeconds(900), hot(90))).getFirst();
            assertThat(second.id()).isNotEqualTo(first.id());
        }
    }

    @Test
    void acknowledgingMovesAlertsFromOpenToAcknowledgedAndKeepsTheFirstAcknowledger() {
        try (SqliteFarmStore store = open()) {
            AlertStore alerts = store.alerts();
            List<Alert> raised = alerts.apply(active(T0, hot(91),
                    new AlertFinding(LOW, AlertSeverity.WARNING, "Hashrate 70.0 TH/s is 67 % of the rated 104 TH/s.")));
            assertThat(alerts.unacknowledgedCount()).isEqualTo(2);
            // critical first
            assertThat(alerts.list(AlertView.OPEN, 10)).extracting(Alert::kind)
                    .containsExactly(AlertKind.OVERHEATING, AlertKind.LOW_HASHRATE);

            long hotId = raised.getFirst().id();
            assertThat(alerts.acknowledge(List.of(hotId), "maria", T0.plusSeconds(30))).isEqualTo(1);
            assertThat(alerts.acknowledge(List.of(hotId), "sam", T0.plusSeconds(40))).isZero();

            assertThat(alerts.unacknowledgedCount()).isEqualTo(1);
            assertThat(alerts.list(AlertView.OPEN, 10)).extracting(Alert::kind).containsExactly(AlertKind.LOW_HASHRATE);
            assertThat(alerts.list(AlertView.ACKNOWLEDGED, 10)).singleElement().satisfies(a -> {
                assertThat(a.acknowledgedBy()).isEqualTo(Optional.of("maria"));
                assertThat(a.acknowledgedAt()).contains(T0.plusSeconds(30));
            });
        }
    }
}
