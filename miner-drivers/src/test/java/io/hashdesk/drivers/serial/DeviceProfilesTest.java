package io.hashdesk.drivers.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.domain.SensorQuantity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceProfilesTest {

    @TempDir
    Path dir;

    private static final String ONE_FIELD = """
            {"profiles": [{"id": "p", "fields": [%s]}]}""";

    private static IllegalArgumentException refused(String field) {
        return assertThrows(IllegalArgumentException.class,
                () -> DeviceProfiles.of(ONE_FIELD.formatted(field), "test.json"));
    }

    @Test
    void theBundledProfilesCoverAThermometerAndTwoEastronMeters() {
        DeviceProfiles profiles = DeviceProfiles.bundled();
        assertEquals(Set.of(SensorQuantity.TEMPERATURE_C, SensorQuantity.HUMIDITY_PERCENT),
                profiles.profile("xy-md02").orElseThrow().quantities());
        assertEquals(Set.of(SensorQuantity.VOLTAGE_VOLTS, SensorQuantity.CURRENT_AMPS, SensorQuantity.POWER_WATTS,
                SensorQuantity.ENERGY_KWH), profiles.profile("sdm120").orElseThrow().quantities());
        assertTrue(profiles.profile("sdm630").isPresent());
    }

    @Test
    void aMeterIsReadInTwoRequestsAcrossItsSmallGaps() {
        List<DeviceProfile.ReadBlock> blocks = DeviceProfiles.bundled().profile("sdm120").orElseThrow().blocks();
        assertEquals(2, blocks.size());
        assertEquals(0, blocks.get(0).start());
        assertEquals(14, blocks.get(0).count());
        assertEquals(72, blocks.get(1).start());
        assertEquals(2, blocks.get(1).count());
    }

    @Test
    void aThermometerIsReadInOneRequest() {
        List<DeviceProfile.ReadBlock> blocks = DeviceProfiles.bundled().profile("xy-md02").orElseThrow().blocks();
        assertEquals(List.of(new DeviceProfile.ReadBlock(RegisterTable.INPUT, 1, 2, blocks.getFirst().fields())), blocks);
    }

    @Test
    void anUnknownTypeIsRefusedNamingProfileFieldAndChoices() {
        IllegalArgumentException e = refused("""
                {"quantity": "powerWatts", "table": "input", "address": 12, "type": "float", "min": 0, "max": 1}""");
        assertEquals("Device profiles in test.json, profile 1 ('p'), field 1 (powerWatts): type must be one of"
                + " [int16, uint16, int32, uint32, float32], got 'float'", e.getMessage());
    }

    @Test
    void aMissingRangeIsRefusedNamingTheField() {
        IllegalArgumentException e = refused("""
                {"quantity": "temperatureC", "table": "input", "address": 1, "type": "int16", "max": 80}""");
        assertTrue(e.getMessage().endsWith("field 1 (temperatureC): min is missing"), e.getMessage());
    }

    @Test
    void anUnknownQuantityIsRefusedListingTheKnownOnes() {
        IllegalArgumentException e = refused("""
                {"quantity": "tempC", "table": "input", "address": 1, "type": "int16", "min": 0, "max": 1}""");
        assertTrue(e.getMessage().contains("field 1 (tempC): unknown quantity 'tempC'; expected one of [temperatureC"),
                e.getMessage());
    }

    @Test
    void anUnknownPropertyIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeviceProfiles.of(
                "{\"profiles\": [{\"id\": \"p\", \"registers\": []}]}", "test.json"));
        assertTrue(e.getMessage().contains("registers"), e.getMessage());
    }

    @Test
    void anOperatorProfileIsAddedBesideTheBundledOnes() throws IOException {
        Path file = dir.resolve(DeviceProfiles.FILE);
        Files.writeString(file, """
                {"profiles": [{"id": "pzem-016", "fields": [
                  {"quantity": "powerWatts", "table": "input", "address": 3, "type": "uint32",
                   "wordOrder": "low_first", "scale": 0.1, "min": 0, "max": 23000}]}]}""");
        DeviceProfiles profiles = DeviceProfiles.withOperatorFile(file);
        assertEquals(WordOrder.LOW_FIRST, profiles.profile("pzem-016").orElseThrow().fields().getFirst().wordOrder());
        assertTrue(profiles.profile("xy-md02").isPresent());
    }
}
