package io.hashdesk.core.polling;

import io.hashdesk.core.domain.CredentialsRef;
import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.domain.TelemetrySnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Test fixtures: miners, their plausible snapshots, an inventory the test edits, and settings from JSON. */
final class Fleet implements Supplier<Collection<Miner>> {

    static final String SITE = "site-1";
    static final String ROOM = "hall-a";

    private volatile List<Miner> miners;

    private Fleet(List<Miner> miners) {
        this.miners = List.copyOf(miners);
    }

    /** Miners {@code m-00000} … {@code m-(n-1)}. */
    static Fleet of(int n) {
        List<Miner> miners = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            miners.add(miner(i));
        }
        return new Fleet(miners);
    }

    static MinerId id(int index) {
        return MinerId.of(String.format("m-%05d", index));
    }

    static Miner miner(int index) {
        return new Miner(id(index), SITE, new RackPosition(ROOM, "R" + (index / 40 + 1), index % 40 / 8 + 1,
                index % 8 + 1), new MinerAddress("127.0.0.1", 10_000 + index % 50_000, 4028), "antminer-s19j-pro",
                "Vnish 1.2.6", Optional.empty());
    }

    static Miner withCredentials(Miner miner, String credentials) {
        return new Miner(miner.id(), miner.siteId(), miner.position(), miner.address(), miner.modelId(),
                miner.firmware(), Optional.of(new CredentialsRef(credentials)));
    }

    @Override
    public Collection<Miner> get() {
        return miners;
    }

    void add(Miner miner) {
        List<Miner> next = new ArrayList<>(miners);
        next.add(miner);
        miners = List.copyOf(next);
    }

    void remove(MinerId id) {
        miners = miners.stream().filter(m -> !m.id().equals(id)).toList();
    }

    void replace(Miner miner) {
        miners = miners.stream().map(m -> m.id().equals(miner.id()) ? miner : m).toList();
    }

    /** A healthy S19j Pro-like reading. */
    static TelemetrySnapshot mining(MinerId id, Instant at) {
        return reading(id, at, MinerStatus.MINING, 70.0);
    }

    static TelemetrySnapshot reading(MinerId id, Instant at, MinerStatus status, double chipTempC) {
        return new TelemetrySnapshot(id, at, status, 104.0, 103.5, List.of(), chipTempC, chipTempC - 7,
                List.of(5400, 5410, 5390, 5400), 60.0, 3050.0, 13.6, 525.0, "3050", "stratum+tcp://pool.example:3333",
                1000L, 2L, 0L, Duration.ofHours(5));
    }

    /** Default settings with some fields replaced, read from an operator's file as the app does. */
    static PollSettings settings(String json) {
        try {
            Path file = Files.createTempFile("poll-settings", ".json");
            try {
                return PollSettings.withOverrides(Files.writeString(file, json));
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
