package io.hashdesk.drivers.cgminer;

import java.util.regex.Pattern;

/**
 * Fixes the JSON defects Bitmain-derived CGMiner builds are known to send (vnish-api.md §8.1, the repairs pyasic
 * applies): objects without a comma between them, an array starting with a comma, and bare {@code inf}/{@code nan}
 * numbers. Vnish's own replies are valid JSON and pass through unchanged.
 */
final class RpcJsonRepair {

    private static final Pattern NON_FINITE =
            Pattern.compile("(?<=[:\\[,])(\\s*)-?(?:inf|nan)(?=\\s*[,}\\]])", Pattern.CASE_INSENSITIVE);

    private RpcJsonRepair() {
    }

    static String repair(String reply) {
        String text = reply.strip();
        text = text.replace("}{", "},{");
        text = text.replace("[,{", "[{");
        return NON_FINITE.matcher(text).replaceAll("$1null");
    }
}
