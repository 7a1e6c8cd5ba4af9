package io.hashdesk.drivers.vnish;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Vnish's {@code system.uptime}, which is busybox {@code uptime} text, not seconds: {@code "0:06"},
 * {@code " 1:00"} (H:MM, leading space), {@code "9 days,  3:58"} (two spaces seen), {@code "12 min"}.
 */
final class UptimeText {

    private static final Pattern HOURS_MINUTES =
            Pattern.compile("^\\s*(?:(\\d{1,5})\\s+days?,\\s*)?(\\d{1,2}):(\\d{2})\\s*$");
    private static final Pattern MINUTES = Pattern.compile("^\\s*(?:(\\d{1,5})\\s+days?,\\s*)?(\\d{1,2})\\s+min\\s*$");

    private UptimeText() {
    }

    /** The uptime, or {@code null} when the text has a shape we do not know (it is a fallback, not worth failing). */
    static Duration parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher hm = HOURS_MINUTES.matcher(text);
        if (hm.matches()) {
            return days(hm.group(1)).plusHours(Long.parseLong(hm.group(2)))
                    .plusMinutes(Long.parseLong(hm.group(3)));
        }
        Matcher m = MINUTES.matcher(text);
        if (m.matches()) {
            return days(m.group(1)).plusMinutes(Long.parseLong(m.group(2)));
        }
        return null;
    }

    private static Duration days(String group) {
        return group == null ? Duration.ZERO : Duration.ofDays(Long.parseLong(group));
    }
}
