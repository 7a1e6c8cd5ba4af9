package io.hashdesk.core.alert;

import io.hashdesk.core.domain.MinerId;
import java.util.Objects;

/** One miner and one kind of alert: at most one alert per key is open at a time. */
public record AlertKey(MinerId minerId, AlertKind kind) {

    public AlertKey {
        Objects.requireNonNull(minerId, "miner id");
        Objects.requireNonNull(kind, "alert kind");
    }
}
