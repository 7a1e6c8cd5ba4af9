package io.hashdesk.app.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hashdesk.app.common.JobRunner;
import io.hashdesk.core.domain.catalog.Algorithm;
import io.hashdesk.core.domain.catalog.HashrateUnit;
import io.hashdesk.core.store.FleetPoint;
import io.hashdesk.core.store.SensorPoint;
import io.hashdesk.core.store.Stat;
import io.hashdesk.core.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FleetHistoryViewModelTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private final JobRunner jobs = new JobRunner(Runnable::run);
    private final List<Instant[]> asked = new ArrayList<>();

    @AfterEach
    void closeJobs() {
        jobs.close();
    }

    @Test
    void readsTheWindowEndingNowAndGivesSha256HashrateInThsAndPowerInKw() {
        List<FleetPoint> sha256 = List.of(
                new FleetPoint(NOW.minus(Duration.ofMinutes(10)), 50, 48, 6_012.5, 160_000, 78.0),
                new FleetPoint(NOW.minus(Duration.ofMinutes(5)), 50, 49, 6_100.0, 161_000, 79.0));
        FleetHistoryViewModel viewModel = new FleetHistoryViewModel((from, to) -> {
            asked.add(new Instant[] {from, to});
            return List.of(new FleetPoint(NOW.minus(Duration.ofMinutes(10)), 60, 58, 6_012.6, 181_500, 78.0),
                    new FleetPoint(NOW.minus(Duration.ofMinutes(5)), 60, 59, 6_100.1, 183_000, 79.0));
        }, (from, to) -> Map.of(Algorithm.SHA256, sha256), (from, to) -> Map.of(), jobs, CLOCK,
                Duration.ofHours(24));

        viewModel.show(viewModel.read());

        assertThat(asked).singleElement().satisfies(range -> {
            assertThat(range[0]).isEqualTo(NOW.minus(Duration.ofHours(24)));
            assertThat(range[1]).isEqualTo(NOW);
        });
        FleetHistory history = viewModel.historyProperty().get();
        FleetHistory.HashrateLine line = history.hashrate(Algorithm.SHA256).orElseThrow();
        assertThat(line.unit()).isEqualTo(HashrateUnit.TH_S);
        assertThat(line.points()).extracting(FleetHistory.Point::value).containsExactly(6_012.5, 6_100.0);
        assertThat(history.powerKilowatts()).extracting(FleetHistory.Point::value).containsExactly(181.5, 183.0);
        assertThat(line.points().getFirst().epochSecond()).isEqualTo(NOW.minus(Duration.ofMinutes(10)).getEpochSecond());
        assertThat(viewModel.messageProperty().get()).isEmpty();
        assertThat(viewModel.windowText()).isEqualTo("last 24 h");
    }

    @Test
    void scryptHashrateIsItsOwnLineInGhsAndNeverAddedToSha256() {
        Instant bucket = NOW.minus(Duration.ofMinutes(5));
        FleetHistoryViewModel viewModel = new FleetHistoryViewModel(
                (from, to) -> List.of(new FleetPoint(bucket, 60, 60, 6_100.0956, 183_000, 79.0)),
                (from, to) -> Map.of(Algorithm.SCRYPT, List.of(new FleetPoint(bucket, 10, 10, 0.0956, 33_000, 70.0)),
                        Algorithm.SHA256, List.of(new FleetPoint(bucket, 50, 50, 6_100.0, 150_000, 79.0))),
                (from, to) -> Map.of(), jobs, CLOCK, Duration.ofHours(24));

        viewModel.show(viewModel.read());

        FleetHistory history = viewModel.historyProperty().get();
        assertThat(history.hashrate()).extracting(FleetHistory.HashrateLine::algorithm)
                .containsExactly(Algorithm.SHA256, Algorithm.SCRYPT);
        assertThat(history.hashrate(Algorithm.SHA256).orElseThrow().points().getFirst().value()).isEqualTo(6_100.0);
        FleetHistory.HashrateLine scrypt = history.hashrate(Algorithm.SCRYPT).orElseThrow();
        assertThat(scrypt.unit()).isEqualTo(HashrateUnit.GH_S);
        assertThat(scrypt.points().getFirst().value()).isCloseTo(95.6, within(1e-9));
        assertThat(history.powerKilowatts()).extracting(FleetHistory.Point::value).containsExactly(183.0);
    }

    @Test
    void saysWhyTheChartIsEmptyWhenNothingWasPolledYet() {
        FleetHistoryViewModel viewModel = new FleetHistoryViewModel((from, to) -> List.of(), (from, to) -> Map.of(),
                (from, to) -> Map.of(), jobs, CLOCK, Duration.ofHours(24));

        viewModel.show(viewModel.read());

        assertThat(viewModel.messageProperty().get()).startsWith("No readings in the last 24 h yet");
    }

    @Test
    void theRoomMetersGiveAMeasuredPowerLineOnlyForBucketsWhereEveryMeteredRoomReported() {
        Instant first = NOW.minus(Duration.ofMinutes(15));
        Instant second = NOW.minus(Duration.ofMinutes(10));
        Instant third = NOW.minus(Duration.ofMinutes(5));
        Map<String, List<SensorPoint>> metered = Map.of(
                "hall-a", List.of(watts(first, 90_000), watts(second, 91_000), watts(third, 92_000)),
                // hall-b's meter missed the middle bucket: no total there rather than a dip of 60 kW
                "hall-b", List.of(watts(first, 60_000), watts(third, 61_000)));
        FleetHistoryViewModel viewModel = new FleetHistoryViewModel(
                (from, to) -> List.of(new FleetPoint(third, 60, 60, 6_100.0, 145_000, 79.0)),
                (from, to) -> Map.of(), (from, to) -> metered, jobs, CLOCK, Duration.ofHours(24));

        viewModel.show(viewModel.read());

        FleetHistory history = viewModel.historyProperty().get();
        assertThat(history.powerKilowatts()).extracting(FleetHistory.Point::value).containsExactly(145.0);
        assertThat(history.meteredKilowatts()).extracting(FleetHistory.Point::epochSecond)
                .containsExactly(first.getEpochSecond(), third.getEpochSecond());
        assertThat(history.meteredKilowatts()).extracting(FleetHistory.Point::value).containsExactly(150.0, 153.0);
    }

    private static SensorPoint watts(Instant bucket, double watts) {
        return new SensorPoint(bucket, Duration.ofMinutes(5), 30, new Stat(watts, watts, watts));
    }

    @Test
    void aFailedRefreshSaysSoAndKeepsTheLinesAlreadyDrawn() throws Exception {
        List<FleetPoint> points = List.of(new FleetPoint(NOW.minus(Duration.ofMinutes(5)), 1, 1, 100, 3_000, 70.0));
        boolean[] fail = {false};
        FleetHistoryViewModel viewModel = new FleetHistoryViewModel((from, to) -> {
            if (fail[0]) {
                throw new StoreException("the database is locked");
            }
            return points;
        }, (from, to) -> Map.of(Algorithm.SHA256, points), (from, to) -> Map.of(), jobs, CLOCK,
                Duration.ofHours(24));
        viewModel.show(viewModel.read());
        FleetHistory drawn = viewModel.historyProperty().get();

        fail[0] = true;
        viewModel.refresh();
        waitUntil(() -> !viewModel.messageProperty().get().isEmpty());

        assertThat(viewModel.messageProperty().get()).isEqualTo("Could not read the fleet history: the database is locked");
        assertThat(viewModel.historyProperty().get()).isSameAs(drawn);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
