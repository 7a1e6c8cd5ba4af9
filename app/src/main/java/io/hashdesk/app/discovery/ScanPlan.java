package io.hashdesk.app.discovery;

import io.hashdesk.drivers.discovery.AddressListImport;
import io.hashdesk.drivers.discovery.DiscoveryTarget;
import io.hashdesk.drivers.discovery.Ipv4Range;
import java.util.List;

/**
 * Exactly what one scan will look at, built only from what the operator entered: a typed range with its two ports,
 * or the lines of an address list. Bad input is refused with one sentence naming the field.
 *
 * @param targets     every address and port pair the scan probes, nothing else
 * @param description what was entered, for the progress line and the log
 */
record ScanPlan(List<DiscoveryTarget> targets, String description) {

    ScanPlan {
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("The address list holds no address; add one address per line.");
        }
    }

    /** A CIDR range ({@code 192.168.1.0/24}) or one address, with the ports typed beside it. */
    static ScanPlan ofRange(String range, String httpPort, String rpcPort) {
        if (range == null || range.isBlank()) {
            throw new IllegalArgumentException("Enter a range such as 192.168.1.0/24, or one address.");
        }
        int http = port(httpPort, "Web API port");
        int rpc = port(rpcPort, "RPC port");
        Ipv4Range parsed = Ipv4Range.parse(range);
        return new ScanPlan(DiscoveryTarget.of(parsed, http, rpc), range.strip());
    }

    /** The lines of an address list ({@code host[,http_port[,rpc_port]]}); missing ports take the typed ones. */
    static ScanPlan ofAddressList(String csv, String fileName, String httpPort, String rpcPort) {
        int http = port(httpPort, "Web API port");
        int rpc = port(rpcPort, "RPC port");
        return new ScanPlan(AddressListImport.parse(csv, http, rpc), fileName);
    }

    int size() {
        return targets.size();
    }

    private static int port(String text, String field) {
        String value = text == null ? "" : text.strip();
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // falls through to the sentence below, which names the field
        }
        throw new IllegalArgumentException(field + ": '" + value + "' is not a port; enter a number from 1 to 65535.");
    }
}
