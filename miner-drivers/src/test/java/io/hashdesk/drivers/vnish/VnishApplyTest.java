package io.hashdesk.drivers.vnish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.drivers.api.AppliedSettings;
import io.hashdesk.drivers.api.FanMode;
import io.hashdesk.drivers.api.FanSettings;
import io.hashdesk.drivers.api.ManualClocks;
import io.hashdesk.drivers.api.MinerCredentials;
import io.hashdesk.drivers.api.MinerRejectedException;
import io.hashdesk.drivers.api.PartOutcome;
import io.hashdesk.drivers.api.PoolSetting;
import io.hashdesk.drivers.api.SettingNotAppliedException;
import io.hashdesk.drivers.api.SettingsBackup;
import io.hashdesk.drivers.api.SettingsChange;
import io.hashdesk.drivers.api.SettingsPart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every write is followed by a read-back, and the result says truthfully what the miner now runs (§5.2). */
class VnishApplyTest {

    private FakeVnish miner;
    private MergingSettings settings;
    private VnishDrivers drivers;
    private VnishDriver driver;

    @BeforeEach
    void start() throws Exception {
        miner = new FakeVnish("1.2.6");
        settings = MergingSettings.install(miner);
        // What runs is what is configured, unless a test says otherwise.
        miner.respond("GET /perf-summary", r -> FakeVnish.jsonResponse(200,
                FakeVnish.perfSummary(settings.configuredPreset())));
        drivers = new VnishDrivers(TestOptions.fast());
        driver = drivers.open(miner.address(), MinerCredentials.of(FakeVnish.PASSWORD));
    }

    @AfterEach
    void stop() {
        driver.close();
        drivers.close();
        miner.close();
    }

    @Test
    void presetThatTookIsReportedApplied() throws Exception {
        AppliedSettings applied = driver.apply(SettingsChange.none().withPreset("3000"));

        assertEquals("{\"miner\":{\"overclock\":{\"preset\":\"3000\"}}}", miner.lastBody("POST /settings"));
        assertTrue(applied.allApplied(), applied.parts().toString());
        assertEquals(1, miner.requests("GET /settings").size(), "read back after the write");
    }

    @Test
    void presetTheFirmwareAnsweredOkButIgnoredIsReportedNotApplied() throws Exception {
        settings.ignoreWrites();

        AppliedSettings applied = driver.apply(SettingsChange.none().withPreset("3150"));

        PartOutcome preset = applied.part(SettingsPart.PRESET).orElseThrow();
        assertFalse(preset.applied());
        assertTrue(preset.observed().contains("configured preset 3486"), preset.observed());
        assertThrows(SettingNotAppliedException.class, applied::requireAllApplied);
    }

    @Test
    void presetConfiguredButSteppedDownByTheSwitcherIsNotApplied() throws Exception {
        miner.json("GET /perf-summary", FakeVnish.perfSummary("2850"));

        PartOutcome preset = driver.apply(SettingsChange.none().withPreset("3000")).part(SettingsPart.PRESET)
                .orElseThrow();

        assertFalse(preset.applied());
        assertTrue(preset.observed().contains("running preset 2850"), preset.observed());
    }

    @Test
    void powerTargetSelectsTheHighestTunedPresetAtOrBelowIt() throws Exception {
        AppliedSettings applied = driver.apply(SettingsChange.none().withPowerTarget(3300));

        // Of the fixture's presets only 3000 is tuned; 3150 and 3320 are closer but untuned.
        assertEquals("{\"miner\":{\"overclock\":{\"preset\":\"3000\"}}}", miner.lastBody("POST /settings"));
        assertTrue(applied.allApplied());
        assertTrue(applied.parts().getFirst().requested().contains("3300 W → preset 3000"));
    }

    @Test
    void powerTargetBelowEveryTunedPresetWritesNothingAndSaysSo() throws Exception {
        AppliedSettings applied = driver.apply(SettingsChange.none().withPowerTarget(2900));

        assertTrue(miner.requests("POST /settings").isEmpty());
        assertTrue(miner.requests("GET /settings").isEmpty(), "nothing written, nothing to read back");
        PartOutcome preset = applied.part(SettingsPart.PRESET).orElseThrow();
        assertFalse(preset.applied());
        assertEquals("no tuned preset at or below 2900 W", preset.observed());
    }

    @Test
    void manualVoltageIsSentInTenMillivoltSteps() throws Exception {
        AppliedSettings applied = driver.apply(SettingsChange.none().withClocks(new ManualClocks(610, 13.8)));

        assertEquals("{\"miner\":{\"overclock\":{\"preset\":\"disabled\",\"globals\":{\"freq\":610,\"volt\":1380}}}}",
                miner.lastBody("POST /settings"));
        assertTrue(applied.allApplied(), applied.parts().toString());
    }

    @Test
    void manualClocksTheFirmwareClampedAreNotApplied() throws Exception {
        settings.ignoreWrites();

        PartOutcome clocks = driver.apply(SettingsChange.none().withClocks(new ManualClocks(null, 14.55)))
                .part(SettingsPart.MANUAL_CLOCKS).orElseThrow();

        assertFalse(clocks.applied());
        assertTrue(clocks.requested().contains("1455 × 10 mV"), clocks.requested());
    }

    @Test
    void poolsAreWrittenWithoutSchemeUnusedSlotsClearedAndPasswordsKeptOutOfTheResult() throws Exception {
        List<PoolSetting> pools = List.of(
                new PoolSetting("stratum+tcp://btc.example.com:3333", "farm.w1", "hunter2"),
                new PoolSetting("btc-backup.example.com:443", "farm.w1", "x"));

        AppliedSettings applied = driver.apply(SettingsChange.none().withPools(pools));

        assertEquals("{\"miner\":{\"pools\":["
                        + "{\"url\":\"btc.example.com:3333\",\"user\":\"farm.w1\",\"pass\":\"hunter2\"},"
                        + "{\"url\":\"btc-backup.example.com:443\",\"user\":\"farm.w1\",\"pass\":\"x\"},"
                        + "{\"url\":\"\",\"user\":\"\",\"pass\":\"\"}]}}",
                miner.lastBody("POST /settings"));
        assertTrue(applied.allApplied(), applied.parts().toString());
        assertFalse(applied.toString().contains("hunter2"));
        assertFalse(pools.toString().contains("hunter2"));
    }

    @Test
    void fanModeMinimumsAndOverTemperatureAreWrittenAndReadBack() throws Exception {
        SettingsChange change = SettingsChange.none()
                .withFan(new FanSettings(new FanMode.Auto(65), 10, 4))
                .withOverTempRestart(90);

        AppliedSettings applied = driver.apply(change);

        assertEquals("{\"miner\":{\"cooling\":{\"mode\":{\"name\":\"auto\",\"param\":65},\"fan_min_duty\":10,"
                + "\"fan_min_count\":4},\"misc\":{\"restart_temp\":90}}}", miner.lastBody("POST /settings"));
        assertEquals(List.of(SettingsPart.FAN, SettingsPart.OVER_TEMP_RESTART),
                applied.parts().stream().map(PartOutcome::part).toList());
        assertTrue(applied.allApplied(), applied.parts().toString());
    }

    @Test
    void immersionModeUsesTheFirmwaresSpelling() throws Exception {
        AppliedSettings applied = driver.apply(SettingsChange.none().withFan(FanSettings.of(new FanMode.Immersion())));

        assertEquals("{\"miner\":{\"cooling\":{\"mode\":{\"name\":\"immers\"}}}}", miner.lastBody("POST /settings"));
        assertTrue(applied.allApplied());
    }

    @Test
    void changeThatNeedsARestartRestartsMining() throws Exception {
        settings.requireRestart();
        miner.respond("POST /mining/restart", r -> new MockResponse.Builder().code(200).build());

        AppliedSettings applied = driver.apply(SettingsChange.none().withPreset("3000"));

        assertTrue(applied.restartRequired());
        assertTrue(applied.miningRestarted());
        assertEquals(1, miner.requests("POST /mining/restart").size());
    }

    @Test
    void restartThatTheFirmwareRefusesIsRejected() {
        miner.json("POST /mining/restart", "{\"err\":\"CGMiner err: failed-to-activate-pause-mode \"}");

        MinerRejectedException e = assertThrows(MinerRejectedException.class, driver::restartMining);
        assertTrue(e.getMessage().contains("failed-to-activate-pause-mode"), e.getMessage());
    }

    @Test
    void rebootReportsTheFirmwaresDelay() throws Exception {
        miner.json("POST /system/reboot", "{\"after\":5}");

        assertEquals(Duration.ofSeconds(5), driver.reboot());
    }

    @Test
    void backupRestoresByteForByte() throws Exception {
        byte[] archive = new byte[860];
        new Random(7).nextBytes(archive);
        miner.respond("POST /settings/backup", r -> new MockResponse.Builder()
                .setHeader("Content-Type", "application/octet-stream").body(new Buffer().write(archive)).build());
        miner.json("POST /settings/restore", "{\"after\":3}");

        SettingsBackup backup = driver.backup();
        Duration rebootIn = driver.restore(backup);

        assertArrayEquals(archive, backup.archive());
        assertTrue(backup.settingsJson().contains("\"preset\":\"3486\""));
        assertEquals("1.2.6", backup.firmwareVersion());
        assertFalse(backup.toString().contains("foundryusapool"), "the settings (with pool passwords) stay hidden");
        byte[] uploaded = miner.requests("POST /settings/restore").getLast().getBody().toByteArray();
        String form = new String(uploaded, StandardCharsets.ISO_8859_1);
        assertTrue(form.contains("name=\"file\""), form.substring(0, 200));
        assertTrue(new String(uploaded, StandardCharsets.ISO_8859_1)
                .contains(new String(archive, StandardCharsets.ISO_8859_1)), "archive uploaded unchanged");
        assertEquals(Duration.ofSeconds(3), rebootIn);
    }

    @Test
    void restoreRefusedUnderWarrantySaysWhy() throws Exception {
        miner.respond("POST /settings/restore", r -> new MockResponse.Builder().code(403).build());
        SettingsBackup backup = new SettingsBackup(Instant.EPOCH, "1.2.6", new byte[] {1, 2, 3}, "{}");

        MinerRejectedException e = assertThrows(MinerRejectedException.class, () -> driver.restore(backup));
        assertTrue(e.getMessage().contains("warranty"), e.getMessage());
    }

    @Test
    void emptyChangeTalksToNobody() throws Exception {
        assertTrue(driver.apply(SettingsChange.none()).parts().isEmpty());
        assertTrue(miner.requests().isEmpty());
    }
}
