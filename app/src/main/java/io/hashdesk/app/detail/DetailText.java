package io.hashdesk.app.detail;

import io.hashdesk.app.common.DurationText;
import io.hashdesk.app.detail.HeaderText.Setting;
import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.HashrateUnit;
import io.hashdesk.core.domain.catalog.MinerModel;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How the miner detail screen writes values for a person: grouped digits with units, a dash for "not reported", ages
 * and durations in the largest sensible unit, the miner's own hashrate unit for Scrypt models.
 */
final class DetailText {

    static final String MISSING = "–";
    private static final double PERCENT = 100.0;

    private DetailText() {
    }

    static HeaderText header(MinerHeader header, Duration staleAfter) {
        Miner miner = header.miner();
        MinerModel model = header.model();
        TelemetrySnapshot s = header.latest();
        HashrateUnit unit = unit(model);
        String modelName = model == null ? miner.modelId() : model.name();
        String firmware = miner.firmware().isEmpty() ? "" : " · " + miner.firmware();
        Duration age = s == null ? null : max(Duration.between(s.takenAt(), header.readAt()));
        boolean stale = age != null && age.compareTo(staleAfter) > 0;
        String status = s == null ? "Never polled" : status(s.status());
        String statusStyle = s == null ? "status-never-polled"
                : "status-" + s.status().name().toLowerCase(Locale.ROOT).replace('_', '-');
        Double hashrate = s == null ? null : s.hashrateThs();
        String percent = hashrate == null || model == null ? ""
                : String.format(Locale.ROOT, "%.0f %% of rated %s", hashrate / model.ratedHashrateThs() * PERCENT,
                        withUnit(unit.fromThs(model.ratedHashrateThs()), 1, unit.label()));
        return new HeaderText(miner.id().value(), modelName + firmware, miner.position().label(),
                address(miner.address()), status, statusStyle,
                hashrate == null ? MISSING : withUnit(unit.fromThs(hashrate), 1, unit.label()), percent,
                withUnit(s == null ? null : s.powerWatts(), 0, "W"),
                s == null || s.efficiencyJPerTh() == null ? MISSING
                        : withUnit(s.efficiencyJPerTh() / unit.fromThs(1), unit == HashrateUnit.TH_S ? 1 : 3,
                                "J/" + unit.label().replace("/s", "")),
                withUnit(s == null ? null : s.chipTempMaxC(), 0, "°C"),
                withUnit(s == null ? null : s.fanPercent(), 0, "%"),
                header.poolName() == null ? MISSING
                        : header.coin() == null ? header.poolName() : header.poolName() + " · " + header.coin(),
                s == null || s.uptime() == null ? MISSING : DurationText.span(s.uptime()), DurationText.ago(age), stale,
                settings(s));
    }

    private static List<Setting> settings(TelemetrySnapshot s) {
        return List.of(
                new Setting("Preset", s == null || s.preset() == null ? MISSING : s.preset()),
                new Setting("Frequency", withUnit(s == null ? null : s.frequencyMhz(), 0, "MHz")),
                new Setting("Voltage", withUnit(s == null ? null : s.voltageVolts(), 2, "V")),
                new Setting("Pool", s == null || s.poolUrl() == null ? MISSING : s.poolUrl()));
    }

    static String status(MinerStatus status) {
        return switch (status) {
            case MINING -> "Mining";
            case STARTING -> "Starting";
            case STOPPED -> "Stopped";
            case FAILURE -> "Failure";
            case AUTH_FAILED -> "Auth failed";
            case OFFLINE -> "Offline";
            case UNKNOWN -> "Unknown reply";
        };
    }

    static String withUnit(Double value, int decimals, String unit) {
        return value == null ? MISSING : String.format(Locale.ROOT, "%,." + decimals + "f %s", value, unit);
    }

    private static String address(MinerAddress address) {
        boolean defaultPorts = address.httpPort() == MinerAddress.DEFAULT_HTTP_PORT
                && address.rpcPort() == MinerAddress.DEFAULT_RPC_PORT;
        return defaultPorts ? address.host()
                : address.host() + " (web " + address.httpPort() + ", rpc " + address.rpcPort() + ")";
    }

    static HashrateUnit unit(MinerModel model) {
        return model == null ? HashrateUnit.TH_S : model.algorithm().displayUnit();
    }

    private static Duration max(Duration age) {
        return age.isNegative() ? Duration.ZERO : age;
    }
}
