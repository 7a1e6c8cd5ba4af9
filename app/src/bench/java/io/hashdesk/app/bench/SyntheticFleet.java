package io.hashdesk.app.bench;

import io.hashdesk.app.miners.MinerRow;
import io.hashdesk.app.miners.RowStatus;
import io.hashdesk.core.domain.MinerId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fleet-table rows for a large synthetic farm: 40 rooms of 20 racks, four models, a few percent degraded or offline.
 * Every {@link #read} gives each miner new measured values (hashrate, power, temperature, fan, rejects, uptime), as a
 * live poll would, so the table re-sorts and repaints on every update. Deterministic for a seed.
 */
final class SyntheticFleet {

    private static final int ROOMS = 40;
    private static final int RACKS_PER_ROOM = 20;
    private static final int SLOTS_PER_RACK = 15;
    private static final String[][] MODELS = {
            {"antminer-s19j-pro", "Antminer S19j Pro", "104"},
            {"antminer-s19-xp", "Antminer S19 XP", "140"},
            {"antminer-s21", "Antminer S21", "200"},
            {"whatsminer-m50s", "Whatsminer M50S", "126"}};
    private static final String[] POOLS = {"ViaBTC", "F2Pool", "Braiins"};

    private final List<Fixed> miners = new ArrayList<>();
    private final SplittableRandom random;
    private long reads;

    SyntheticFleet(int size, long seed) {
        this.random = new SplittableRandom(seed);
        for (int i = 0; i < size; i++) {
            int room = i % ROOMS;
            int rack = (i / ROOMS) % RACKS_PER_ROOM;
            int slot = (i / (ROOMS * RACKS_PER_ROOM)) % SLOTS_PER_RACK;
            String roomId = "hall-" + (char) ('a' + room / 10) + "-" + (room % 10 + 1);
            String[] model = MODELS[random.nextInt(MODELS.length)];
            miners.add(new Fixed(MinerId.of(String.format("m-%05d", i)), roomId,
                    roomId + " / R" + (rack + 1) + " / " + (slot / 5 + 1) + "-" + (slot % 5 + 1), model[0], model[1],
                    Double.parseDouble(model[2]), POOLS[i % POOLS.length],
                    Duration.ofMinutes(random.nextInt(60, 60 * 24 * 30))));
        }
    }

    /** One poll's worth of rows: every miner with values that differ from the previous read. */
    List<MinerRow> read(Instant now) {
        reads++;
        List<MinerRow> rows = new ArrayList<>(miners.size());
        for (Fixed m : miners) {
            double roll = random.nextDouble();
            RowStatus status = roll < 0.02 ? RowStatus.OFFLINE : roll < 0.06 ? RowStatus.DEGRADED : RowStatus.MINING;
            Duration uptime = m.uptimeAtStart().plusSeconds(reads);
            if (status == RowStatus.OFFLINE) {
                rows.add(new MinerRow(m.id(), status, m.modelId(), m.modelName(), null, m.roomId(), m.position(),
                        null, null, null, null, null, null, null, m.pool(), "BTC", "3100", null,
                        now.minusSeconds(600), Duration.ofSeconds(600), true));
                continue;
            }
            double share = status == RowStatus.DEGRADED ? random.nextDouble(0.55, 0.8) : random.nextDouble(0.93, 1.04);
            double hashrate = Math.round(m.ratedThs() * share * 100) / 100.0;
            double power = Math.round(m.ratedThs() * random.nextDouble(17.0, 31.0));
            rows.add(new MinerRow(m.id(), status, m.modelId(), m.modelName(), null, m.roomId(), m.position(),
                    hashrate, share * 100, power, power / hashrate, (double) random.nextInt(62, 90),
                    (double) random.nextInt(40, 100), random.nextDouble(0, 2), m.pool(), "BTC", "3100", uptime,
                    now.minusSeconds(random.nextInt(1, 60)), Duration.ofSeconds(random.nextInt(1, 60)), false));
        }
        return rows;
    }

    private record Fixed(MinerId id, String roomId, String position, String modelId, String modelName,
                         double ratedThs, String pool, Duration uptimeAtStart) {
    }
}
