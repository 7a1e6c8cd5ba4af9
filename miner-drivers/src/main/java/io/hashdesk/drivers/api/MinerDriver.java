package io.hashdesk.drivers.api;

import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.TelemetrySnapshot;
import java.time.Duration;
import java.util.List;

/**
 * Talks to one miner in terms of the core domain. One instance per miner; safe to call from several threads. Every
 * call finishes within the driver's {@link DriverOptions#operationTimeout()} (plus scheduling slack) and fails only
 * with a {@link MinerAccessException} subtype: {@link MinerUnreachableException}, {@link MinerTimeoutException},
 * {@link MinerAuthException}, {@link MinerRateLimitedException}, {@link MalformedReplyException},
 * {@link OperationNotSupportedException} or {@link MinerRejectedException}.
 */
public interface MinerDriver extends AutoCloseable {

    /** One reading of the miner's telemetry, normalised to domain units (TH/s, V, °C, W, 0-based boards). */
    TelemetrySnapshot readSnapshot(MinerId id) throws MinerAccessException;

    /** Model, firmware and network identity. */
    MinerIdentity identify() throws MinerAccessException;

    /** Which operations this firmware supports and the bounds it enforces. */
    MinerCapabilities capabilities() throws MinerAccessException;

    /** The firmware's power presets, in the order it lists them. */
    List<PowerPreset> presets() throws MinerAccessException;

    /** The settings the miner holds now, every part the firmware reports (see {@link CurrentSettings}). */
    CurrentSettings readSettings() throws MinerAccessException;

    /**
     * Writes the change, then reads the settings back and reports per part whether the miner now runs it. A part that
     * did not take is reported, not thrown; use {@link AppliedSettings#requireAllApplied()} to insist.
     */
    AppliedSettings apply(SettingsChange change) throws MinerAccessException;

    /** Restarts the mining process (not the whole miner). */
    void restartMining() throws MinerAccessException;

    /**
     * Stops hashing but keeps the miner up and answering (curtailment); settings are kept. The miner then reports
     * itself stopped until {@link #resumeMining()}.
     */
    void pauseMining() throws MinerAccessException;

    /** Starts hashing again after {@link #pauseMining()}; the miner goes through its start-up before it mines. */
    void resumeMining() throws MinerAccessException;

    /**
     * Reboots the whole miner; it stops answering for a few minutes.
     *
     * @return how long until the reboot starts, as the firmware announced it
     */
    Duration reboot() throws MinerAccessException;

    /** Turns the locate LED on or off, so a technician can find the miner in the rack. */
    void blink(boolean on) throws MinerAccessException;

    /** The firmware's settings backup plus the current settings document: the undo record for a change. */
    SettingsBackup backup() throws MinerAccessException;

    /**
     * Restores a backup taken by {@link #backup()}; the firmware reboots to load it.
     *
     * @return how long until the reboot starts, as the firmware announced it
     */
    Duration restore(SettingsBackup backup) throws MinerAccessException;

    /** Releases what this driver holds for its miner (cached session); shared connection pools stay open. */
    @Override
    void close();
}
