package io.hashdesk.drivers.cgminer;

import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.HashrateUnit;
import io.hashdesk.drivers.api.AppliedSettings;
import io.hashdesk.drivers.api.CurrentSettings;
import io.hashdesk.drivers.api.Deadline;
import io.hashdesk.drivers.api.DriverOptions;
import io.hashdesk.drivers.api.MinerCapabilities;
import io.hashdesk.drivers.api.MinerDriver;
import io.hashdesk.drivers.api.MinerIdentity;
import io.hashdesk.drivers.api.MinerOperation;
import io.hashdesk.drivers.api.OperationNotSupportedException;
import io.hashdesk.drivers.api.PowerPreset;
import io.hashdesk.drivers.api.ReplyNode;
import io.hashdesk.drivers.api.SettingsBackup;
import io.hashdesk.drivers.api.SettingsChange;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A read-only {@link MinerDriver} over the CGMiner-compatible TCP RPC (port 4028), the fallback when a miner's web
 * API is unavailable (vnish-api.md §8, §11). It reads telemetry and identity; everything that changes a miner needs
 * the web API and fails with {@link OperationNotSupportedException}. Commands a build leaves unanswered ({@code pools},
 * {@code version} on newer Vnish) just leave their fields out.
 */
public final class CgminerRpcDriver implements MinerDriver {

    /** {@code "Antminer S19 XP (Vnish 1.2.0-rc1)"}: firmware name and version in the last parentheses. */
    private static final Pattern FIRMWARE_IN_TYPE = Pattern.compile("\\((vnish|anthillos)\\s+([^)\\s]+)\\)",
            Pattern.CASE_INSENSITIVE);

    private final RpcClient rpc;
    private final MinerAddress address;
    private final DriverOptions options;
    private final Clock clock;

    CgminerRpcDriver(RpcClient rpc, MinerAddress address, DriverOptions options, Clock clock) {
        this.rpc = rpc;
        this.address = address;
        this.options = options;
        this.clock = clock;
    }

    @Override
    public TelemetrySnapshot readSnapshot(MinerId id) throws MinerAccessException {
        Deadline deadline = deadline();
        ReplyNode summary = rpc.command("summary", MinerOperation.READ_TELEMETRY, deadline);
        ReplyNode stats = optional("stats", deadline);
        ReplyNode devs = stats == null ? optional("devs", deadline) : null;
        ReplyNode pools = optional("pools", deadline);
        return RpcSnapshotMapper.toSnapshot(id, clock.instant(), summary, stats, devs, pools);
    }

    /**
     * Model from {@code stats} → {@code STATS[0].Type}, which on Vnish also carries the firmware version; a build
     * without it falls back to {@code version}. Hashrates on this interface are GH/s.
     */
    @Override
    public MinerIdentity identify() throws MinerAccessException {
        Deadline deadline = deadline();
        ReplyNode stats = optional("stats", deadline);
        String type = stats == null ? null
                : RpcSnapshotMapper.first(stats, "STATS").optionalLenientText("Type");
        ReplyNode version = null;
        if (type == null || !FIRMWARE_IN_TYPE.matcher(type).find()) {
            version = optional("version", deadline);
        }
        ReplyNode versionInfo = version == null ? null : RpcSnapshotMapper.first(version, "VERSION");
        if (type == null && versionInfo != null) {
            type = versionInfo.optionalLenientText("Type");
        }
        String model = type == null ? "unknown" : modelOf(type);
        Matcher firmware = type == null ? null : FIRMWARE_IN_TYPE.matcher(type);
        if (firmware != null && firmware.find()) {
            return new MinerIdentity(model, null, firmware.group(1), firmware.group(2), HashrateUnit.GH_S, null, null);
        }
        String cgminer = versionInfo == null ? null : versionInfo.optionalLenientText("CGMiner");
        return new MinerIdentity(model, null, cgminer == null ? null : "CGMiner", cgminer, HashrateUnit.GH_S, null,
                null);
    }

    @Override
    public MinerCapabilities capabilities() {
        return new MinerCapabilities(EnumSet.of(MinerOperation.READ_TELEMETRY, MinerOperation.IDENTIFY), null, null,
                null, null, 0, null);
    }

    @Override
    public List<PowerPreset> presets() throws MinerAccessException {
        throw readOnly(MinerOperation.READ_PRESETS);
    }

    @Override
    public CurrentSettings readSettings() throws MinerAccessException {
        throw readOnly(MinerOperation.READ_SETTINGS);
    }

    @Override
    public AppliedSettings apply(SettingsChange change) throws MinerAccessException {
        throw readOnly(MinerOperation.SELECT_PRESET);
    }

    @Override
    public void restartMining() throws MinerAccessException {
        throw readOnly(MinerOperation.RESTART_MINING);
    }

    /** Vnish answers no privileged RPC command (vnish-api.md §8.5): pausing needs the web API. */
    @Override
    public void pauseMining() throws MinerAccessException {
        throw readOnly(MinerOperation.PAUSE_MINING);
    }

    @Override
    public void resumeMining() throws MinerAccessException {
        throw readOnly(MinerOperation.PAUSE_MINING);
    }

    @Override
    public Duration reboot() throws MinerAccessException {
        throw readOnly(MinerOperation.REBOOT);
    }

    @Override
    public void blink(boolean on) throws MinerAccessException {
        throw readOnly(MinerOperation.BLINK);
    }

    @Override
    public SettingsBackup backup() throws MinerAccessException {
        throw readOnly(MinerOperation.BACKUP_RESTORE);
    }

    @Override
    public Duration restore(SettingsBackup backup) throws MinerAccessException {
        throw readOnly(MinerOperation.BACKUP_RESTORE);
    }

    /** Holds no connection between calls: every RPC command opens and closes its own. */
    @Override
    public void close() {
        // Nothing is kept open between calls.
    }

    @Override
    public String toString() {
        return "CgminerRpcDriver[" + address.host() + ":" + address.rpcPort() + "]";
    }

    private Deadline deadline() {
        return Deadline.after(options.operationTimeout());
    }

    /** A command's reply, or {@code null} when this build does not answer it. */
    private ReplyNode optional(String command, Deadline deadline) throws MinerAccessException {
        try {
            return rpc.command(command, MinerOperation.READ_TELEMETRY, deadline);
        } catch (OperationNotSupportedException e) {
            return null;
        }
    }

    /** {@code "Antminer S19j Pro (88) (Vnish 1.2.0)"} → {@code "Antminer S19j Pro"}. */
    private static String modelOf(String type) {
        int paren = type.indexOf(" (");
        String model = (paren < 0 ? type : type.substring(0, paren)).strip();
        return model.isEmpty() ? "unknown" : model;
    }

    private OperationNotSupportedException readOnly(MinerOperation operation) {
        return new OperationNotSupportedException(operation, "the CGMiner RPC of " + address.host()
                + " is read-only here; " + operation + " needs the Vnish web API");
    }
}
