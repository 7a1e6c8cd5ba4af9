package io.hashdesk.drivers.vnish;

import io.hashdesk.core.domain.catalog.HashrateUnit;
import io.hashdesk.drivers.api.MalformedReplyException;
import io.hashdesk.drivers.api.MinerIdentity;
import io.hashdesk.drivers.api.ReplyNode;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code GET /info} says about a miner (vnish-api.md §4.1): model, firmware, the unit of every {@code hr_*} field
 * and the system block (MAC, host name, OS uptime).
 *
 * @param version parsed {@code fw_version}; {@code null} when it has no recognisable x.y form
 * @param uptime  OS uptime from {@code system.uptime}; {@code null} when absent or in an unknown shape
 */
record VnishInfo(String minerName, String modelCode, String firmwareName, String firmwareVersionText,
                 FirmwareVersion version, HashrateUnit hashrateUnit, String macAddress, String hostname,
                 Duration uptime) {

    static VnishInfo parse(ReplyNode info) throws MalformedReplyException {
        info.requireObject();
        String versionText = info.requiredText("fw_version");
        Optional<ReplyNode> system = info.optionalObject("system");
        Optional<ReplyNode> network = system.isPresent() ? system.get().optionalObject("network_status")
                : Optional.empty();
        return new VnishInfo(info.requiredText("miner"), info.optionalText("model"), info.optionalText("fw_name"),
                versionText, FirmwareVersion.parse(versionText).orElse(null),
                hashrateUnit(info.optionalText("hr_measure"), info.optionalText("algorithm")),
                network.isPresent() ? network.get().optionalText("mac") : null,
                network.isPresent() ? network.get().optionalText("hostname") : null,
                system.isPresent() ? uptimeOf(system.get()) : null);
    }

    /** {@code system.uptime} of an {@code /info} or old {@code /summary} system block. */
    static Duration uptimeOf(ReplyNode system) throws MalformedReplyException {
        return UptimeText.parse(system.optionalText("uptime"));
    }

    /**
     * The unit of the {@code hr_*} fields: {@code hr_measure} when it names one; 1.3 builds may send {@code "N/A"},
     * and then the algorithm decides (scrypt miners report MH/s, SHA-256 miners GH/s).
     */
    static HashrateUnit hashrateUnit(String hrMeasure, String algorithm) {
        Optional<HashrateUnit> named = HashrateUnit.parse(hrMeasure);
        if (named.isPresent()) {
            return named.get();
        }
        return algorithm != null && algorithm.toLowerCase(Locale.ROOT).contains("scrypt")
                ? HashrateUnit.MH_S : HashrateUnit.GH_S;
    }

    RouteSet routeSet() {
        return RouteSet.of(version);
    }

    MinerIdentity identity() {
        return new MinerIdentity(minerName, modelCode, firmwareName, firmwareVersionText, hashrateUnit, macAddress,
                hostname);
    }
}
