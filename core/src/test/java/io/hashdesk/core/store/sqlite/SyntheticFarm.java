package io.hashdesk.core.store.sqlite;

import io.hashdesk.core.domain.HashboardReading;
import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.domain.Room;
import io.hashdesk.core.domain.Site;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.store.MinerRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Plausible telemetry of a farm of S19j Pro-like miners (3 boards, 4 fans) as Vnish reports it: hashrate in
 * GH/s with two decimals, integer temperatures and watts, fan rpm wandering by tens, counters that grow.
 * Deterministic for a seed, so tests and benchmarks see the same data on every run.
 */
public final class SyntheticFarm {

    public static final String SITE = "site-1";
    public static final String ROOM = "hall-a";

    private final int miners;
    private final SplittableRandom random;
    private final double[] quality;

    public SyntheticFarm(int miners, long seed) {
        this.miners = miners;
        this.random = new SplittableRandom(seed);
        this.quality = new double[miners];
        for (int i = 0; i < miners; i++) {
            quality[i] = 0.97 + random.nextDouble() * 0.06;
        }
    }

    public static MinerId id(int index) {
        return MinerId.of(String.format("m-%05d", index));
    }

    public void register(MinerRegistry registry) {
        registry.saveSite(new Site(SITE, "Test site", ZoneId.of("UTC")));
        registry.saveRoom(new Room(ROOM, SITE, "Hall A"));
        for (int i = 0; i < miners; i++) {
            registry.saveMiner(new Miner(id(i), SITE, new RackPosition(ROOM, "R" + (i / 40 + 1), i % 40 / 8 + 1, i % 8 + 1),
                    new MinerAddress("127.0.0.1", 10_000 + i % 50_000, 4028), "antminer-s19j-pro", "Vnish 1.2.6",
                    Optional.empty()));
        }
    }

    /** One poll cycle: a snapshot of every miner taken at {@code at}. */
    public List<TelemetrySnapshot> pollCycle(Instant at) {
        List<TelemetrySnapshot> out = new ArrayList<>(miners);
        for (int i = 0; i < miners; i++) {
            out.add(snapshot(i, at));
        }
        return out;
    }

    public TelemetrySnapshot snapshot(int index, Instant at) {
        long minutes = at.getEpochSecond() / 60;
        List<HashboardReading> boards = new ArrayList<>(3);
        double total = 0;
        for (int b = 0; b < 3; b++) {
            double ths = round2(34.6 * quality[index] * (1 + gauss(0.01)));
            total += ths;
            boards.add(new HashboardReading(b, ths, (double) (68 + b + (int) gauss(1.5)), (double) (61 + b + (int) gauss(1.5)),
                    525.0, 13.6, null, 40L * minutes % 1000 + b));
        }
        List<Integer> fans = new ArrayList<>(4);
        for (int f = 0; f < 4; f++) {
            fans.add(5_400 + 10 * (int) gauss(4));
        }
        long accepted = 13 * (minutes % 100_000) + index;
        return new TelemetrySnapshot(id(index), at, MinerStatus.MINING, round2(total), round2(total * 0.998), boards,
                70.0 + (int) gauss(1.2), 63.0 + (int) gauss(1.2), fans, 80.0, (double) (3050 + (int) gauss(12)), 13.6, 525.0,
                "3100", "stratum+tcp://btc.pool.example:3333", accepted, accepted / 300, 40L * minutes % 1000,
                Duration.ofMinutes(minutes % 10_000));
    }

    private double gauss(double sd) {
        return random.nextGaussian() * sd;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
