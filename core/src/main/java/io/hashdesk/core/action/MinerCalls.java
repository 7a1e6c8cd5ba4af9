package io.hashdesk.core.action;

import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.TelemetrySnapshot;

/**
 * The executor's calls to miners, each tried again (up to the settings' retries, with a delay) while the failure is
 * one that waiting can cure (unreachable, timeout, rate limited, garbled reply). A refusal is never retried.
 */
final class MinerCalls {

    @FunctionalInterface
    private interface Call<T> {
        T run() throws MinerAccessException;
    }

    private final MinerSettingsPort port;
    private final ActionSettings settings;
    private final Sleeper sleeper;

    MinerCalls(MinerSettingsPort port, ActionSettings settings, Sleeper sleeper) {
        this.port = port;
        this.settings = settings;
        this.sleeper = sleeper;
    }

    SettingValues read(MinerId miner) throws MinerAccessException, InterruptedException {
        return patiently(() -> port.read(miner));
    }

    /** Writes are idempotent (the same values again), so a write that timed out may safely be sent again. */
    SettingValues write(MinerId miner, SettingValues change) throws MinerAccessException, InterruptedException {
        return patiently(() -> port.write(miner, change));
    }

    FirmwareBackup backup(MinerId miner) throws MinerAccessException, InterruptedException {
        return patiently(() -> port.backup(miner));
    }

    void restore(MinerId miner, FirmwareBackup backup) throws MinerAccessException, InterruptedException {
        patiently(() -> {
            port.restore(miner, backup);
            return null;
        });
    }

    TelemetrySnapshot observe(MinerId miner) throws MinerAccessException, InterruptedException {
        return patiently(() -> port.observe(miner));
    }

    /** One observation, not retried: during a watch each unanswered observation counts towards "offline". */
    TelemetrySnapshot observeOnce(MinerId miner) throws MinerAccessException {
        return port.observe(miner);
    }

    private <T> T patiently(Call<T> call) throws MinerAccessException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                return call.run();
            } catch (MinerAccessException e) {
                if (!e.failure().isTransient() || attempt >= settings.retries()) {
                    throw e;
                }
            }
            sleeper.sleep(settings.retryDelay());
        }
    }
}
