package io.hashdesk.core.domain;

import java.time.ZoneId;
import java.util.Objects;

/**
 * A farm location. The time zone matters because tariffs, ambient-temperature curves and
 * "today" in reports are local to the site, not to the control-room PC.
 */
public record Site(String id, String name, ZoneId timeZone) {

    public Site {
        id = Names.requireId(id, "site id");
        name = Names.requireText(name, "site name");
        Objects.requireNonNull(timeZone, "site time zone");
    }
}
