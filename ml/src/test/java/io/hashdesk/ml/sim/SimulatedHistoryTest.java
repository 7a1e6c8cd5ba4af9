package io.hashdesk.ml.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.store.Resolution;
import io.hashdesk.core.store.SeriesPoint;
import io.hashdesk.drivers.sim.AmbientCurve;
import io.hashdesk.drivers.sim.Fault;
import io.hashdesk.drivers.sim.MinerBlueprint;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedHistoryTest {

    static final Instant START = Instant.parse("2026-05-01T00:00:00Z");

    @TempDir
    Path dir;

    static MinerBlueprint unit(String id, long seed) {
        return MinerBlueprint.of(id, "antminer-s19j-pro", "1.2.6", seed);
    }

    @Test
    void storesEveryPollOfEveryUnitAndReadsItBackAsFiveMinuteRollups() {
        HistoryScenario scenario = HistoryScenario.of(List.of(unit("a", 1), unit("b", 2)), START, Duration.ofDays(2));
        try (SimulatedHistory history = SimulatedHistory.generate(scenario, dir)) {
            assertThat(history.stats().snapshots()).isEqualTo(SimulatedHistory.expectedSnapshots(scenario))
                    .isEqualTo(2 * 576);
            List<SeriesPoint> series = history.telemetry().series(MinerId.of("a"), START, history.end(),
                    Resolution.FIVE_MINUTES);
            assertThat(series.size()).isEqualTo(576);
            // Rated 104 TH/s; a healthy unit on stock clocks delivers close to it once started.
            List<SeriesPoint> hashing = series.stream().filter(p -> p.lastStatus() == MinerStatus.MINING).toList();
            assertThat(hashing.size()).isGreaterThan(500);
            double meanThs = hashing.stream().mapToDouble(p -> p.hashrateThs().mean()).average().orElseThrow();
            assertThat(meanThs).isBetween(85.0, 115.0);
            SeriesPoint last = series.getLast();
            assertThat(last.chipTempC().max()).isBetween(40.0, 95.0);
            assertThat(last.fanRpm()).hasSize(4).allMatch(rpm -> rpm > 1000);
            assertThat(last.boards()).hasSize(3);
            assertThat(last.acceptedShares()).isPositive();
        }
    }

    @Test
    void labelsAnInjectedFanFailureFromInjectionToRepairAndSeesTheFanStopAtTheNextPoll() {
        Instant broken = START.plus(Duration.ofHours(10)).plusSeconds(90);
        Instant repaired = START.plus(Duration.ofHours(20));
        HistoryScenario scenario = HistoryScenario.of(List.of(unit("a", 1), unit("b", 2)), START, Duration.ofDays(1))
                .withEvents(List.of(new ScheduledEvent.InjectFault(broken, "a", new Fault.FanFailure(2)),
                        new ScheduledEvent.ClearFault(repaired, "a", Fault.FanFailure.class)));
        try (SimulatedHistory history = SimulatedHistory.generate(scenario, dir)) {
            assertThat(history.labelsOf(MinerId.of("a")))
                    .containsExactly(new FaultLabel(MinerId.of("a"), Condition.FAN_FAILURE, broken, repaired,
                            "injected"));
            assertThat(history.labelsOf(MinerId.of("b"))).isEmpty();
            assertThat(history.observed()).filteredOn(e -> e.kind() == ObservedEvent.Kind.FAN_STOPPED)
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.miner()).isEqualTo(MinerId.of("a"));
                        assertThat(e.index()).isEqualTo(2);
                        assertThat(Duration.between(broken, e.at())).isBetween(Duration.ZERO, Duration.ofMinutes(5));
                    });
            SeriesPoint during = history.telemetry().series(MinerId.of("a"), broken.plus(Duration.ofHours(1)),
                    broken.plus(Duration.ofHours(1)).plus(Duration.ofMinutes(5)), Resolution.FIVE_MINUTES).getFirst();
            assertThat(during.fanRpm().get(2)).isZero();
        }
    }

    @Test
    void labelsSeededWearFailuresInsideTheHistoryAndTheReadingsShowThem() {
        MinerBlueprint worn = unit("worn", 3).withWear(900, 0, List.of(new MinerBlueprint.WornFan(1, 1.5)),
                List.of(new MinerBlueprint.BoardFailure(2, 2.5)));
        HistoryScenario scenario = HistoryScenario.of(List.of(worn, unit("fresh", 4)), START, Duration.ofDays(3));
        try (SimulatedHistory history = SimulatedHistory.generate(scenario, dir)) {
            List<FaultLabel> labels = history.labelsOf(MinerId.of("worn"));
            assertThat(labels).extracting(FaultLabel::condition)
                    .contains(Condition.FAN_FAILURE, Condition.HASHBOARD_FAILURE);
            FaultLabel fan = labels.stream().filter(l -> l.condition() == Condition.FAN_FAILURE).findFirst()
                    .orElseThrow();
            assertThat(Duration.between(START, fan.from()).toHours()).isBetween(35L, 37L);
            assertThat(history.observed()).filteredOn(e -> e.miner().value().equals("worn"))
                    .extracting(ObservedEvent::kind)
                    .contains(ObservedEvent.Kind.FAN_STOPPED, ObservedEvent.Kind.BOARD_FAILED);
        }
    }

    @Test
    void keepsEachRoomsAirTemperatureBesideTheStore() {
        AmbientCurve hot = new AmbientCurve(List.of(new AmbientCurve.Point(3, 20), new AmbientCurve.Point(15, 32)));
        HistoryScenario scenario = HistoryScenario.of(List.of(HistoryScenario.inRoom(unit("a", 1), "hot-aisle"),
                unit("b", 2)), START, Duration.ofHours(6)).withRooms(Map.of("hot-aisle", hot));
        try (SimulatedHistory history = SimulatedHistory.generate(scenario, dir)) {
            assertThat(history.roomOf(MinerId.of("a"))).isEqualTo("hot-aisle");
            assertThat(history.roomOf(MinerId.of("b"))).isEqualTo(HistoryScenario.DEFAULT_ROOM);
            assertThat(history.ambientC("hot-aisle", START.plus(Duration.ofHours(15)))).isEqualTo(32.0);
            assertThat(history.ambientC(HistoryScenario.DEFAULT_ROOM, START)).isEqualTo(25.0);
            assertThat(history.store().registry().rooms()).extracting(r -> r.id())
                    .containsExactlyInAnyOrder("hot-aisle", HistoryScenario.DEFAULT_ROOM);
        }
    }

    @Test
    void refusesAnEventForAUnitTheScenarioDoesNotHave() {
        assertThatThrownBy(() -> HistoryScenario.of(List.of(unit("a", 1)), START, Duration.ofDays(1))
                .withEvents(List.of(new ScheduledEvent.CleanDust(START, "zz"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'zz'");
    }
}
