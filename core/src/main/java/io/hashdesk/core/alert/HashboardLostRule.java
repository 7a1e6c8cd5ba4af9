package io.hashdesk.core.alert;

import io.hashdesk.core.domain.HashboardReading;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.MinerModel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Hashboard lost: the miner is mining on fewer boards than its model has. A board that is missing from the reading or
 * reports no hashrate counts as lost; a reading without any board data says nothing either way.
 */
final class HashboardLostRule implements AlertRule {

    private final AlertSettings settings;

    HashboardLostRule(AlertSettings settings) {
        this.settings = settings;
    }

    @Override
    public AlertKind kind() {
        return AlertKind.HASHBOARD_LOST;
    }

    @Override
    public Duration raiseAfter() {
        return settings.hashboardLostAfter();
    }

    @Override
    public Verdict judge(TelemetrySnapshot latest, Optional<MinerModel> model, Instant now) {
        if (!latest.status().hashing() || latest.boards().isEmpty() || model.isEmpty()) {
            return Verdict.hold();
        }
        int expected = model.get().hashboards();
        List<Integer> hashing = latest.boards().stream()
                .filter(b -> b.hashrateThs() != null && b.hashrateThs() > 0)
                .map(HashboardReading::index).toList();
        if (hashing.size() >= expected) {
            return Verdict.clear();
        }
        String lost = IntStream.range(0, expected).filter(i -> !hashing.contains(i))
                .mapToObj(i -> Integer.toString(i + 1)).collect(Collectors.joining(", "));
        return Verdict.raise(kind().severity(), hashing.size() + " of " + expected + " hashboards are hashing"
                + (lost.isEmpty() ? "." : "; board " + lost + " reports no hashrate."));
    }
}
