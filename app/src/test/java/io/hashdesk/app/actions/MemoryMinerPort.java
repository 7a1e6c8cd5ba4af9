package io.hashdesk.app.actions;

import io.hashdesk.core.action.FirmwareBackup;
import io.hashdesk.core.action.MinerSettingsPort;
import io.hashdesk.core.action.SettingValues;
import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Healthy miners in memory: a write takes effect exactly, every observation reports steady hashing. */
final class MemoryMinerPort implements MinerSettingsPort {

    private final Map<MinerId, SettingValues> settings = new ConcurrentHashMap<>();
    private final Clock clock;
    private long accepted = 10_000;

    MemoryMinerPort(Clock clock) {
        this.clock = clock;
    }

    void add(String miner, SettingValues running) {
        settings.put(MinerId.of(miner), running);
    }

    SettingValues settingsOf(String miner) {
        return settings.get(MinerId.of(miner));
    }

    @Override
    public SettingValues read(MinerId miner) {
        return settings.get(miner);
    }

    @Override
    public SettingValues write(MinerId miner, SettingValues change) {
        SettingValues now = settings.get(miner);
        SettingValues after = change.frequencyMhz() != null ? now.withClocks(change.frequencyMhz(),
                change.voltageVolts() != null ? change.voltageVolts() : now.voltageVolts()) : now;
        settings.put(miner, after);
        return SettingValues.none().withClocks(after.frequencyMhz(), change.voltageVolts() != null
                ? after.voltageVolts() : null);
    }

    @Override
    public FirmwareBackup backup(MinerId miner) {
        return new FirmwareBackup(clock.instant(), "memory 1.0", miner.value().getBytes(StandardCharsets.UTF_8),
                "{}");
    }

    @Override
    public void restore(MinerId miner, FirmwareBackup backup) throws MinerAccessException {
        throw new MinerAccessException(MinerAccessException.Failure.UNSUPPORTED,
                "a memory miner has no backup to restore");
    }

    @Override
    public synchronized TelemetrySnapshot observe(MinerId miner) {
        accepted += 1_000;
        return new TelemetrySnapshot(miner, clock.instant(), MinerStatus.MINING, 100.0, 100.0, List.of(), 70.0, 60.0,
                List.of(6000, 6000), 50.0, 3000.0, 13.5, 600.0, null, "pool.example.com:3333", accepted, 5L, 10L,
                Duration.ofHours(5));
    }
}
