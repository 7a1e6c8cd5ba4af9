package io.hashdesk.core.store;

import java.util.Objects;

/**
 * What an ambient series describes: a whole room (every intake sensor in it) or one rack (the intake sensors fixed
 * to that rack).
 *
 * @param rack {@code null} for the whole room
 */
public record AmbientScope(String roomId, String rack) {

    public AmbientScope {
        Objects.requireNonNull(roomId, "room id");
    }

    public static AmbientScope room(String roomId) {
        return new AmbientScope(roomId, null);
    }

    public static AmbientScope rack(String roomId, String rack) {
        return new AmbientScope(roomId, Objects.requireNonNull(rack, "rack"));
    }
}
