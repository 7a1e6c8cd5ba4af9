package io.hashdesk.core.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashdesk.core.domain.SensorId;
import io.hashdesk.core.domain.SensorPlacement;
import io.hashdesk.core.domain.SensorPosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SensorInventoryTest {

    @TempDir
    Path dir;

    static SensorDevice device(String id, String port, int unit, SerialLine line) {
        return new SensorDevice(SensorId.of(id), id + " name", line, unit, "xy-md02",
                new SensorPlacement("hall-a", "R1", SensorPosition.INTAKE));
    }

    @Test
    void savedDevicesLoadBackTheSame() throws IOException {
        Path file = dir.resolve(SensorInventory.FILE);
        SensorInventory inventory = SensorInventory.load(file);
        assertThat(inventory.devices()).isEmpty();
        List<SensorDevice> devices = List.of(
                device("intake", "/dev/ttyUSB0", 1, new SerialLine("/dev/ttyUSB0", 19200, 8, Parity.EVEN, 1)),
                new SensorDevice(SensorId.of("meter"), "Feed", SerialLine.of("COM3"), 2, "sdm630",
                        new SensorPlacement("hall-b", null, SensorPosition.CIRCUIT)));
        inventory.replace(devices);
        assertThat(inventory.devices()).isEqualTo(devices);
        assertThat(SensorInventory.load(file).devices()).isEqualTo(devices);
    }

    @Test
    void lineSettingsLeftOutOfTheFileAreTheUsual9600_8N1() throws IOException {
        Path file = dir.resolve(SensorInventory.FILE);
        Files.writeString(file, """
                {"devices": [{"id": "intake", "port": "/dev/ttyUSB0", "unitId": 1, "profile": "xy-md02",
                              "room": "hall-a", "position": "INTAKE"}]}""");
        assertThat(SensorInventory.load(file).devices().getFirst().line()).isEqualTo(SerialLine.of("/dev/ttyUSB0"));
    }

    @Test
    void aBadDeviceInTheFileIsNamedWithItsPlaceIdAndField() throws IOException {
        Path file = dir.resolve(SensorInventory.FILE);
        Files.writeString(file, """
                {"devices": [{"id": "ok", "port": "/dev/ttyUSB0", "unitId": 1, "profile": "xy-md02",
                              "room": "hall-a", "position": "INTAKE"},
                             {"id": "meter", "port": "/dev/ttyUSB0", "baudRate": 9601, "unitId": 2,
                              "profile": "sdm120", "room": "hall-a", "position": "CIRCUIT"}]}""");
        assertThatThrownBy(() -> SensorInventory.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Sensors in " + file + ", device 2 (id 'meter'): baudRate must be one of [1200, 2400, 4800,"
                        + " 9600, 14400, 19200, 38400, 57600, 115200], got 9601");
    }

    @Test
    void aMissingPositionIsNamed() throws IOException {
        Path file = dir.resolve(SensorInventory.FILE);
        Files.writeString(file, """
                {"devices": [{"id": "x", "port": "COM3", "unitId": 1, "profile": "xy-md02", "room": "hall-a"}]}""");
        assertThatThrownBy(() -> SensorInventory.load(file))
                .hasMessageEndingWith("device 1 (id 'x'): position is missing (INTAKE, EXHAUST or CIRCUIT)");
    }

    @Test
    void devicesSharingAPortMustShareItsSettingsAndHaveTheirOwnUnitIds() {
        SensorInventory inventory = SensorInventory.load(dir.resolve(SensorInventory.FILE));
        assertThatThrownBy(() -> inventory.replace(List.of(
                device("a", "/dev/ttyUSB0", 1, SerialLine.of("/dev/ttyUSB0")),
                device("b", "/dev/ttyUSB0", 2, new SerialLine("/dev/ttyUSB0", 19200, 8, Parity.NONE, 1)))))
                .hasMessageContaining("device 'b' uses /dev/ttyUSB0 at 19200 8N1, but another device on that port uses"
                        + " 9600 8N1");
        assertThatThrownBy(() -> inventory.replace(List.of(
                device("a", "/dev/ttyUSB0", 1, SerialLine.of("/dev/ttyUSB0")),
                device("b", "/dev/ttyUSB0", 1, SerialLine.of("/dev/ttyUSB0")))))
                .hasMessage("devices 'a' and 'b' both have unit id 1 on /dev/ttyUSB0");
        assertThat(inventory.devices()).isEmpty();
        assertThat(Files.exists(inventory.file())).isFalse();
    }

    @Test
    void aUnitIdOutsideTheModbusRangeIsRefused() {
        assertThatThrownBy(() -> device("a", "COM1", 248, SerialLine.of("COM1")))
                .hasMessage("unitId must be 1–247, got 248");
    }

    @Test
    void anInventoryFollowsWhatAnotherOneSaved() throws IOException {
        Path file = dir.resolve(SensorInventory.FILE);
        SensorInventory poller = SensorInventory.load(file);
        SensorInventory screen = SensorInventory.load(file);
        List<SensorDevice> devices = List.of(device("a", "COM1", 1, SerialLine.of("COM1")));
        screen.replace(devices);
        assertThat(poller.devices()).isEqualTo(devices);
        screen.replace(List.of());
        assertThat(poller.devices()).isEmpty();
    }

    @Test
    void aBrokenEditKeepsTheDevicesInForceAndIsReportedOnce() throws IOException {
        Path file = dir.resolve(SensorInventory.FILE);
        SensorInventory poller = SensorInventory.load(file);
        List<SensorDevice> devices = List.of(device("a", "COM1", 1, SerialLine.of("COM1")));
        SensorInventory.load(file).replace(devices);
        assertThat(poller.devices()).isEqualTo(devices);
        Files.writeString(file, "{\"devices\": [{\"id\": \"a\"}]}");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertThatThrownBy(poller::devices).hasMessageContaining("port is missing");
        assertThat(poller.devices()).isEqualTo(devices);
    }
}
