package io.hashdesk.drivers.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An IPv4 range the operator typed as CIDR ({@code 10.0.4.0/22}) or as a single address. Only what was
 * typed is ever scanned; the size is capped so a slip like {@code /8} is refused instead of flooding the LAN.
 *
 * @param firstAddress first host address, as an unsigned 32-bit value
 * @param lastAddress  last host address, inclusive
 */
public record Ipv4Range(long firstAddress, long lastAddress) {

    /** A /16: the largest range one scan accepts. */
    public static final int MAX_ADDRESSES = 65_536;
    private static final long MAX_IPV4 = 0xFFFF_FFFFL;
    private static final int OCTETS = 4;
    private static final int POINT_TO_POINT_PREFIX = 31;

    public Ipv4Range {
        if (firstAddress < 0 || lastAddress > MAX_IPV4 || firstAddress > lastAddress) {
            throw new IllegalArgumentException("Not an IPv4 range: " + firstAddress + "–" + lastAddress);
        }
        if (lastAddress - firstAddress + 1 > MAX_ADDRESSES) {
            throw new IllegalArgumentException("A scan covers at most " + MAX_ADDRESSES + " addresses (a /16); split the range");
        }
    }

    /**
     * Parses {@code a.b.c.d/n} or {@code a.b.c.d}. For prefixes up to /30 the network and broadcast addresses
     * are left out, as no miner can have them.
     */
    public static Ipv4Range parse(String text) {
        Objects.requireNonNull(text, "range");
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        long base = parseAddress(slash < 0 ? trimmed : trimmed.substring(0, slash), trimmed);
        if (slash < 0) {
            return new Ipv4Range(base, base);
        }
        int prefix;
        try {
            prefix = Integer.parseInt(trimmed.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + trimmed + "': the prefix after '/' must be a number from 16 to 32", e);
        }
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("'" + trimmed + "': the prefix after '/' must be from 16 to 32");
        }
        long size = 1L << (32 - prefix);
        if (size > MAX_ADDRESSES) {
            throw new IllegalArgumentException("'" + trimmed + "' has " + size + " addresses; a scan covers at most a /16");
        }
        long network = base & ~(size - 1) & MAX_IPV4;
        if (prefix >= POINT_TO_POINT_PREFIX) {
            return new Ipv4Range(network, network + size - 1);
        }
        return new Ipv4Range(network + 1, network + size - 2);
    }

    static long parseAddress(String address, String context) {
        String[] parts = address.split("\\.", -1);
        if (parts.length != OCTETS) {
            throw new IllegalArgumentException("'" + context + "' is not an IPv4 address (four numbers 0–255 with dots)");
        }
        long value = 0;
        for (String part : parts) {
            int octet;
            try {
                octet = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + context + "' is not an IPv4 address: '" + part + "' is not a number", e);
            }
            if (octet < 0 || octet > 255 || part.length() > 3) {
                throw new IllegalArgumentException("'" + context + "' is not an IPv4 address: " + part + " is not 0–255");
            }
            value = (value << 8) | octet;
        }
        return value;
    }

    static String format(long address) {
        return ((address >> 24) & 0xFF) + "." + ((address >> 16) & 0xFF) + "." + ((address >> 8) & 0xFF) + "." + (address & 0xFF);
    }

    public int size() {
        return (int) (lastAddress - firstAddress + 1);
    }

    /** Every address in the range, in order, as dotted text. */
    public List<String> addresses() {
        List<String> out = new ArrayList<>(size());
        for (long a = firstAddress; a <= lastAddress; a++) {
            out.add(format(a));
        }
        return out;
    }

    @Override
    public String toString() {
        return format(firstAddress) + "–" + format(lastAddress);
    }
}
