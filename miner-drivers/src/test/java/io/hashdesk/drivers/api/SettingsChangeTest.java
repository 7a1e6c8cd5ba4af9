package io.hashdesk.drivers.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Settings changes refuse nonsense before anything is sent, and never show a secret. */
class SettingsChangeTest {

    private static final PoolSetting POOL = new PoolSetting("pool.example.com:3333", "farm.w1", "x");

    @Test
    void onlyOneOfPresetPowerTargetAndManualClocksAtATime() {
        assertThrows(IllegalArgumentException.class,
                () -> new SettingsChange("3000", 3000, null, null, null, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new SettingsChange("3000", null, new ManualClocks(600, null), null, null, null, null));
        assertEquals("3000", SettingsChange.none().withClocks(new ManualClocks(600, null)).withPreset("3000")
                .preset(), "a later choice replaces the earlier one");
    }

    @Test
    void boundsOfTheFirmwareAreCheckedUpFront() {
        assertThrows(IllegalArgumentException.class, () -> SettingsChange.none().withThrottle(10));
        assertThrows(IllegalArgumentException.class, () -> SettingsChange.none().withPools(List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> SettingsChange.none().withPools(List.of(POOL, POOL, POOL, POOL)));
        assertThrows(IllegalArgumentException.class, () -> new FanMode.Manual(101));
        assertThrows(IllegalArgumentException.class, () -> new ManualClocks(null, null));
        assertTrue(SettingsChange.none().isEmpty());
        assertFalse(SettingsChange.none().withThrottle(50).touchesSettings());
    }

    @Test
    void poolUrlsAreStoredWithoutSchemeAndCredentialsAreRefused() {
        assertEquals("btc.example.com:3333",
                new PoolSetting("stratum+tcp://btc.example.com:3333/", "u", "p").hostAndPort());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PoolSetting("stratum+tcp://u:hunter2@btc.example.com:3333", "u", "p"));
        assertFalse(e.getMessage().contains("hunter2"));
        assertThrows(IllegalArgumentException.class, () -> new PoolSetting("btc.example.com", "u", "p"));
        assertEquals("btc.example.com:3333",
                PoolSetting.withoutCredentials("stratum+tcp://w1:secret@btc.example.com:3333"));
    }

    @Test
    void secretsStayOutOfToString() {
        assertFalse(new PoolSetting("pool.example.com:3333", "u", "hunter2").toString().contains("hunter2"));
        assertFalse(MinerCredentials.of("hunter2").toString().contains("hunter2"));
        SettingsBackup backup = new SettingsBackup(Instant.EPOCH, "1.2.6", new byte[] {1, 2},
                "{\"pools\":[{\"pass\":\"hunter2\"}]}");
        assertFalse(backup.toString().contains("hunter2"));
    }

    @Test
    void backupKeepsItsOwnCopyOfTheArchiveAndComparesByContent() {
        byte[] archive = {1, 2, 3};
        SettingsBackup backup = new SettingsBackup(Instant.EPOCH, "1.2.6", archive, "{}");
        archive[0] = 9;
        backup.archive()[1] = 9;

        assertArrayEquals(new byte[] {1, 2, 3}, backup.archive());
        assertEquals(new SettingsBackup(Instant.EPOCH, "1.2.6", new byte[] {1, 2, 3}, "{}"), backup);
    }
}
