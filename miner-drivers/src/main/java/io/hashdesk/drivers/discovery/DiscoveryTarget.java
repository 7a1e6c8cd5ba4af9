package io.hashdesk.drivers.discovery;

import io.hashdesk.core.domain.MinerAddress;
import java.util.List;

/** One address to look at, with the ports its web API and RPC are expected on. */
public record DiscoveryTarget(MinerAddress address) {

    public static List<DiscoveryTarget> of(Ipv4Range range, int httpPort, int rpcPort) {
        return range.addresses().stream().map(host -> new DiscoveryTarget(new MinerAddress(host, httpPort, rpcPort))).toList();
    }

    public String host() {
        return address.host();
    }
}
