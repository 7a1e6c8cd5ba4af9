package io.hashdesk.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.app.common.Eventually;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.core.domain.SensorId;
import io.hashdesk.core.domain.SensorPlacement;
import io.hashdesk.core.domain.SensorPosition;
import io.hashdesk.core.domain.SensorQuantity;
import io.hashdesk.core.domain.SensorReading;
import io.hashdesk.core.domain.SensorStatus;
import io.hashdesk.core.sensor.Parity;
import io.hashdesk.core.sensor.SensorInventory;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SensorsViewModelTest {

    static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    @TempDir
    Path dir;
    SqliteFarmStore store;
    JobRunner jobs;
    SensorInventory inventory;
    SensorsViewModel model;

    @BeforeEach
    void open() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        store = SqliteFarmStore.open(dir.resolve("hashdesk.db"), StoreSettings.defaults(), clock);
        jobs = new JobRunner(Runnable::run);
        inventory = SensorInventory.load(dir.resolve(SensorInventory.FILE));
        model = new SensorsViewModel(inventory, store.sensors(), List.of("sdm120", "xy-md02"),
                () -> List.of("hall-a", "hall-b"), jobs, clock);
    }

    @AfterEach
    void close() {
        jobs.close();
        store.close();
    }

    void fillThermometer(String id, int unit) {
        model.newDevice();
        model.idProperty().set(id);
        model.nameProperty().set("Hall A intake air");
        model.portProperty().set("/dev/ttyUSB0");
        model.unitIdProperty().set(Integer.toString(unit));
        model.profileProperty().set("xy-md02");
        model.roomProperty().set("hall-a");
        model.positionProperty().set(SensorPosition.INTAKE);
    }

    /** Saves the form and waits for the job's sentence. */
    void save() throws InterruptedException {
        model.save();
        Eventually.until(() -> !model.messageProperty().get().isEmpty(), "the save's sentence");
    }

    SensorRow row(String id) {
        return model.rows().stream().filter(r -> r.id().value().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void anAddedSensorIsSavedAndShowsItsLiveValueOnceRead() throws Exception {
        fillThermometer("hall-a-intake", 1);
        save();
        assertThat(model.failedProperty().get()).as(model.messageProperty().get()).isFalse();
        assertThat(SensorInventory.load(inventory.file()).devices()).extracting(d -> d.id().value())
                .containsExactly("hall-a-intake");
        assertThat(row("hall-a-intake").status()).isEqualTo("not read yet");
        assertThat(row("hall-a-intake").connection()).isEqualTo("/dev/ttyUSB0 · unit 1 · 9600 8N1");

        store.sensors().ingest(List.of(SensorReading.ok(SensorId.of("hall-a-intake"),
                new SensorPlacement("hall-a", null, SensorPosition.INTAKE), NOW.minusSeconds(4),
                Map.of(SensorQuantity.TEMPERATURE_C, 23.44, SensorQuantity.HUMIDITY_PERCENT, 38.2))));
        model.show(model.read());
        SensorRow row = row("hall-a-intake");
        assertThat(row.status()).isEqualTo("ok");
        assertThat(row.value()).isEqualTo("23.4 °C · 38 %RH");
        assertThat(row.lastRead()).isEqualTo("4 s ago");
        assertThat(row.failing()).isFalse();
    }

    @Test
    void anExceptionReplyShowsItsCodeAndKeepsTheSentenceForTheTooltip() throws InterruptedException {
        fillThermometer("intake", 1);
        save();
        store.sensors().ingest(List.of(SensorReading.failed(SensorId.of("intake"),
                new SensorPlacement("hall-a", null, SensorPosition.INTAKE), NOW, SensorStatus.DEVICE_EXCEPTION,
                "Modbus exception code 2 (illegal data address) from unit 1")));
        model.show(model.read());
        assertThat(row("intake").status()).isEqualTo("Modbus exception code 2");
        assertThat(row("intake").detail()).isEqualTo("Modbus exception code 2 (illegal data address) from unit 1");
        assertThat(row("intake").failing()).isTrue();
        assertThat(row("intake").value()).isEqualTo("—");
    }

    @Test
    void aBadFieldIsRefusedByNameAndNothingIsSaved() {
        fillThermometer("intake", 1);
        model.baudRateProperty().set("96000");
        model.save();
        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).startsWith("Port or line settings: baudRate must be one of")
                .endsWith("got 96000");
        model.baudRateProperty().set("9600");
        model.unitIdProperty().set("one");
        model.save();
        assertThat(model.messageProperty().get()).isEqualTo("Device: Unit id must be a whole number, got 'one'");
        model.unitIdProperty().set("1");
        model.profileProperty().set("");
        model.save();
        assertThat(model.messageProperty().get()).isEqualTo("Profile: pick a device profile from the list.");
        assertThat(inventory.devices()).isEmpty();
    }

    @Test
    void twoDevicesOnOnePortMustShareItsSettings() throws InterruptedException {
        fillThermometer("a", 1);
        save();
        fillThermometer("b", 2);
        model.parityProperty().set(Parity.EVEN);
        model.save();
        Eventually.until(() -> model.failedProperty().get(), "the refusal");
        assertThat(model.messageProperty().get()).contains("devices sharing a bus must use the same settings");
        assertThat(inventory.devices()).hasSize(1);
    }

    @Test
    void anEditedDeviceIsReplacedAndARemovedOneIsGone() throws InterruptedException {
        fillThermometer("a", 1);
        save();
        model.edit(row("a"));
        model.idProperty().set("hall-a-intake");
        model.unitIdProperty().set("7");
        model.save();
        Eventually.until(() -> model.rows().stream().anyMatch(r -> r.id().value().equals("hall-a-intake")),
                "the renamed device listed");
        assertThat(inventory.devices()).singleElement().satisfies(d -> {
            assertThat(d.id().value()).isEqualTo("hall-a-intake");
            assertThat(d.unitId()).isEqualTo(7);
        });
        model.remove(row("hall-a-intake"));
        Eventually.until(() -> model.rows().isEmpty(), "the device gone from the list");
        assertThat(inventory.devices()).isEmpty();
    }

    @Test
    void theDemoFarmsSensorsAreListedButCannotBeRemovedHere() {
        store.sensors().ingest(List.of(SensorReading.ok(SensorId.of("demo-hall-a-meter"),
                new SensorPlacement("hall-a", null, SensorPosition.CIRCUIT), NOW,
                Map.of(SensorQuantity.POWER_WATTS, 98_200.0))));
        model.show(model.read());
        SensorRow demo = row("demo-hall-a-meter");
        assertThat(demo.configured()).isFalse();
        assertThat(demo.value()).isEqualTo("98.20 kW");
        model.remove(demo);
        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.roomChoices()).containsExactly("hall-a", "hall-b");
    }
}
