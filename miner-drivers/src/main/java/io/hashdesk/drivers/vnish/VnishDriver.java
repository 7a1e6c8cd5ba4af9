package io.hashdesk.drivers.vnish;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.drivers.api.AppliedSettings;
import io.hashdesk.drivers.api.CurrentSettings;
import io.hashdesk.drivers.api.Deadline;
import io.hashdesk.drivers.api.DriverOptions;
import io.hashdesk.drivers.api.MalformedReplyException;
import io.hashdesk.drivers.api.MinerCapabilities;
import io.hashdesk.drivers.api.MinerDriver;
import io.hashdesk.drivers.api.MinerIdentity;
import io.hashdesk.drivers.api.MinerOperation;
import io.hashdesk.drivers.api.MinerRejectedException;
import io.hashdesk.drivers.api.MinerStateNames;
import io.hashdesk.drivers.api.OperationNotSupportedException;
import io.hashdesk.drivers.api.PartOutcome;
import io.hashdesk.drivers.api.PowerPreset;
import io.hashdesk.drivers.api.ReplyNode;
import io.hashdesk.drivers.api.SettingsBackup;
import io.hashdesk.drivers.api.SettingsChange;
import io.hashdesk.drivers.api.SettingsPart;
import io.hashdesk.drivers.vnish.VnishHttp.Access;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link MinerDriver} for Vnish (AnthillOS) firmware over its web API (vnish-api.md). Telemetry comes from
 * {@code /summary}, the preset actually running from {@code /perf-summary}, units and version from {@code /info}
 * (read once and kept). Every settings write is followed by a read-back. Made by {@link VnishDrivers}.
 */
public final class VnishDriver implements MinerDriver {

    private static final Logger LOG = LoggerFactory.getLogger(VnishDriver.class);
    /** The firmware's reboot delay when its reply does not say (vnish-api.md §5.6). */
    private static final Duration DEFAULT_REBOOT_AFTER = Duration.ofSeconds(3);

    private final VnishHttp http;
    private final MinerAddress address;
    private final DriverOptions options;
    private final Clock clock;
    private volatile VnishInfo info;
    private volatile RouteSet routes;

    VnishDriver(VnishHttp http, MinerAddress address, DriverOptions options, Clock clock) {
        this.http = http;
        this.address = address;
        this.options = options;
        this.clock = clock;
    }

    @Override
    public TelemetrySnapshot readSnapshot(MinerId id) throws MinerAccessException {
        Deadline deadline = deadline();
        VnishInfo known = info(deadline, false);
        ReplyNode summary = http.get("/summary", MinerOperation.READ_TELEMETRY, Access.AUTHENTICATED, deadline);
        Instant takenAt = clock.instant();
        Optional<ReplyNode> miner = SummaryMapper.minerOf(summary);
        if (miner.isEmpty()) {
            return statusOnly(id, takenAt, deadline);
        }
        Duration uptime = SummaryMapper.uptime(summary, miner.get());
        if (uptime == null) {
            uptime = info(deadline, true).uptime();
        }
        String preset = runningPreset(deadline);
        if (preset == null) {
            preset = configuredPreset(settings(MinerOperation.READ_TELEMETRY, deadline));
        }
        return SummaryMapper.toSnapshot(id, takenAt, miner.get(), known.hashrateUnit(), preset, uptime);
    }

    @Override
    public MinerIdentity identify() throws MinerAccessException {
        return info(deadline(), true).identity();
    }

    @Override
    public MinerCapabilities capabilities() throws MinerAccessException {
        Deadline deadline = deadline();
        RouteSet routeSet = routes(deadline);
        try {
            return ModelLimits.fromModel(http.get("/model", MinerOperation.IDENTIFY, Access.OPEN, deadline),
                    routeSet);
        } catch (OperationNotSupportedException e) {
            LOG.debug("{} has no /model; reading limits from settings.ui.consts", address.host());
            return ModelLimits.fromSettings(settings(MinerOperation.IDENTIFY, deadline), routeSet);
        }
    }

    @Override
    public List<PowerPreset> presets() throws MinerAccessException {
        return presets(deadline());
    }

    @Override
    public CurrentSettings readSettings() throws MinerAccessException {
        Deadline deadline = deadline();
        ReplyNode settings = settings(MinerOperation.READ_SETTINGS, deadline);
        return SettingsMapper.toSettings(settings, runningPreset(deadline),
                http.get("/status", MinerOperation.READ_SETTINGS, Access.OPEN, deadline));
    }

    @Override
    public AppliedSettings apply(SettingsChange change) throws MinerAccessException {
        if (change.isEmpty()) {
            return new AppliedSettings(List.of(), false, false, false);
        }
        Deadline deadline = deadline();
        if (change.throttlePercent() != null && !routes(deadline).hasThrottle()) {
            throw new OperationNotSupportedException(MinerOperation.THROTTLE, address.host() + " runs Vnish "
                    + info(deadline, false).firmwareVersionText() + "; throttling needs 1.3.x");
        }
        List<PartOutcome> outcomes = new ArrayList<>();
        String presetName = change.preset();
        String presetRequest = presetName == null ? null : "preset " + presetName;
        if (change.powerTargetWatts() != null) {
            int watts = change.powerTargetWatts();
            Optional<PowerPreset> chosen = PresetParser.forPowerTarget(presets(deadline), watts);
            presetName = chosen.map(PowerPreset::name).orElse(null);
            presetRequest = chosen.map(p -> "power target " + watts + " W → preset " + p.name()).orElse(null);
            if (chosen.isEmpty()) {
                outcomes.add(new PartOutcome(SettingsPart.PRESET, false, "power target " + watts + " W",
                        "no tuned preset at or below " + watts + " W"));
            }
        }
        ObjectNode body = SettingsRequest.body(change, presetName);
        boolean restartRequired = false;
        boolean rebootRequired = false;
        if (!body.path("miner").isEmpty()) {
            ReplyNode result = http.post("/settings", body, primaryOperation(change), Access.AUTHENTICATED, deadline);
            restartRequired = flag(result, "restart_required");
            rebootRequired = flag(result, "reboot_required");
        }
        if (change.throttlePercent() != null) {
            ObjectNode throttle = JsonNodeFactory.instance.objectNode().put("percent", change.throttlePercent());
            ReplyNode result = http.post("/mining/throttle", throttle, MinerOperation.THROTTLE, Access.AUTHENTICATED,
                    deadline);
            restartRequired |= flag(result, "restart_required");
            rebootRequired |= flag(result, "reboot_required");
        }
        if (body.path("miner").isEmpty() && change.throttlePercent() == null) {
            // Nothing was resolvable, so nothing was written and there is nothing to read back.
            return new AppliedSettings(outcomes, false, false, false);
        }
        if (restartRequired) {
            restartMining(deadline);
        }
        ReplyNode status = change.throttlePercent() == null && presetRequest == null ? null
                : http.get("/status", primaryOperation(change), Access.OPEN, deadline).requireObject();
        Integer throttled = status == null ? null : status.optionalInt("throttled");
        String minerState = status == null ? null : status.optionalText("miner_state");
        // an untuned preset is configured at once but the miner auto-tunes it before it runs at its target
        String requested = presetName;
        boolean presetUntuned = requested != null && !PowerPreset.MANUAL.equals(requested)
                && presets(deadline).stream().noneMatch(p -> p.name().equals(requested) && p.tuned());
        SettingsReadBack readBack = new SettingsReadBack(settings(primaryOperation(change), deadline),
                runningPreset(deadline), throttled, presetUntuned ? SettingsReadBack.AUTO_TUNING : minerState);
        outcomes.addAll(readBack.outcomes(change, presetName, presetRequest));
        AppliedSettings applied = new AppliedSettings(outcomes, restartRequired, restartRequired, rebootRequired);
        LOG.info("{}: settings change read back as {}", address.host(), applied.parts());
        return applied;
    }

    @Override
    public void restartMining() throws MinerAccessException {
        restartMining(deadline());
    }

    /** {@code /mining/pause}: hashing stops at once and the state becomes {@code stopped} (vnish-api.md §5.6). */
    @Override
    public void pauseMining() throws MinerAccessException {
        miningControl("pause", MinerOperation.PAUSE_MINING, deadline());
    }

    @Override
    public void resumeMining() throws MinerAccessException {
        miningControl("resume", MinerOperation.PAUSE_MINING, deadline());
    }

    @Override
    public Duration reboot() throws MinerAccessException {
        ReplyNode reply = http.post("/system/reboot", null, MinerOperation.REBOOT, Access.AUTHENTICATED, deadline());
        return rebootDelay(reply);
    }

    @Override
    public void blink(boolean on) throws MinerAccessException {
        Deadline deadline = deadline();
        RouteSet routeSet = routes(deadline);
        try {
            setLocateLed(routeSet, on, deadline);
        } catch (OperationNotSupportedException e) {
            // Version strings lie sometimes (custom builds); the other generation's route is the fallback.
            setLocateLed(routeSet.other(), on, deadline);
            routes = routeSet.other();
        }
    }

    @Override
    public SettingsBackup backup() throws MinerAccessException {
        Deadline deadline = deadline();
        byte[] archive = http.postForBytes("/settings/backup", MinerOperation.BACKUP_RESTORE, deadline);
        if (archive.length == 0) {
            throw new MalformedReplyException("settings/backup", "the firmware sent an empty backup");
        }
        ReplyNode settings = settings(MinerOperation.BACKUP_RESTORE, deadline);
        return new SettingsBackup(clock.instant(), info(deadline, false).firmwareVersionText(), archive,
                settings.toJson());
    }

    @Override
    public Duration restore(SettingsBackup backup) throws MinerAccessException {
        ReplyNode reply = http.postFile(VnishHttp.RESTORE_ROUTE, "file", backup.archive(),
                MinerOperation.BACKUP_RESTORE, deadline());
        LOG.info("{}: settings backup of {} restored; the miner reboots to load it", address.host(),
                backup.takenAt());
        return rebootDelay(reply);
    }

    @Override
    public void close() {
        http.forgetSession();
    }

    @Override
    public String toString() {
        return "VnishDriver[" + address.host() + ":" + address.httpPort() + "]";
    }

    private Deadline deadline() {
        return Deadline.after(options.operationTimeout());
    }

    /** {@code /info}, read once; {@code refresh} reads it again (for the identity and the OS uptime). */
    private VnishInfo info(Deadline deadline, boolean refresh) throws MinerAccessException {
        VnishInfo known = info;
        if (known == null || refresh) {
            known = VnishInfo.parse(http.get("/info", MinerOperation.IDENTIFY, Access.OPEN, deadline));
            info = known;
        }
        return known;
    }

    /**
     * The route generation, from {@code fw_version}; when that is unreadable, from whether {@code /boards} (1.3 only)
     * exists.
     */
    private RouteSet routes(Deadline deadline) throws MinerAccessException {
        RouteSet known = routes;
        if (known != null) {
            return known;
        }
        FirmwareVersion version = info(deadline, false).version();
        if (version != null) {
            known = RouteSet.of(version);
        } else {
            try {
                http.get(RouteSet.V1_3.chipsRoute(), MinerOperation.IDENTIFY, Access.OPEN, deadline);
                known = RouteSet.V1_3;
            } catch (OperationNotSupportedException e) {
                known = RouteSet.V1_2;
            }
        }
        routes = known;
        return known;
    }

    private List<PowerPreset> presets(Deadline deadline) throws MinerAccessException {
        return PresetParser.parse(http.get("/autotune/presets", MinerOperation.READ_PRESETS, Access.AUTHENTICATED,
                deadline));
    }

    private ReplyNode settings(MinerOperation operation, Deadline deadline) throws MinerAccessException {
        return http.get("/settings", operation, Access.AUTHENTICATED, deadline).requireObject();
    }

    /** {@code current_preset.name}: what runs now, which the preset switcher may have stepped down. */
    private String runningPreset(Deadline deadline) throws MinerAccessException {
        try {
            ReplyNode perf = http.get("/perf-summary", MinerOperation.READ_TELEMETRY, Access.OPEN, deadline);
            Optional<ReplyNode> current = perf.requireObject().optionalObject("current_preset");
            return current.isPresent() ? current.get().optionalText("name") : null;
        } catch (OperationNotSupportedException e) {
            return null;
        }
    }

    private static String configuredPreset(ReplyNode settings) throws MalformedReplyException {
        Optional<ReplyNode> overclock = settings.object("miner").optionalObject("overclock");
        return overclock.isPresent() ? overclock.get().optionalText("preset") : null;
    }

    /** {@code "miner": null} in {@code /summary}: the mining process is down; {@code /status} still says why. */
    private TelemetrySnapshot statusOnly(MinerId id, Instant takenAt, Deadline deadline) throws MinerAccessException {
        ReplyNode status = http.get("/status", MinerOperation.READ_TELEMETRY, Access.OPEN, deadline).requireObject();
        MinerStatus state = MinerStateNames.toStatus(status.requiredText("miner_state"));
        return new TelemetrySnapshot(id, takenAt, state, null, null, List.of(), null, null, List.of(), null, null,
                null, null, null, null, null, null, null, null);
    }

    private void restartMining(Deadline deadline) throws MinerAccessException {
        miningControl("restart", MinerOperation.RESTART_MINING, deadline);
    }

    /** {@code POST /mining/<action>}: success is an empty 200, failure an {@code err} body. */
    private void miningControl(String action, MinerOperation operation, Deadline deadline)
            throws MinerAccessException {
        ReplyNode reply = http.post("/mining/" + action, null, operation, Access.AUTHENTICATED, deadline);
        String err = reply.isAbsent() ? null : reply.requireObject().optionalText("err");
        if (err != null && !err.isBlank()) {
            throw new MinerRejectedException("POST /mining/" + action + " on " + address.host() + " failed: "
                    + err.strip());
        }
    }

    /** Locate LED routes toggle on every call and answer the new state; toggle again if it came out wrong. */
    private void setLocateLed(RouteSet routeSet, boolean on, Deadline deadline) throws MinerAccessException {
        if (toggleLocate(routeSet, on, deadline) != on && toggleLocate(routeSet, on, deadline) != on) {
            throw new MinerRejectedException(address.host() + ": the locate LED did not turn " + (on ? "on" : "off"));
        }
    }

    private boolean toggleLocate(RouteSet routeSet, boolean on, Deadline deadline) throws MinerAccessException {
        boolean legacy = routeSet == RouteSet.V1_2;
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (legacy) {
            // 1.2 toggles whatever it is sent; asic-rs and libminer send the wanted state anyway, and so do we.
            body.put("on", on);
        }
        ReplyNode reply = http.post(routeSet.locateRoute(), body, MinerOperation.BLINK, Access.OPEN, deadline);
        Boolean state = reply.isAbsent() ? null : reply.requireObject().optionalBoolean(legacy ? "on" : "is_enabled");
        if (state == null) {
            // find-miner may answer null; /status mirrors the LED.
            state = http.get("/status", MinerOperation.BLINK, Access.OPEN, deadline).requireObject()
                    .optionalBoolean("find_miner");
        }
        if (state == null) {
            throw new MinerRejectedException(address.host() + " does not report whether its locate LED is on");
        }
        return state;
    }

    private static Duration rebootDelay(ReplyNode reply) throws MalformedReplyException {
        Long after = reply.isAbsent() ? null : reply.requireObject().optionalLong("after");
        return after == null || after < 0 ? DEFAULT_REBOOT_AFTER : Duration.ofSeconds(Math.min(after, 3600));
    }

    private static boolean flag(ReplyNode result, String name) throws MalformedReplyException {
        return !result.isAbsent() && Boolean.TRUE.equals(result.requireObject().optionalBoolean(name));
    }

    /** The operation a 404 on the settings route is reported against: the first part the change has. */
    private static MinerOperation primaryOperation(SettingsChange change) {
        if (change.preset() != null || change.powerTargetWatts() != null) {
            return MinerOperation.SELECT_PRESET;
        }
        if (change.clocks() != null) {
            return MinerOperation.MANUAL_CLOCKS;
        }
        if (change.fan() != null) {
            return MinerOperation.FAN_CONTROL;
        }
        if (change.overTempRestartC() != null) {
            return MinerOperation.OVER_TEMP_RESTART;
        }
        return change.pools() != null ? MinerOperation.POOLS : MinerOperation.THROTTLE;
    }
}
