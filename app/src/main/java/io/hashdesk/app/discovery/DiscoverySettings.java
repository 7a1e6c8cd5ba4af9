package io.hashdesk.app.discovery;

import io.hashdesk.core.settings.JsonSettings;
import java.nio.file.Path;

/**
 * How the discovery wizard scans: defaults in {@code discovery-defaults.json} beside this class, overridden by
 * {@code discovery.json} in the data folder.
 *
 * @param httpPort            the web API port filled in for a typed range
 * @param rpcPort             the CGMiner RPC port filled in for a typed range
 * @param largeRangeAddresses from this many addresses on, the wizard warns before scanning
 * @param addressesAtOnce     how many addresses are probed at the same time, so a scan floods neither LAN nor miners
 */
public record DiscoverySettings(int httpPort, int rpcPort, int largeRangeAddresses, int addressesAtOnce) {

    static final String DEFAULTS = "discovery-defaults.json";
    static final String OVERRIDES_FILE = "discovery.json";

    public DiscoverySettings {
        if (largeRangeAddresses < 1 || addressesAtOnce < 1) {
            throw new IllegalArgumentException("largeRangeAddresses and addressesAtOnce must be at least 1, got "
                    + largeRangeAddresses + " and " + addressesAtOnce);
        }
    }

    public static DiscoverySettings load(Path dataFolder) {
        return JsonSettings.withOverrides(DiscoverySettings.class, DEFAULTS, dataFolder.resolve(OVERRIDES_FILE));
    }

    public static DiscoverySettings defaults() {
        return JsonSettings.defaults(DiscoverySettings.class, DEFAULTS);
    }
}
