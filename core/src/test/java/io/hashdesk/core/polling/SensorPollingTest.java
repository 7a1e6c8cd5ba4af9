package io.hashdesk.core.polling;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.core.domain.SensorId;
import io.hashdesk.core.domain.SensorPlacement;
import io.hashdesk.core.domain.SensorPosition;
import io.hashdesk.core.domain.SensorQuantity;
import io.hashdesk.core.domain.SensorReading;
import io.hashdesk.core.domain.SensorStatus;
import io.hashdesk.core.sensor.SensorDevice;
import io.hashdesk.core.sensor.SensorReader;
import io.hashdesk.core.sensor.SensorSettings;
import io.hashdesk.core.sensor.SerialLine;
import io.hashdesk.core.store.AmbientScope;
import io.hashdesk.core.store.PowerCircuit;
import io.hashdesk.core.store.Resolution;
import io.hashdesk.core.store.SensorPoint;
import io.hashdesk.core.store.SensorStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SensorPollingTest {

    static final SensorSettings SETTINGS = new SensorSettings(Duration.ofSeconds(10), Duration.ofMillis(100),
            Duration.ofMillis(300));
    static final SensorPlacement PLACE = new SensorPlacement("hall-a", null, SensorPosition.INTAKE);

    /** Keeps what it is given. */
    static final class RecordingSensorStore implements SensorStore {
        final List<SensorReading> stored = new CopyOnWriteArrayList<>();
        final Map<SensorId, SensorReading> latest = new ConcurrentHashMap<>();

        @Override
        public int ingest(Collection<SensorReading> reads) {
            stored.addAll(reads);
            reads.forEach(r -> latest.put(r.sensor(), r));
            return reads.size();
        }

        @Override
        public Map<SensorId, SensorReading> latest() {
            return Map.copyOf(latest);
        }

        @Override
        public List<SensorPoint> series(SensorId sensor, SensorQuantity quantity, Instant from, Instant to,
                                        Resolution resolution) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<AmbientScope, List<SensorPoint>> ambientIntake(Instant from, Instant to, Resolution resolution) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<PowerCircuit, List<SensorPoint>> powerByCircuit(Instant from, Instant to, Resolution resolution) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, List<SensorPoint>> powerByRoom(Instant from, Instant to, Resolution resolution) {
            throw new UnsupportedOperationException();
        }
    }

    static SensorDevice device(String id) {
        return new SensorDevice(SensorId.of(id), id, SerialLine.of("/dev/ttyUSB0"), 1, "xy-md02", PLACE);
    }

    static SensorReading ok(SensorDevice device) {
        return SensorReading.ok(device.id(), device.placement(), Instant.now(), Map.of(SensorQuantity.TEMPERATURE_C, 21.0));
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition never held").isLessThan(giveUp);
            Thread.sleep(10);
        }
    }

    @Test
    void aHungReadNeitherHoldsUpTheTickNorEscapesItsDeadline() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        SensorReader hangs = device -> {
            never.await();
            return ok(device);
        };
        RecordingSensorStore store = new RecordingSensorStore();
        try (SensorPolling polling = new SensorPolling(hangs, () -> List.of(device("stuck")), store, SETTINGS,
                Clock.systemUTC())) {
            long start = System.nanoTime();
            polling.tick(Instant.now());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(100));
            assertThat(polling.reading(SensorId.of("stuck"))).isTrue();
            Thread.sleep(SETTINGS.readDeadline().toMillis() + 50);
            polling.tick(Instant.now());
            waitFor(() -> !store.stored.isEmpty());
        }
        SensorReading timedOut = store.stored.getFirst();
        assertThat(timedOut.status()).isEqualTo(SensorStatus.TIMEOUT);
        assertThat(timedOut.detail()).isEqualTo("no complete answer within 300 ms (the poller gave up on the read)");
    }

    @Test
    void eachSensorIsReadOncePerIntervalAndNeverTwiceAtOnce() throws InterruptedException {
        AtomicInteger reads = new AtomicInteger();
        SensorReader counts = device -> {
            reads.incrementAndGet();
            return ok(device);
        };
        RecordingSensorStore store = new RecordingSensorStore();
        Instant t0 = Instant.parse("2026-03-02T00:00:00Z");
        try (SensorPolling polling = new SensorPolling(counts, () -> List.of(device("a"), device("b")), store,
                SETTINGS, Clock.systemUTC())) {
            polling.tick(t0);
            waitFor(() -> reads.get() == 2);
            polling.tick(t0.plusSeconds(5));
            polling.tick(t0.plusSeconds(9));
            assertThat(reads.get()).isEqualTo(2);
            polling.tick(t0.plusSeconds(10));
            waitFor(() -> reads.get() == 4);
            polling.tick(t0.plusSeconds(11));
            waitFor(() -> store.stored.size() == 4);
        }
        assertThat(store.latest()).containsOnlyKeys(SensorId.of("a"), SensorId.of("b"));
    }

    @Test
    void aReaderThatThrowsIsRecordedAsAFailedReadNotLost() throws InterruptedException {
        SensorReader broken = device -> {
            throw new IllegalStateException("driver bug");
        };
        RecordingSensorStore store = new RecordingSensorStore();
        try (SensorPolling polling = new SensorPolling(broken, () -> List.of(device("a")), store, SETTINGS,
                Clock.systemUTC())) {
            polling.tick(Instant.now());
            Thread.sleep(50);
            polling.tick(Instant.now());
            waitFor(() -> !store.stored.isEmpty());
        }
        assertThat(store.stored.getFirst().status()).isEqualTo(SensorStatus.MALFORMED_REPLY);
        assertThat(store.stored.getFirst().detail()).contains("driver bug");
    }

    @Test
    void aRemovedSensorIsNoLongerRead() throws InterruptedException {
        AtomicInteger reads = new AtomicInteger();
        List<SensorDevice> configured = new CopyOnWriteArrayList<>(List.of(device("a")));
        SensorReader counts = device -> {
            reads.incrementAndGet();
            return ok(device);
        };
        Instant t0 = Instant.parse("2026-03-02T00:00:00Z");
        try (SensorPolling polling = new SensorPolling(counts, () -> configured, new RecordingSensorStore(), SETTINGS,
                Clock.systemUTC())) {
            polling.tick(t0);
            waitFor(() -> reads.get() == 1);
            configured.clear();
            polling.tick(t0.plusSeconds(20));
            Thread.sleep(50);
        }
        assertThat(reads.get()).isEqualTo(1);
    }
}
