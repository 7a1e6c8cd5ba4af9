package io.hashdesk.core.reco;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.MutableClock;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommendationScheduleTest {

    @TempDir
    Path dir;

    @Test
    void runsAPassAtStartAndOnDemandAndTellsTheListenerOfEach() throws Exception {
        RecommendationSettings settings = RecommendationSettings.defaults();
        MutableClock clock = new MutableClock(Farm.NOW);
        List<PassReport> heard = new CopyOnWriteArrayList<>();
        CountDownLatch first = new CountDownLatch(1);
        try (SqliteFarmStore store = SqliteFarmStore.open(dir.resolve("farm.db"), StoreSettings.defaults(), clock)) {
            RecommendationEngine engine = new RecommendationEngine(RecommendationEngine.minerAdvisors(settings, PolicyReplay.none()),
                    store.recommendations(), new OutcomeMeasurement(store.telemetry(), settings.outcomes()), settings);
            try (RecommendationSchedule schedule = new RecommendationSchedule(engine,
                    () -> new Farm().add("m1", "a").powerProposal("m1", 0.5).evidence(), clock, Duration.ofHours(1),
                    report -> {
                        heard.add(report);
                        first.countDown();
                    })) {
                schedule.start();
                assertThat(first.await(10, TimeUnit.SECONDS)).isTrue();
                clock.advance(Duration.ofMinutes(5));

                PassReport onDemand = schedule.runNow().get(10, TimeUnit.SECONDS);

                assertThat(onDemand.at()).isEqualTo(Farm.NOW.plus(Duration.ofMinutes(5)));
                assertThat(onDemand.saved().updated()).isEqualTo(1);
                assertThat(heard).hasSize(2);
            }
        }
    }

    @Test
    void aPassThatFailsFailsItsFutureAndTheScheduleGoesOn() throws Exception {
        RecommendationSettings settings = RecommendationSettings.defaults();
        MutableClock clock = new MutableClock(Farm.NOW);
        try (SqliteFarmStore store = SqliteFarmStore.open(dir.resolve("farm.db"), StoreSettings.defaults(), clock)) {
            RecommendationEngine engine = new RecommendationEngine(List.of(), store.recommendations(),
                    new OutcomeMeasurement(store.telemetry(), settings.outcomes()), settings);
            boolean[] fail = {true};
            try (RecommendationSchedule schedule = new RecommendationSchedule(engine, () -> {
                if (fail[0]) {
                    throw new IllegalStateException("store is busy");
                }
                return new Farm().evidence();
            }, clock, Duration.ofHours(1), report -> { })) {
                assertThat(schedule.runNow()).failsWithin(10, TimeUnit.SECONDS)
                        .withThrowableOfType(ExecutionException.class).withMessageContaining("store is busy");
                fail[0] = false;
                assertThat(schedule.runNow().get(10, TimeUnit.SECONDS).shown()).isEmpty();
            }
        }
    }
}
