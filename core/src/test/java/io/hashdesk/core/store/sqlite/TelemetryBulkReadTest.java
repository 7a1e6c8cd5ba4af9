package io.hashdesk.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.store.Resolution;
import io.hashdesk.core.store.SeriesPoint;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.TelemetryStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelemetryBulkReadTest {

    static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

    @TempDir
    Path dir;
    MutableClock clock;
    SqliteFarmStore farm;
    TelemetryStore store;
    SyntheticFarm synthetic;

    @BeforeEach
    void open() {
        clock = new MutableClock(T0);
        farm = SqliteFarmStore.open(dir.resolve("hashdesk.db"), StoreSettings.defaults(), clock);
        store = farm.telemetry();
        synthetic = new SyntheticFarm(4, 7);
        synthetic.register(farm.registry());
        // Two days and a bit of polls every 5 minutes: closed days (1-hour chunks), closed hours, and recent rows.
        for (Instant at = T0; at.isBefore(T0.plus(Duration.ofHours(50))); at = at.plus(Duration.ofMinutes(5))) {
            clock.set(at);
            store.ingest(synthetic.pollCycle(at));
            if (at.getEpochSecond() % 21_600 == 0) {
                store.maintain(at);
            }
        }
        store.maintain(clock.instant());
    }

    @AfterEach
    void close() {
        farm.close();
    }

    Map<MinerId, List<SeriesPoint>> bulk(Instant from, Instant to, Resolution resolution) {
        Map<MinerId, List<SeriesPoint>> out = new LinkedHashMap<>();
        store.forEachSeries(from, to, resolution, out::put);
        return out;
    }

    @Test
    void givesEveryMinerTheSameBucketsAsItsOwnSeriesAtBothResolutions() {
        for (Resolution resolution : List.of(Resolution.FIVE_MINUTES, Resolution.ONE_HOUR)) {
            Instant from = T0.plus(Duration.ofHours(3)).plusSeconds(90);
            Instant to = T0.plus(Duration.ofHours(50));
            Map<MinerId, List<SeriesPoint>> all = bulk(from, to, resolution);
            assertThat(all.keySet()).containsExactly(SyntheticFarm.id(0), SyntheticFarm.id(1), SyntheticFarm.id(2),
                    SyntheticFarm.id(3));
            all.forEach((miner, points) -> assertThat(points).as("%s at %s", miner, resolution)
                    .isEqualTo(store.series(miner, from, to, resolution)));
        }
    }

    @Test
    void readsSnapshotsNotYetRolledUpAndSkipsRemovedMiners() {
        farm.registry().removeMiner(SyntheticFarm.id(2));
        Instant from = T0.plus(Duration.ofHours(49));
        Map<MinerId, List<SeriesPoint>> all = bulk(from, T0.plus(Duration.ofHours(50)), Resolution.FIVE_MINUTES);
        assertThat(all).doesNotContainKey(SyntheticFarm.id(2)).hasSize(3);
        assertThat(all.get(SyntheticFarm.id(0)).size()).isEqualTo(12);
    }

    @Test
    void handsNothingOnForARangeWithoutData() {
        assertThat(bulk(T0.minus(Duration.ofDays(3)), T0.minus(Duration.ofDays(2)), Resolution.ONE_HOUR)).isEmpty();
    }

    @Test
    void refusesRawResolution() {
        assertThatThrownBy(() -> bulk(T0, T0.plusSeconds(60), Resolution.RAW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5-minute or 1-hour");
    }
}
