package io.hashdesk.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hashdesk.core.domain.SensorId;
import io.hashdesk.core.domain.SensorPlacement;
import io.hashdesk.core.domain.SensorPosition;
import io.hashdesk.core.domain.SensorQuantity;
import io.hashdesk.core.domain.SensorReading;
import io.hashdesk.core.domain.SensorStatus;
import io.hashdesk.core.store.AmbientScope;
import io.hashdesk.core.store.PowerCircuit;
import io.hashdesk.core.store.Resolution;
import io.hashdesk.core.store.SensorPoint;
import io.hashdesk.core.store.SensorStore;
import io.hashdesk.core.store.StoreSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteSensorStoreTest {

    static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    static final SensorPlacement ROOM_INTAKE = new SensorPlacement("hall-a", null, SensorPosition.INTAKE);
    static final SensorPlacement RACK_INTAKE = new SensorPlacement("hall-a", "R2", SensorPosition.INTAKE);
    static final SensorPlacement EXHAUST = new SensorPlacement("hall-a", null, SensorPosition.EXHAUST);
    static final SensorPlacement CIRCUIT_A1 = new SensorPlacement("hall-a", "R1", SensorPosition.CIRCUIT);
    static final SensorPlacement CIRCUIT_A2 = new SensorPlacement("hall-a", "R2", SensorPosition.CIRCUIT);
    static final SensorPlacement CIRCUIT_B = new SensorPlacement("hall-b", null, SensorPosition.CIRCUIT);

    @TempDir
    Path dir;
    MutableClock clock;
    SqliteFarmStore farm;
    SensorStore sensors;

    @BeforeEach
    void open() {
        clock = new MutableClock(T0);
        farm = SqliteFarmStore.open(dir.resolve("hashdesk.db"), StoreSettings.defaults(), clock);
        sensors = farm.sensors();
    }

    @AfterEach
    void close() {
        farm.close();
    }

    static SensorReading temp(String id, SensorPlacement placement, Instant at, double tempC) {
        return SensorReading.ok(SensorId.of(id), placement, at, Map.of(SensorQuantity.TEMPERATURE_C, tempC,
                SensorQuantity.HUMIDITY_PERCENT, 40.0));
    }

    static SensorReading power(String id, SensorPlacement placement, Instant at, double watts) {
        return SensorReading.ok(SensorId.of(id), placement, at, Map.of(SensorQuantity.POWER_WATTS, watts));
    }

    /** One read a minute of every sensor for {@code minutes}, the value given by the minute. */
    void everyMinute(int minutes, java.util.function.IntFunction<List<SensorReading>> reads) {
        for (int m = 0; m < minutes; m++) {
            sensors.ingest(reads.apply(m));
        }
    }

    @Test
    void theLastReadOfEachSensorIsKeptWithItsStatusEvenWhenItFailed() {
        sensors.ingest(List.of(temp("intake", ROOM_INTAKE, T0, 21.5)));
        sensors.ingest(List.of(SensorReading.failed(SensorId.of("intake"), ROOM_INTAKE, T0.plusSeconds(10),
                SensorStatus.DEVICE_EXCEPTION, "Modbus exception code 2 (illegal data address) from unit 1")));
        SensorReading last = sensors.latest().get(SensorId.of("intake"));
        assertThat(last.status()).isEqualTo(SensorStatus.DEVICE_EXCEPTION);
        assertThat(last.detail()).isEqualTo("Modbus exception code 2 (illegal data address) from unit 1");
        assertThat(last.takenAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(sensors.series(SensorId.of("intake"), SensorQuantity.TEMPERATURE_C, T0, T0.plusSeconds(60),
                Resolution.RAW)).extracting(p -> p.value().mean()).containsExactly(21.5);
    }

    @Test
    void anOlderReadArrivingLateDoesNotReplaceTheLatest() {
        sensors.ingest(List.of(temp("intake", ROOM_INTAKE, T0.plusSeconds(20), 22.0)));
        sensors.ingest(List.of(temp("intake", ROOM_INTAKE, T0.plusSeconds(10), 21.0)));
        assertThat(sensors.latest().get(SensorId.of("intake")).value(SensorQuantity.TEMPERATURE_C)).isEqualTo(22.0);
    }

    @Test
    void fiveMinuteBucketsAreTheSameBeforeAndAfterTheHourIsRolledUp() {
        everyMinute(90, m -> List.of(temp("intake", ROOM_INTAKE, T0.plus(Duration.ofMinutes(m)), 20 + m % 10)));
        Instant to = T0.plus(Duration.ofMinutes(90));
        List<SensorPoint> before = sensors.series(SensorId.of("intake"), SensorQuantity.TEMPERATURE_C, T0, to,
                Resolution.FIVE_MINUTES);
        clock.set(T0.plus(Duration.ofMinutes(125)));
        farm.telemetry().maintain(clock.instant());
        List<SensorPoint> after = sensors.series(SensorId.of("intake"), SensorQuantity.TEMPERATURE_C, T0, to,
                Resolution.FIVE_MINUTES);
        assertThat(after).isEqualTo(before).hasSize(18);
        assertThat(after.getFirst().samples()).isEqualTo(5);
        assertThat(after.getFirst().value().min()).isEqualTo(20.0);
        assertThat(after.getFirst().value().max()).isEqualTo(24.0);
        assertThat(after.getFirst().value().mean()).isCloseTo(22.0, within(1e-9));
        List<SensorPoint> hours = sensors.series(SensorId.of("intake"), SensorQuantity.TEMPERATURE_C, T0, to,
                Resolution.ONE_HOUR);
        assertThat(hours).hasSize(2);
        assertThat(hours.getFirst().samples()).isEqualTo(60);
        assertThat(hours.getFirst().value().mean()).isCloseTo(24.5, within(1e-9));
    }

    @Test
    void valuesForAnHourAlreadyRolledUpAreRefusedButTheStatusIsKept() {
        everyMinute(61, m -> List.of(temp("intake", ROOM_INTAKE, T0.plus(Duration.ofMinutes(m)), 20)));
        clock.set(T0.plus(Duration.ofMinutes(70)));
        farm.telemetry().maintain(clock.instant());
        int stored = sensors.ingest(List.of(temp("late", ROOM_INTAKE, T0.plus(Duration.ofMinutes(30)), 25)));
        assertThat(stored).isZero();
        assertThat(sensors.latest()).containsKey(SensorId.of("late"));
    }

    @Test
    void rawValuesExpireAfterTheRawRetentionAndRollupsStay() {
        everyMinute(120, m -> List.of(temp("intake", ROOM_INTAKE, T0.plus(Duration.ofMinutes(m)), 20)));
        clock.set(T0.plus(StoreSettings.defaults().rawRetention()).plus(Duration.ofHours(3)));
        farm.telemetry().maintain(clock.instant());
        Instant to = T0.plus(Duration.ofHours(2));
        assertThat(sensors.series(SensorId.of("intake"), SensorQuantity.TEMPERATURE_C, T0, to, Resolution.RAW))
                .isEmpty();
        assertThat(sensors.series(SensorId.of("intake"), SensorQuantity.TEMPERATURE_C, T0, to,
                Resolution.FIVE_MINUTES)).hasSize(24);
    }

    @Test
    void intakeAirIsAveragedPerRoomAndPerRackAndExhaustIsLeftOut() {
        everyMinute(10, m -> List.of(
                temp("room", ROOM_INTAKE, T0.plus(Duration.ofMinutes(m)), 20),
                temp("rack", RACK_INTAKE, T0.plus(Duration.ofMinutes(m)), 24),
                temp("out", EXHAUST, T0.plus(Duration.ofMinutes(m)), 35)));
        Map<AmbientScope, List<SensorPoint>> ambient = sensors.ambientIntake(T0, T0.plus(Duration.ofMinutes(10)),
                Resolution.FIVE_MINUTES);
        assertThat(ambient).containsOnlyKeys(AmbientScope.room("hall-a"), AmbientScope.rack("hall-a", "R2"));
        SensorPoint room = ambient.get(AmbientScope.room("hall-a")).getFirst();
        assertThat(room.value().mean()).isEqualTo(22.0);
        assertThat(room.value().min()).isEqualTo(20.0);
        assertThat(room.value().max()).isEqualTo(24.0);
        assertThat(room.samples()).isEqualTo(10);
        assertThat(ambient.get(AmbientScope.rack("hall-a", "R2"))).extracting(p -> p.value().mean())
                .containsExactly(24.0, 24.0);
    }

    @Test
    void measuredPowerIsGivenPerCircuitAndSummedPerRoomAcrossTheRollup() {
        everyMinute(70, m -> List.of(
                power("a1", CIRCUIT_A1, T0.plus(Duration.ofMinutes(m)), 30_000),
                power("a2", CIRCUIT_A2, T0.plus(Duration.ofMinutes(m)), 45_000),
                power("b", CIRCUIT_B, T0.plus(Duration.ofMinutes(m)), 12_000)));
        clock.set(T0.plus(Duration.ofMinutes(65)));
        farm.telemetry().maintain(clock.instant());
        Instant to = T0.plus(Duration.ofMinutes(70));
        Map<String, List<SensorPoint>> rooms = sensors.powerByRoom(T0, to, Resolution.FIVE_MINUTES);
        assertThat(rooms.get("hall-a")).hasSize(14).allSatisfy(p -> assertThat(p.value().mean()).isEqualTo(75_000));
        assertThat(rooms.get("hall-b")).allSatisfy(p -> assertThat(p.value().mean()).isEqualTo(12_000));
        Map<PowerCircuit, List<SensorPoint>> circuits = sensors.powerByCircuit(T0, to, Resolution.ONE_HOUR);
        assertThat(circuits).containsKey(new PowerCircuit(SensorId.of("a2"), "hall-a", "R2"));
        assertThat(circuits.get(new PowerCircuit(SensorId.of("a1"), "hall-a", "R1")))
                .extracting(SensorPoint::samples).containsExactly(60, 10);
    }

    @Test
    void bulkSeriesReadTheSameWhateverTheNumberOfSensors() {
        List<SensorReading> batch = new ArrayList<>();
        for (int s = 0; s < 40; s++) {
            batch.add(temp("s" + s, new SensorPlacement("room-" + s % 4, "R" + s, SensorPosition.INTAKE), T0, s));
        }
        sensors.ingest(batch);
        Map<AmbientScope, List<SensorPoint>> ambient = sensors.ambientIntake(T0, T0.plusSeconds(300),
                Resolution.FIVE_MINUTES);
        assertThat(ambient).hasSize(44);
        assertThat(ambient.get(AmbientScope.room("room-1")).getFirst().value().mean())
                .isEqualTo((1 + 5 + 9 + 13 + 17 + 21 + 25 + 29 + 33 + 37) / 10.0);
    }
}
