package io.hashdesk.ml.month;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashdesk.core.action.FirmwareBackup;
import io.hashdesk.core.action.SettingValues;
import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.drivers.sim.MinerBlueprint;
import io.hashdesk.drivers.sim.SimulatedFleet;
import io.hashdesk.drivers.sim.SimulationClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorSettingsPortTest {

    private static final MinerId UNIT = MinerId.of("u1");

    private final SimulationClock clock = SimulationClock.manual(Instant.parse("2026-06-01T00:00:00Z"));
    private final SimulatedFleet fleet = SimulatedFleet.create(clock,
            List.of(MinerBlueprint.of(UNIT.value(), "antminer-s19j-pro", "1.2.7", 7)), 25);
    private final SimulatorSettingsPort port = new SimulatorSettingsPort(fleet);

    @Test
    void writesManualClocksAndReadsBackOnlyThePartsItWasAskedFor() throws MinerAccessException {
        SettingValues back = port.write(UNIT, SettingValues.none().withClocks(600, 13.2));

        assertThat(back).isEqualTo(SettingValues.none().withClocks(600, 13.2));
        assertThat(port.read(UNIT).frequencyMhz()).isEqualTo(600);
        assertThat(fleet.miner(UNIT.value()).orElseThrow().settings().overclock().manual()).isTrue();
    }

    @Test
    void refusesWhatTheFirmwareRefusesAndLeavesTheSettingsAlone() throws MinerAccessException {
        SettingValues before = port.read(UNIT);

        assertThatThrownBy(() -> port.write(UNIT, SettingValues.none().withClocks(5_000, 13.2)))
                .isInstanceOf(MinerAccessException.class).hasMessageContaining("overclock.globals.freq");
        assertThatThrownBy(() -> port.write(UNIT, SettingValues.none().withPreset("9999")))
                .isInstanceOf(MinerAccessException.class).hasMessageContaining("no preset named '9999'");
        assertThat(port.read(UNIT)).isEqualTo(before);
    }

    @Test
    void aRestoredBackupBringsBackEverySettingAndPausingStopsHashing() throws MinerAccessException {
        SettingValues original = port.read(UNIT);
        FirmwareBackup backup = port.backup(UNIT);
        port.write(UNIT, SettingValues.none().withClocks(560, 12.8).withCooling(70, 30));

        port.restore(UNIT, backup);

        assertThat(port.read(UNIT)).isEqualTo(original);

        port.write(UNIT, SettingValues.none().withMiningPaused(true));
        clock.advance(Duration.ofMinutes(5));

        assertThat(port.read(UNIT).miningPaused()).isTrue();
        assertThat(port.observe(UNIT).hashrateThs()).isZero();
    }
}
