package io.hashdesk.core.polling;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.TelemetrySnapshot;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A miner reader whose answer per miner the test sets (healthy by default) and which notes when each miner was
 * read, by the test's clock.
 */
final class ScriptedReader implements MinerReader {

    /** What one read of one miner does. */
    @FunctionalInterface
    interface Behaviour {
        TelemetrySnapshot read(Miner miner) throws MinerAccessException, InterruptedException;
    }

    private final Clock clock;
    private final Map<MinerId, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final Map<MinerId, List<Instant>> reads = new ConcurrentHashMap<>();

    ScriptedReader(Clock clock) {
        this.clock = clock;
    }

    void set(MinerId miner, Behaviour behaviour) {
        behaviours.put(miner, behaviour);
    }

    void fail(MinerId miner, MinerAccessException.Failure kind, String message) {
        set(miner, m -> {
            throw new MinerAccessException(kind, message);
        });
    }

    void heal(MinerId miner) {
        behaviours.remove(miner);
    }

    int reads(MinerId miner) {
        return readTimes(miner).size();
    }

    List<Instant> readTimes(MinerId miner) {
        return List.copyOf(reads.getOrDefault(miner, List.of()));
    }

    @Override
    public TelemetrySnapshot read(Miner miner) throws MinerAccessException, InterruptedException {
        reads.computeIfAbsent(miner.id(), id -> new CopyOnWriteArrayList<>()).add(clock.instant());
        Behaviour behaviour = behaviours.get(miner.id());
        return behaviour == null ? Fleet.mining(miner.id(), clock.instant()) : behaviour.read(miner);
    }
}
