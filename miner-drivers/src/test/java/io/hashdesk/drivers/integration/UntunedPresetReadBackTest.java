package io.hashdesk.drivers.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.drivers.api.AppliedSettings;
import io.hashdesk.drivers.api.MinerCredentials;
import io.hashdesk.drivers.api.PartOutcome;
import io.hashdesk.drivers.api.SettingsChange;
import io.hashdesk.drivers.api.SettingsPart;
import io.hashdesk.drivers.sim.MinerBlueprint;
import io.hashdesk.drivers.sim.MinerState;
import io.hashdesk.drivers.vnish.VnishDriver;
import io.hashdesk.drivers.vnish.VnishDrivers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Selecting a preset the unit has not tuned yet: the firmware accepts the write but autotunes for minutes before the
 * preset runs, so the driver's read-back must say "not applied" until then.
 */
class UntunedPresetReadBackTest {

    @Test
    void anUntunedPresetReadsBackNotAppliedWhileTheMinerAutotunesAndAppliedOnceTuned() throws Exception {
        try (SimulatedSite site = SimulatedSite.of(MinerBlueprint.of("m", "antminer-s19j-pro", "1.2.7", 40)
                .withPreset("2900", List.of()));
             VnishDrivers drivers = new VnishDrivers(SimulatedSite.fastOptions());
             VnishDriver driver = drivers.open(site.address("m"), MinerCredentials.vnishDefault())) {
            site.advance(Duration.ofMinutes(3));

            AppliedSettings first = driver.apply(SettingsChange.none().withPreset("2500"));
            site.advance(Duration.ofMinutes(1));
            assertEquals(MinerState.AUTO_TUNING, site.miner("m").state());
            AppliedSettings whileTuning = driver.apply(SettingsChange.none().withPreset("2500"));

            PartOutcome atFirst = first.part(SettingsPart.PRESET).orElseThrow();
            assertFalse(atFirst.applied(), "right after the write the miner does not run 2500: " + atFirst);
            assertFalse(whileTuning.part(SettingsPart.PRESET).orElseThrow().applied(),
                    "while auto-tuning the miner does not run 2500 yet: " + whileTuning);

            site.advance(Duration.ofMinutes(10));
            assertEquals(MinerState.MINING, site.miner("m").state());
            assertTrue(driver.apply(SettingsChange.none().withPreset("2500")).part(SettingsPart.PRESET).orElseThrow()
                    .applied(), "once tuned, 2500 runs");
        }
    }
}
