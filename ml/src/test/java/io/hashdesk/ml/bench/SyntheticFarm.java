package io.hashdesk.ml.bench;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.domain.Room;
import io.hashdesk.core.domain.Site;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.core.store.IngestReport;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import io.hashdesk.drivers.sim.SimulationClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The benchmarks' farm: {@code miners} synthetic units ({@link SyntheticUnit}) of five SHA-256 models from the bundled
 * catalog across up to ten rooms, polled every five minutes for {@code days} through the store's ordinary ingest and
 * maintenance path, so that every model family has something real to learn: day/night rooms and changing settings for
 * the thermal and efficiency curves, a few percent of units whose fan wears out or hashboard fails for the failure
 * predictor, dusty units whose chips creep hotter. Deterministic for a seed. The planted failures are kept
 * ({@link #failures()}) for checking that the store shows them.
 */
public final class SyntheticFarm {

    static final String SITE = "bench";
    private static final int MAX_ROOMS = 10;
    /** Units per room at least, so that a small farm still has peers of each model in each room. */
    private static final int MIN_UNITS_PER_ROOM = 50;
    private static final List<String> MODELS = List.of("antminer-s19j-pro", "antminer-s19-pro", "antminer-s19-xp",
            "antminer-s21", "antminer-t19");
    private static final double FAN_FAILURE_SHARE = 0.03;
    private static final double BOARD_FAILURE_SHARE = 0.02;
    /**
     * Failing units of each kind in a small farm at least: the failure predictor scores itself on three unit-split
     * folds, each of which must train on failing units.
     */
    private static final int MIN_FAILURES_PER_KIND = 3;
    private static final double DUSTY_SHARE = 0.08;
    /** Thermal resistance gained per day in dusty units (the simulator's default is 0.003). */
    private static final double MIN_DUST_GAIN_PER_DAY = 0.001;
    private static final double MAX_DUST_GAIN_PER_DAY = 0.003;
    /** A fan that stops within the history had this many days of life: long enough to sag slowly over weeks. */
    private static final double MIN_FAN_LIFE_DAYS = 150;
    private static final double MAX_FAN_LIFE_DAYS = 400;
    /**
     * Failures come no earlier: the failure predictor's first sample of a unit needs eight days of history, so an
     * earlier failure would teach it nothing. A history shorter than that has its failures on its last day.
     */
    private static final double FIRST_FAILURE_DAY = 9;
    private static final double LAST_FAILURE_DAYS_BEFORE_END = 0.5;
    private static final double ROOM_MEAN_C = 20;
    private static final double ROOM_MEAN_STEP_C = 0.6;
    private static final double ROOM_SWING_C = 3;
    private static final double ROOM_SWING_STEP_C = 0.2;
    private static final Duration POLL_EVERY = Duration.ofMinutes(5);
    private static final int POLLS_PER_DAY = (int) (Duration.ofDays(1).toMinutes() / POLL_EVERY.toMinutes());
    /** Snapshots per ingest transaction: big batches are what keeps the fill fast. */
    private static final int INGEST_BATCH = 50_000;
    private static final int RACK_SLOTS = 40;
    private static final int SHELF_SLOTS = 8;
    private static final int FIRST_PORT = 10_000;
    private static final int RPC_PORT = 4028;

    /** A failure planted in a unit: {@code part} is "fan n" or "hashboard n". */
    public record PlantedFailure(MinerId miner, String part, Instant at) {
    }

    private final Instant start;
    private final int days;
    private final List<Miner> miners;
    private final List<SyntheticUnit> units;
    private final List<PlantedFailure> failures;

    private SyntheticFarm(Instant start, int days, List<Miner> miners, List<SyntheticUnit> units,
                          List<PlantedFailure> failures) {
        this.start = start;
        this.days = days;
        this.miners = List.copyOf(miners);
        this.units = List.copyOf(units);
        this.failures = List.copyOf(failures);
    }

    /** Lays out the farm and plants its faults; nothing is polled until {@link #fill}. */
    public static SyntheticFarm create(MinerModelCatalog catalog, int miners, Instant start, int days, long seed) {
        return create(catalog, miners, start, days, seed, 0);
    }

    /**
     * As {@link #create(MinerModelCatalog, int, Instant, int, long)}, with every {@code presetEvery}-th unit (the
     * first included; none for 0) running firmware presets named by their watts instead of manual clocks.
     */
    public static SyntheticFarm create(MinerModelCatalog catalog, int miners, Instant start, int days, long seed,
                                       int presetEvery) {
        if (miners < 1 || days < 1) {
            throw new IllegalArgumentException("a synthetic farm needs at least one miner and one day, got " + miners
                    + " miners and " + days + " days");
        }
        List<SyntheticModel> models = MODELS.stream().map(id -> SyntheticModel.of(catalog.byId(id).orElseThrow(
                () -> new IllegalStateException("the bundled catalog lacks " + id)))).toList();
        SplittableRandom random = new SplittableRandom(seed);
        // which units get which fault: a shuffled rank, so that faults spread over models and rooms
        List<Integer> order = new ArrayList<>(IntStream.range(0, miners).boxed().toList());
        Collections.shuffle(order, new Random(seed));
        int[] ranks = new int[miners];
        for (int k = 0; k < miners; k++) {
            ranks[order.get(k)] = k;
        }
        int fanFailures = count(miners, FAN_FAILURE_SHARE, MIN_FAILURES_PER_KIND);
        int boardFailures = count(miners, BOARD_FAILURE_SHARE, MIN_FAILURES_PER_KIND);
        int dusty = count(miners, DUSTY_SHARE, 1);
        List<Miner> registered = new ArrayList<>(miners);
        List<SyntheticUnit> units = new ArrayList<>(miners);
        List<PlantedFailure> failures = new ArrayList<>();
        for (int i = 0; i < miners; i++) {
            int rank = ranks[i];
            SyntheticModel model = models.get(i % models.size());
            int room = i / models.size() % rooms(miners);
            Miner miner = miner(i, model.model().id(), room);
            SyntheticUnit.FanWear fan = null;
            SyntheticUnit.BoardFailure board = null;
            if (rank < fanFailures) {
                fan = new SyntheticUnit.FanWear(random.nextInt(model.model().fans()),
                        failureTime(start, days, random), uniform(random, MIN_FAN_LIFE_DAYS, MAX_FAN_LIFE_DAYS));
                failures.add(new PlantedFailure(miner.id(), "fan " + fan.fan(), fan.stopsAt()));
            } else if (rank < fanFailures + boardFailures) {
                board = new SyntheticUnit.BoardFailure(random.nextInt(model.model().hashboards()),
                        failureTime(start, days, random));
                failures.add(new PlantedFailure(miner.id(), "hashboard " + board.board(), board.failsAt()));
            }
            double dust = rank >= fanFailures + boardFailures && rank < fanFailures + boardFailures + dusty
                    ? uniform(random, MIN_DUST_GAIN_PER_DAY, MAX_DUST_GAIN_PER_DAY) : 0;
            registered.add(miner);
            units.add(new SyntheticUnit(miner.id(), model, climate(room), start, random.nextLong(), fan, board, dust,
                    presetEvery > 0 && i % presetEvery == 0));
        }
        return new SyntheticFarm(start, days, registered, units, failures);
    }

    /** A store filled with this farm's history, on a simulation clock left at the farm's end. */
    public record Stored(SimulationClock clock, SqliteFarmStore store, long snapshots) implements AutoCloseable {
        @Override
        public void close() {
            store.close();
            clock.close();
        }
    }

    /** Opens a new store at {@code database}, registers the farm and {@link #fill fills} it. */
    public Stored storeIn(Path database) {
        SimulationClock clock = SimulationClock.manual(start);
        SqliteFarmStore store = SqliteFarmStore.open(database, StoreSettings.defaults(), clock);
        register(store);
        return new Stored(clock, store, fill(store, clock));
    }

    /** Registers the site, its rooms and every miner. */
    public void register(FarmStore store) {
        store.registry().saveSite(new Site(SITE, "Bench farm", ZoneOffset.UTC));
        for (int r = 0; r < rooms(miners.size()); r++) {
            store.registry().saveRoom(new Room(roomId(r), SITE, "Room " + r));
        }
        miners.forEach(store.registry()::saveMiner);
    }

    /**
     * Polls every unit every five minutes from the start to the end through {@code store.telemetry().ingest}, in big
     * batches, with the store's maintenance (rollups, raw-data expiry) run once per simulated day; {@code clock}, the
     * store's clock, is moved along so that no snapshot lies in its future or beyond its raw retention.
     *
     * @return the number of snapshots stored
     * @throws IllegalStateException if the store rejects a snapshot, naming the first and why
     */
    public long fill(FarmStore store, SimulationClock clock) {
        long stored = 0;
        List<TelemetrySnapshot> batch = new ArrayList<>(INGEST_BATCH + units.size());
        for (int d = 0; d < days; d++) {
            Instant dayStart = start.plus(Duration.ofDays(d));
            Instant dayEnd = dayStart.plus(Duration.ofDays(1));
            clock.advance(Duration.between(clock.instant(), dayEnd));
            for (int step = 0; step < POLLS_PER_DAY; step++) {
                Instant at = dayStart.plus(POLL_EVERY.multipliedBy(step));
                for (SyntheticUnit unit : units) {
                    batch.add(unit.poll(at));
                }
                if (batch.size() >= INGEST_BATCH) {
                    stored += ingest(store, batch);
                }
            }
            stored += ingest(store, batch);
            store.telemetry().maintain(dayEnd);
        }
        return stored;
    }

    public List<Miner> miners() {
        return miners;
    }

    /** The settled hashrate {@code miner} makes at these clocks, before measurement noise: the simulator's truth. */
    public double hashrateThs(MinerId miner, double freqMhz, double volts) {
        return units.stream().filter(u -> u.id().equals(miner)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no unit " + miner + " in the farm")).hashrateThs(freqMhz, volts);
    }

    public List<PlantedFailure> failures() {
        return failures;
    }

    public Instant start() {
        return start;
    }

    /** The end of the last simulated day: the "now" models are trained at. */
    public int days() {
        return days;
    }

    public Instant end() {
        return start.plus(Duration.ofDays(days));
    }

    private static int ingest(FarmStore store, List<TelemetrySnapshot> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        IngestReport report = store.telemetry().ingest(batch);
        if (!report.allStored()) {
            throw new IllegalStateException("the store rejected " + report.rejected().size() + " of "
                    + batch.size() + " synthetic snapshots, first: " + report.rejected().getFirst());
        }
        batch.clear();
        return report.stored();
    }

    private static Miner miner(int i, String modelId, int room) {
        return new Miner(MinerId.of(String.format(Locale.ROOT, "m-%05d", i)), SITE,
                new RackPosition(roomId(room), "R" + (i / RACK_SLOTS + 1), i % RACK_SLOTS / SHELF_SLOTS + 1,
                        i % SHELF_SLOTS + 1),
                new MinerAddress("127.0.0.1", FIRST_PORT + i % 50_000, RPC_PORT), modelId, "Vnish 1.2.6",
                Optional.empty());
    }

    private static int rooms(int miners) {
        return Math.clamp(miners / MIN_UNITS_PER_ROOM, 1, MAX_ROOMS);
    }

    private static String roomId(int room) {
        return "room-" + room;
    }

    private static RoomClimate climate(int room) {
        return new RoomClimate(ROOM_MEAN_C + ROOM_MEAN_STEP_C * room, ROOM_SWING_C + ROOM_SWING_STEP_C * room);
    }

    private static Instant failureTime(Instant start, int days, SplittableRandom random) {
        double last = days - LAST_FAILURE_DAYS_BEFORE_END;
        double day = uniform(random, Math.min(FIRST_FAILURE_DAY, last - LAST_FAILURE_DAYS_BEFORE_END), last);
        return start.plus(Duration.ofSeconds((long) (day * Duration.ofDays(1).toSeconds())));
    }

    private static double uniform(SplittableRandom random, double from, double to) {
        return from + random.nextDouble() * (to - from);
    }

    /** The share of the farm's units, at least {@code min} of them (never more than the farm has). */
    private static int count(int miners, double share, int min) {
        return Math.min(miners, Math.max(min, (int) Math.round(miners * share)));
    }
}
