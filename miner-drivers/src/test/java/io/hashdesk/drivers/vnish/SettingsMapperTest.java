package io.hashdesk.drivers.vnish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.drivers.api.CurrentSettings;
import io.hashdesk.drivers.api.FanMode;
import io.hashdesk.drivers.api.Fixtures;
import io.hashdesk.drivers.api.MalformedReplyException;
import io.hashdesk.drivers.api.PoolSetting;
import io.hashdesk.drivers.api.ReplyNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A real 1.2.x settings document and {@code /status} replies read into {@link CurrentSettings}. */
class SettingsMapperTest {

    private static ReplyNode json(String name, String text) throws MalformedReplyException {
        return ReplyNode.parse(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static ReplyNode realSettings() throws MalformedReplyException {
        return json("settings", Fixtures.vnish("web-settings-s19j-1.2.x.json"));
    }

    @Test
    void theRealOneTwoSettingsDocumentReadsIntoEveryPartItHas() throws Exception {
        CurrentSettings settings = SettingsMapper.toSettings(realSettings(), "3486",
                json("status", "{\"miner_state\": \"mining\", \"find_miner\": false}"));

        assertEquals("3486", settings.configuredPreset());
        assertFalse(settings.manualClocks());
        assertEquals(610, settings.frequencyMhz());
        assertEquals(14.0, settings.voltageVolts(), 1e-9, "1400 × 10 mV");
        assertEquals(new FanMode.Auto(60), settings.fanMode());
        assertNull(settings.fanMinDutyPercent(), "this build does not report it");
        assertEquals(85, settings.overTempRestartC());
        assertEquals(List.of("btc.foundryusapool.com:3333", "btc.foundryusapool.com:443",
                "btc.foundryusapool.com:25"), settings.pools().stream().map(PoolSetting::url).toList());
        assertEquals("", settings.pools().getFirst().password());
        assertNull(settings.throttlePercent(), "1.2 has no throttle");
        assertEquals(MinerStatus.MINING, settings.status());
        assertFalse(settings.miningPaused());
    }

    @Test
    void aStoppedMinerWithAThrottleReadsPausedAndThrottled() throws Exception {
        CurrentSettings settings = SettingsMapper.toSettings(realSettings(), null,
                json("status", "{\"miner_state\": \"stopped\", \"throttled\": 70}"));

        assertTrue(settings.miningPaused());
        assertEquals(70, settings.throttlePercent());
        assertEquals("3486", settings.effectivePreset(), "no running preset reported: the configured one");
    }

    @Test
    void aPoolSlotTheDriverCannotUseIsAMalformedReplyNamingTheSlot() throws Exception {
        String settings = "{\"miner\": {\"pools\": [{\"url\": \"pool.example.net:3333\", \"user\": \"w\"},"
                + " {\"url\": \"no-port.example.net\", \"user\": \"w\"}]}}";

        MalformedReplyException e = assertThrows(MalformedReplyException.class,
                () -> SettingsMapper.toSettings(json("settings", settings), null,
                        json("status", "{\"miner_state\": \"mining\"}")));

        assertTrue(e.getMessage().contains("pool 2"), e.getMessage());
    }
}
