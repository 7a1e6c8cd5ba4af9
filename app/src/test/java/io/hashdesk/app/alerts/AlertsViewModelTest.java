package io.hashdesk.app.alerts;

import io.hashdesk.app.SteppingClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.app.common.JobRunner;
import io.hashdesk.core.alert.Alert;
import io.hashdesk.core.alert.AlertBatch;
import io.hashdesk.core.alert.AlertFinding;
import io.hashdesk.core.alert.AlertKey;
import io.hashdesk.core.alert.AlertKind;
import io.hashdesk.core.alert.AlertSeverity;
import io.hashdesk.core.alert.AlertView;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertsViewModelTest {

    private static final Instant NOW = Instant.parse("2026-11-27T14:30:00Z");
    private static final AlertsScreenSettings SETTINGS = new AlertsScreenSettings(Duration.ofSeconds(2),
            Duration.ofSeconds(10), 2, 3, 100);

    @TempDir
    Path dir;

    private SqliteFarmStore store;
    private JobRunner jobs;
    private final List<AlertNotification> shown = new ArrayList<>();
    private final SteppingClock clock = new SteppingClock(NOW);
    private AlertsViewModel viewModel;

    @BeforeEach
    void open() {
        store = SqliteFarmStore.open(dir.resolve("farm.db"), StoreSettings.defaults(), Clock.systemUTC());
        // results are handed over on the job's own thread, so assertions wait for them
        jobs = new JobRunner(Runnable::run);
        viewModel = new AlertsViewModel(store.alerts(), jobs, clock, ZoneOffset.UTC, "maria", SETTINGS, shown::add);
    }

    @AfterEach
    void close() {
        jobs.close();
        store.close();
    }

    private List<Alert> raise(AlertKind kind, String... miners) {
        List<AlertFinding> findings = java.util.Arrays.stream(miners).map(m -> new AlertFinding(
                new AlertKey(MinerId.of(m), kind), kind.severity(), kind.title() + " on " + m + ".")).toList();
        return store.alerts().apply(new AlertBatch(findings, List.of(), NOW.minus(Duration.ofMinutes(12))));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(10);
        }
    }

    @Test
    void listsOpenAlertsCriticalFirstWithWhenTheyWereRaised() {
        raise(AlertKind.LOW_HASHRATE, "A-01");
        raise(AlertKind.OVERHEATING, "B-02");
        viewModel.update(viewModel.read());

        assertThat(viewModel.rows()).extracting(AlertRow::miner).containsExactly("B-02", "A-01");
        AlertRow hot = viewModel.rows().getFirst();
        assertThat(hot.severity()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(hot.kind()).isEqualTo("Overheating");
        assertThat(hot.since()).isEqualTo("14:18 (12 min ago)");
        assertThat(hot.status()).isEqualTo("Seen 12 min ago");
        assertThat(viewModel.unacknowledgedCountProperty().get()).isEqualTo(2);
    }

    @Test
    void acknowledgingSeveralMovesThemToTheAcknowledgedView() throws Exception {
        raise(AlertKind.OFFLINE, "A-01", "A-02", "A-03");
        viewModel.update(viewModel.read());
        List<Long> twoOfThem = viewModel.rows().stream().limit(2).map(AlertRow::id).toList();

        viewModel.acknowledge(twoOfThem);
        await(() -> viewModel.unacknowledgedCountProperty().get() == 1);

        assertThat(viewModel.messageProperty().get()).isEqualTo("Acknowledged 2 alerts.");
        assertThat(viewModel.rows()).hasSize(1);
        viewModel.viewProperty().set(AlertView.ACKNOWLEDGED);
        await(() -> viewModel.rows().size() == 2);
        assertThat(viewModel.rows()).allSatisfy(r -> assertThat(r.status()).isEqualTo("Acknowledged by maria 14:30"));
    }

    @Test
    void theClearedViewShowsWhenEachAlertCleared() throws Exception {
        raise(AlertKind.FAN_FAILURE, "A-01");
        store.alerts().apply(new AlertBatch(List.of(), List.of(new AlertKey(MinerId.of("A-01"),
                AlertKind.FAN_FAILURE)), NOW.minus(Duration.ofMinutes(2))));
        viewModel.viewProperty().set(AlertView.CLEARED);
        await(() -> viewModel.rows().size() == 1);
        assertThat(viewModel.rows().getFirst().status()).isEqualTo("Cleared 14:28");
        assertThat(viewModel.unacknowledgedCountProperty().get()).isZero();
    }

    @Test
    void aBurstOfOfflineMinersIsOneNotification() {
        viewModel.alertsRaised(raise(AlertKind.OFFLINE,
                IntStream.rangeClosed(1, 12).mapToObj(i -> "A-%02d".formatted(i)).toArray(String[]::new)));

        assertThat(shown).singleElement().satisfies(n -> {
            assertThat(n.title()).isEqualTo("Offline on 12 miners");
            assertThat(n.text()).isEqualTo("12 miners went offline. Among them A-01, A-02, A-03.");
            assertThat(n.severity()).isEqualTo(AlertSeverity.CRITICAL);
        });
    }

    @Test
    void aFewAlertsAreNotifiedOneByOneAndNeverMoreThanTheMaximum() {
        List<Alert> raised = new ArrayList<>(raise(AlertKind.OVERHEATING, "A-01"));
        raised.addAll(raise(AlertKind.FAN_FAILURE, "A-02", "A-03"));
        raised.addAll(raise(AlertKind.LOW_HASHRATE, "A-04"));
        viewModel.alertsRaised(raised);

        assertThat(shown).extracting(AlertNotification::title).containsExactly(
                "A-01: overheating", "A-02: fan failure", "2 more alert notifications");
        assertThat(shown.getFirst().text()).isEqualTo("Overheating on A-01.");
    }

    @Test
    void alertsRaisedSoonAfterANotificationWaitForTheQuietPeriodAndComeTogether() {
        viewModel.alertsRaised(raise(AlertKind.OFFLINE, "A-01"));
        clock.advance(Duration.ofSeconds(3));
        viewModel.alertsRaised(raise(AlertKind.OFFLINE, "A-02"));
        clock.advance(Duration.ofSeconds(3));
        viewModel.alertsRaised(raise(AlertKind.OFFLINE, "A-03", "A-04"));
        assertThat(shown).hasSize(1);

        clock.advance(Duration.ofSeconds(5));
        viewModel.update(viewModel.read());
        assertThat(shown).extracting(AlertNotification::title)
                .containsExactly("A-01: offline", "Offline on 3 miners");
    }
}
