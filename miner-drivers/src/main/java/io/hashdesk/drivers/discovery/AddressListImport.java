package io.hashdesk.drivers.discovery;

import io.hashdesk.core.domain.MinerAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a list of miner addresses from CSV text, one per line: {@code host[,http_port[,rpc_port]]}, an optional
 * header line starting with {@code host}, blank lines and {@code #} comments ignored. Every bad line is reported
 * with its number and what is wrong; nothing is returned unless every line is good, so an operator never scans
 * half a list without knowing.
 */
public final class AddressListImport {

    private AddressListImport() {
    }

    /** The parsed targets; thrown {@link AddressListException} lists every bad line. */
    public static List<DiscoveryTarget> parse(String csv, int defaultHttpPort, int defaultRpcPort) {
        List<DiscoveryTarget> targets = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String[] lines = csv.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || (i == 0 && line.toLowerCase(Locale.ROOT).startsWith("host"))) {
                continue;
            }
            String[] cells = line.split(",", -1);
            try {
                if (cells.length > 3) {
                    throw new IllegalArgumentException("expected host[,http_port[,rpc_port]], found " + cells.length + " columns");
                }
                String host = cells[0].strip();
                Ipv4Range.parseAddress(host, host);
                int http = cells.length > 1 ? port(cells[1], "http_port") : defaultHttpPort;
                int rpc = cells.length > 2 ? port(cells[2], "rpc_port") : defaultRpcPort;
                targets.add(new DiscoveryTarget(new MinerAddress(host, http, rpc)));
            } catch (IllegalArgumentException e) {
                problems.add("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new AddressListException(problems);
        }
        return targets;
    }

    private static int port(String cell, String column) {
        try {
            int port = Integer.parseInt(cell.strip());
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException(column + " " + port + " is not a port (1–65535)");
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + cell.strip() + "' is not a number", e);
        }
    }

    /** Every bad line of an address list, each with its line number. */
    public static final class AddressListException extends IllegalArgumentException {

        private final transient List<String> problems;

        AddressListException(List<String> problems) {
            super(problems.size() + " bad line(s) in the address list: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
