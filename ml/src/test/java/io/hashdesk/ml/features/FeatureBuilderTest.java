package io.hashdesk.ml.features;

import io.hashdesk.ml.CancelledProgress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashdesk.core.domain.HashboardReading;
import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.domain.Room;
import io.hashdesk.core.domain.Site;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import io.hashdesk.ml.TrainingProgress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureBuilderTest {

    static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");
    static final String MODEL = "antminer-s19j-pro";

    @TempDir
    Path dir;

    /** A store with polls every 5 minutes from T0 until {@code until} of the miners {@link #snapshot} describes. */
    SqliteFarmStore store(String name, Instant until) {
        SqliteFarmStore store = SqliteFarmStore.open(dir.resolve(name), StoreSettings.defaults(),
                Clock.fixed(until, ZoneOffset.UTC));
        store.registry().saveSite(new Site("s", "Site", ZoneOffset.UTC));
        for (String room : List.of("hall", "closet", "shed")) {
            store.registry().saveRoom(new Room(room, "s", room));
        }
        register(store, "healthy-1", "hall", 1);
        register(store, "healthy-2", "hall", 2);
        register(store, "healthy-3", "hall", 3);
        register(store, "stopped-no-fans", "closet", 4);
        register(store, "alone", "shed", 5);
        List<TelemetrySnapshot> batch = new ArrayList<>();
        for (Instant at = T0; at.isBefore(until); at = at.plus(Duration.ofMinutes(5))) {
            for (Miner m : store.registry().miners()) {
                batch.add(snapshot(m.id().value(), at));
            }
            if (batch.size() > 2000) {
                store.telemetry().ingest(batch);
                batch.clear();
            }
        }
        store.telemetry().ingest(batch);
        store.telemetry().maintain(until);
        return store;
    }

    static void register(SqliteFarmStore store, String id, String room, int slot) {
        store.registry().saveMiner(new Miner(MinerId.of(id), "s", new RackPosition(room, "R1", 1, slot),
                new MinerAddress("127.0.0.1", 10_000 + slot, 4028), MODEL, "Vnish 1.2.6", Optional.empty()));
    }

    /** Deterministic in (miner, time): the same history whichever store it goes to. */
    static TelemetrySnapshot snapshot(String id, Instant at) {
        long minutes = Duration.between(T0, at).toMinutes();
        if (id.equals("stopped-no-fans")) {
            // immersion-cooled and stopped: no fans, zero hashrate and power, counters standing still
            return new TelemetrySnapshot(MinerId.of(id), at, MinerStatus.STOPPED, 0.0, 0.0, List.of(), null, null,
                    List.of(), null, 0.0, null, null, "disabled", null, 0L, 0L, 0L, null);
        }
        double wobble = Math.sin(minutes / 37.0 + id.hashCode());
        double ths = 104 + wobble;
        List<HashboardReading> boards = List.of(
                new HashboardReading(0, ths / 3, 64.0, 55.0, 600.0, 13.4, 1000.0, minutes),
                new HashboardReading(1, ths / 3, 65.0, 56.0, 600.0, 13.4, 1000.0, minutes),
                new HashboardReading(2, ths / 3, 63.0, 54.0, 600.0, 13.4, 1000.0, minutes));
        return new TelemetrySnapshot(MinerId.of(id), at, MinerStatus.MINING, ths, ths, boards, 65.0 + wobble, 56.0,
                List.of(3700, 3710, 3690, 3705), 62.0 + wobble, 3010.0 + 10 * wobble, 13.4, 600.0, "disabled",
                "stratum.example.org:3333", 27 * (minutes / 5), minutes / 500, 30 * minutes, Duration.ofMinutes(minutes));
    }

    static FeatureTable build(SqliteFarmStore store, Instant asOf) {
        return new FeatureBuilder(store.telemetry(), store.registry(), MinerModelCatalog.bundled(),
                FeatureSettings.defaults()).build(asOf, (room, from, to) -> room.equals("hall") ? 24.0 : Double.NaN,
                a -> null, TrainingProgress.NONE);
    }

    @Test
    void meteredPowerIsComparedWithWhatTheMinersOnThatCircuitReport() {
        Instant end = T0.plus(Duration.ofDays(2));
        try (SqliteFarmStore store = store("metered.db", end)) {
            // the hall's whole-room meter and no rack meter; the closet has none
            RoomSensors sensors = new RoomSensors() {
                @Override
                public double meanAmbientC(String roomId, Instant from, Instant to) {
                    return Double.NaN;
                }

                @Override
                public double meanMeteredKw(String roomId, String rack, Instant from, Instant to) {
                    return roomId.equals("hall") && rack == null ? 9.9 : Double.NaN;
                }
            };
            FeatureTable table = new FeatureBuilder(store.telemetry(), store.registry(), MinerModelCatalog.bundled(),
                    FeatureSettings.defaults()).build(end, sensors, a -> null, TrainingProgress.NONE);

            // three healthy miners at about 3,010 W each report about 9.03 kW against the 9.9 kW measured
            for (String id : List.of("healthy-1", "healthy-2", "healthy-3")) {
                assertThat(table.value(MinerId.of(id), Feature.METERED_TO_REPORTED_POWER))
                        .isCloseTo(9.9 / 9.03, org.assertj.core.data.Offset.offset(0.01));
            }
            assertThat(table.value(MinerId.of("stopped-no-fans"), Feature.METERED_TO_REPORTED_POWER)).isNaN();
            assertThat(table.value(MinerId.of("alone"), Feature.METERED_TO_REPORTED_POWER)).isNaN();
        }
    }

    @Test
    void tablesBuiltTogetherFromOneReadEqualTablesBuiltOneAtATime() {
        Instant end = T0.plus(Duration.ofDays(10));
        try (SqliteFarmStore store = store("together.db", end)) {
            // out of order, one before the first poll, one partial day, the rest across rolled-up days
            List<Instant> instants = List.of(end, T0.minus(Duration.ofHours(1)), T0.plus(Duration.ofHours(7)),
                    T0.plus(Duration.ofDays(5)).plus(Duration.ofMinutes(17)), end.minus(Duration.ofHours(4)));
            FeatureBuilder builder = new FeatureBuilder(store.telemetry(), store.registry(),
                    MinerModelCatalog.bundled(), FeatureSettings.defaults());
            RoomSensors ambient = (room, from, to) -> room.equals("hall") ? 24.0 : Double.NaN;
            List<FeatureTable> together = builder.buildEach(instants, ambient, a -> null, TrainingProgress.NONE);
            assertThat(together).hasSameSizeAs(instants);
            for (int k = 0; k < instants.size(); k++) {
                FeatureTable alone = builder.build(instants.get(k), ambient, a -> null, TrainingProgress.NONE);
                FeatureTable joint = together.get(k);
                assertThat(joint.asOf()).isEqualTo(alone.asOf());
                assertThat(joint.size()).isEqualTo(alone.size());
                for (int i = 0; i < alone.size(); i++) {
                    assertThat(joint.row(i)).isEqualTo(alone.row(i));
                    for (Feature f : Feature.values()) {
                        // boxed: Double.equals counts NaN equal to NaN, and the missing values must match too
                        assertThat(Double.valueOf(joint.value(i, f)))
                                .as("%s of %s as of %s", f, alone.row(i).miner(), alone.asOf())
                                .isEqualTo(Double.valueOf(alone.value(i, f)));
                    }
                }
            }
            assertThat(together.get(0).value(MinerId.of("healthy-1"), Feature.UPTIME_24H)).isPositive();
            assertThat(together.get(1).value(MinerId.of("healthy-1"), Feature.UPTIME_24H)).isNaN();
        }
    }

    @Test
    void neverDividesByZeroForAStoppedMinerWithoutFansOrAMinerWithoutPeers() {
        Instant end = T0.plus(Duration.ofDays(3));
        try (SqliteFarmStore store = store("farm.db", end)) {
            FeatureTable table = build(store, end);
            assertThat(table.size()).isEqualTo(5);
            for (int i = 0; i < table.size(); i++) {
                for (Feature f : Feature.values()) {
                    double v = table.value(i, f);
                    assertThat(Double.isNaN(v) || Double.isFinite(v)).as("%s of %s", f, table.row(i).miner()).isTrue();
                }
            }
            MinerId stopped = MinerId.of("stopped-no-fans");
            assertThat(table.value(stopped, Feature.HASHRATE_PCT_OF_RATED_24H)).isZero();
            assertThat(table.value(stopped, Feature.UPTIME_24H)).isZero();
            for (Feature f : List.of(Feature.EFFICIENCY_J_PER_TH, Feature.HASHRATE_CV_24H, Feature.FAN_RPM_PER_DUTY,
                    Feature.FAN_SLOWEST_SHARE_1H, Feature.REJECT_RATE_24H, Feature.HW_ERRORS_PER_TH_HOUR_24H,
                    Feature.BOARD_IMBALANCE_24H, Feature.CHIP_TEMP_MEAN_24H, Feature.THERMAL_RISE_C_PER_KW,
                    Feature.CHIP_TEMP_VS_PEERS, Feature.AMBIENT_C)) {
                assertThat(table.value(stopped, f)).as(f.name()).isNaN();
            }
            // one unit of its model in its room: no peers to compare with, and no room sensor there
            MinerId alone = MinerId.of("alone");
            assertThat(table.value(alone, Feature.CHIP_TEMP_VS_PEERS)).isNaN();
            assertThat(table.value(alone, Feature.HASHRATE_VS_PEERS)).isNaN();
            assertThat(table.value(alone, Feature.THERMAL_RISE_C_PER_KW)).isNaN();
            assertThat(table.value(alone, Feature.EFFICIENCY_J_PER_TH)).isBetween(28.0, 30.0);
        }
    }

    @Test
    void computesTheHealthyUnitsFeaturesFromTheirHistory() {
        Instant end = T0.plus(Duration.ofDays(3));
        try (SqliteFarmStore store = store("farm.db", end)) {
            FeatureTable table = build(store, end);
            MinerId healthy = MinerId.of("healthy-1");
            // rated 104 TH/s in the catalog
            assertThat(table.value(healthy, Feature.HASHRATE_PCT_OF_RATED_24H)).isBetween(98.0, 102.0);
            assertThat(table.value(healthy, Feature.UPTIME_24H)).isEqualTo(1.0);
            assertThat(table.value(healthy, Feature.COVERAGE_24H)).isEqualTo(1.0);
            assertThat(table.value(healthy, Feature.RESTARTS_24H)).isZero();
            assertThat(table.value(healthy, Feature.BOARD_IMBALANCE_24H)).isLessThan(0.01);
            assertThat(table.value(healthy, Feature.FAN_SLOWEST_SHARE_1H)).isBetween(0.99, 1.0);
            assertThat(table.value(healthy, Feature.AMBIENT_C)).isEqualTo(24.0);
            // (65 − 24) °C over ~3 kW
            assertThat(table.value(healthy, Feature.THERMAL_RISE_C_PER_KW)).isBetween(12.0, 15.0);
            assertThat(table.value(healthy, Feature.HW_ERRORS_PER_TH_HOUR_24H)).isBetween(15.0, 20.0);
            assertThat(table.value(healthy, Feature.CHIP_TEMP_VS_PEERS)).isBetween(-2.0, 2.0);
            assertThat(table.value(healthy, Feature.HASHPRICE_USD_PER_TH_DAY)).isNaN();
        }
    }

    @Test
    void readsNothingAfterItsAsOfInstant() {
        Instant asOf = T0.plus(Duration.ofDays(2)).plus(Duration.ofMinutes(37));
        try (SqliteFarmStore shorter = store("short.db", asOf);
             SqliteFarmStore longer = store("long.db", asOf.plus(Duration.ofDays(1)))) {
            FeatureTable past = build(longer, asOf);
            FeatureTable then = build(shorter, asOf);
            assertThat(past.asOf()).isEqualTo(then.asOf()).isEqualTo(asOf.minus(Duration.ofMinutes(2)));
            for (int i = 0; i < past.size(); i++) {
                for (Feature f : Feature.values()) {
                    double a = past.value(i, f);
                    double b = then.value(i, f);
                    // rolled-up chunks keep a few significant digits; recent rows are exact
                    assertThat(Double.isNaN(a) ? Double.isNaN(b) : Math.abs(a - b) <= 1e-3 * (1 + Math.abs(b)))
                            .as("%s of %s: %s vs %s", f, past.row(i).miner(), a, b).isTrue();
                }
            }
        }
    }

    @Test
    void stopsWhenCancelled() {
        Instant end = T0.plus(Duration.ofDays(1));
        try (SqliteFarmStore store = store("farm.db", end)) {
            FeatureBuilder builder = new FeatureBuilder(store.telemetry(), store.registry(),
                    MinerModelCatalog.bundled(), new FeatureSettings(Duration.ofHours(1), Duration.ofDays(1),
                    Duration.ofDays(7), Duration.ofDays(7), Duration.ofHours(24), 2, 1));
            TrainingProgress cancelled = new CancelledProgress();
            assertThatThrownBy(() -> builder.build(end, RoomSensors.NONE, a -> null, cancelled))
                    .isInstanceOf(CancellationException.class);
        }
    }

    @Test
    void refusesWindowsThatDoNotGrow() {
        assertThatThrownBy(() -> new FeatureSettings(Duration.ofDays(2), Duration.ofDays(1), Duration.ofDays(7),
                Duration.ofDays(7), Duration.ofHours(24), 2, 100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("windows must grow");
        assertThat(FeatureSettings.defaults().minPeers()).isPositive();
    }
}
