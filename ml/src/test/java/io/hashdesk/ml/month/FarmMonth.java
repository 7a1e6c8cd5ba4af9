package io.hashdesk.ml.month;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.domain.Room;
import io.hashdesk.core.domain.SensorId;
import io.hashdesk.core.domain.SensorPlacement;
import io.hashdesk.core.domain.SensorPosition;
import io.hashdesk.core.domain.SensorQuantity;
import io.hashdesk.core.domain.SensorReading;
import io.hashdesk.core.domain.Site;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.Algorithm;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.market.CoinCatalog;
import io.hashdesk.core.market.MarketSettings;
import io.hashdesk.core.profit.FarmProfitability;
import io.hashdesk.core.profit.FleetProfit;
import io.hashdesk.core.profit.MinerProfit;
import io.hashdesk.core.profit.ProfitSettings;
import io.hashdesk.core.store.IngestReport;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import io.hashdesk.drivers.sim.ModelLibrary;
import io.hashdesk.drivers.sim.OperatingPoint;
import io.hashdesk.drivers.sim.SimulatedFleet;
import io.hashdesk.drivers.sim.SimulatedMiner;
import io.hashdesk.drivers.sim.SimulationClock;
import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.drift.DriftCheck;
import io.hashdesk.ml.drift.DriftSettings;
import io.hashdesk.ml.registry.ModelRegistry;
import io.hashdesk.ml.registry.RegistrySettings;
import io.hashdesk.ml.registry.RetrainingSchedule;
import io.hashdesk.ml.registry.RetrainingSettings;
import io.hashdesk.ml.sim.PolledSnapshot;
import io.hashdesk.ml.training.ModelRetraining;
import io.hashdesk.ml.training.RetrainingRun;
import io.hashdesk.ml.training.StandardTrainers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run of a simulated month: the units on a manual clock, polled into a real SQLite store as the poller would
 * (a batch per hour, rollups every six hours) beside each room's intake air as the demo's room sensors report it, market figures arriving as they are "fetched", the operator's preset
 * trials in the warm-up, scheduled retraining of every model family, and each measured day priced by the app's own
 * profit report. Time moves only through
 * {@link #advanceTo}, so whatever acts on the farm between two calls (the operator loop, an action's settle wait)
 * sees it exactly as the app would at that instant.
 */
final class FarmMonth implements AutoCloseable {

    static final String SITE_ID = "demo-farm";
    private static final Duration INGEST_BATCH = Duration.ofHours(1);
    private static final Duration MAINTENANCE_EVERY = Duration.ofHours(6);
    /** Rack layout as the app's demo farm registers it: slots per shelf, shelves per rack. */
    private static final int SLOTS_PER_SHELF = 5;
    private static final int SHELVES_PER_RACK = 4;
    private static final int FIRST_PORT = 20_000;
    /** A unit within 2 % of its true optimum J/TH counts as at it (the power optimiser's own target). */
    private static final double AT_OPTIMUM = 0.02;
    /** A few hours of the farm as configured before the operator's preset trials begin. */
    private static final Duration TRIALS_AFTER = Duration.ofHours(6);

    private final MonthScenario scenario;
    private final SimulationClock clock;
    private final SimulatedFleet fleet;
    private final SqliteFarmStore store;
    private final Path dataFolder;
    private final ModelRegistry registry;
    private final ModelRetraining retraining;
    private final FarmProfitability profitability;
    private final MarketFeed market;
    private final PresetTrials trials;
    private final MinerModelCatalog catalog;
    private final Map<MinerId, Algorithm> algorithmOf;
    private final List<TelemetrySnapshot> batch = new ArrayList<>();
    private final List<SensorReading> airBatch = new ArrayList<>();
    private final List<DayFigures> days = new ArrayList<>();
    private final List<RetrainingRun> retrainingRuns = new ArrayList<>();
    private Instant nextPoll;
    private Instant nextIngest;
    private Instant nextMaintenance;
    private Instant nextRetraining;
    private LocalDate nextDayToPrice;
    private long retrainingNanos;
    private DayFigures.Hashing hashingToday = DayFigures.Hashing.NONE;

    private FarmMonth(MonthScenario scenario, SimulationClock clock, SimulatedFleet fleet, SqliteFarmStore store,
                      Path databaseFile, Path dataFolder, DemoEconomicsFile economics) {
        this.scenario = scenario;
        this.clock = clock;
        this.fleet = fleet;
        this.store = store;
        this.dataFolder = dataFolder;
        this.catalog = MinerModelCatalog.bundled();
        this.registry = new ModelRegistry(store.modelVersions(), ModelRegistry.artifactFolderBeside(databaseFile),
                RegistrySettings.defaults(), new DriftCheck(DriftSettings.defaults()), clock);
        this.retraining = new ModelRetraining(store, registry, new RetrainingSchedule(RetrainingSettings.defaults()),
                StandardTrainers.all(catalog, dataFolder), clock);
        this.profitability = new FarmProfitability(store, CoinCatalog.bundled(), catalog,
                ProfitSettings.inDataFolder(dataFolder), MarketSettings.defaults().staleAfter(), clock);
        this.market = MarketFeed.of(scenario, economics, store.market());
        Instant start = scenario.start();
        this.trials = PresetTrials.plan(fleet.miners(), start.plus(TRIALS_AFTER));
        Instant trialsEnd = trials.end(start.plus(TRIALS_AFTER));
        if (trialsEnd.isAfter(scenario.measuredFrom())) {
            throw new IllegalArgumentException("the warm-up of " + scenario.warmUp() + " is too short for the"
                    + " operator's preset trials, which end at " + trialsEnd);
        }
        this.algorithmOf = new HashMap<>();
        store.registry().miners().forEach(m -> algorithmOf.put(m.id(),
                catalog.byId(m.modelId()).orElseThrow().algorithm()));
        this.nextPoll = start;
        this.nextIngest = start.plus(INGEST_BATCH);
        this.nextMaintenance = start.plus(MAINTENANCE_EVERY);
        // Hashdesk first trains once the operator's trials are over: a curve fitted to one setting per unit would
        // stand for a week (its retraining interval) and propose nothing.
        this.nextRetraining = trialsEnd;
        this.nextDayToPrice = LocalDate.ofInstant(scenario.measuredFrom(), ZoneOffset.UTC);
    }

    /**
     * Builds the farm at the scenario's start in {@code directory} (the database, the model artifacts and an empty
     * data folder, so every setting is its bundled default).
     */
    static FarmMonth start(MonthScenario scenario, Path farmEconomicsFile, Path directory) {
        SimulationClock clock = SimulationClock.manual(scenario.start());
        Path databaseFile = directory.resolve("farm.db");
        Path dataFolder = directory.resolve("data");
        SqliteFarmStore store = SqliteFarmStore.open(databaseFile, StoreSettings.defaults(), clock);
        try {
            SimulatedFleet fleet = SimulatedFleet.create(clock, ModelLibrary.bundled(), scenario.units(),
                    scenario.farm().ambientByRoom(), scenario.farm().rooms().getFirst().ambient(),
                    scenario.subStep());
            register(scenario, fleet, store);
            DemoEconomicsFile economics = DemoEconomicsFile.read(farmEconomicsFile);
            economics.install(store);
            FarmMonth month = new FarmMonth(scenario, clock, fleet, store, databaseFile, dataFolder, economics);
            month.market.catchUp(scenario.start());
            return month;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static void register(MonthScenario scenario, SimulatedFleet fleet, SqliteFarmStore store) {
        store.registry().saveSite(new Site(SITE_ID, scenario.farm().name(), ZoneOffset.UTC));
        scenario.farm().rooms().forEach(room -> store.registry().saveRoom(new Room(room.id(), SITE_ID, room.name())));
        Map<String, Integer> placedPerRoom = new LinkedHashMap<>();
        int port = FIRST_PORT;
        for (SimulatedMiner miner : fleet.miners()) {
            String room = miner.identity().room();
            int place = placedPerRoom.merge(room, 1, Integer::sum) - 1;
            int perRack = SLOTS_PER_SHELF * SHELVES_PER_RACK;
            RackPosition position = new RackPosition(room, "R" + (place / perRack + 1),
                    place % perRack / SLOTS_PER_SHELF + 1, place % SLOTS_PER_SHELF + 1);
            store.registry().saveMiner(new Miner(MinerId.of(miner.id()), SITE_ID, position,
                    new MinerAddress("127.0.0.1", port, port), miner.model().catalog().id(),
                    "Vnish " + miner.firmware(), Optional.empty()));
            port++;
        }
    }

    /**
     * Moves the farm to {@code until}: every poll instant on the way stores a snapshot of every unit, market figures
     * arrive, rollups run, retraining is checked on its schedule, and every measured day that has ended is priced.
     */
    void advanceTo(Instant until) {
        while (!nextPoll.isAfter(until)) {
            Instant t = nextPoll;
            clock.advance(Duration.between(clock.instant(), t));
            market.catchUp(t);
            trials.apply(t);
            // a day ends before the poll at its midnight, which belongs to the next day
            priceEndedDays(t);
            for (SimulatedMiner miner : fleet.miners()) {
                TelemetrySnapshot snapshot = PolledSnapshot.of(miner, miner.reading());
                batch.add(snapshot);
                countHashing(t, snapshot);
            }
            scenario.farm().ambientByRoom().forEach((room, air) -> airBatch.add(SensorReading.ok(
                    SensorId.of(room + "-intake"), new SensorPlacement(room, null, SensorPosition.INTAKE), t,
                    Map.of(SensorQuantity.TEMPERATURE_C, air.tempAt(t)))));
            if (!t.isBefore(nextIngest)) {
                ingest();
                nextIngest = t.plus(INGEST_BATCH);
            }
            if (!t.isBefore(nextMaintenance)) {
                store.telemetry().maintain(t);
                nextMaintenance = t.plus(MAINTENANCE_EVERY);
            }
            if (!t.isBefore(nextRetraining) && t.isBefore(scenario.end())) {
                retrain();
                nextRetraining = t.plus(scenario.retrainEvery());
            }
            nextPoll = t.plus(scenario.pollEvery());
        }
        if (clock.instant().isBefore(until)) {
            clock.advance(Duration.between(clock.instant(), until));
        }
    }

    private void countHashing(Instant t, TelemetrySnapshot s) {
        if (t.isBefore(scenario.measuredFrom()) || algorithmOf.get(s.minerId()) != Algorithm.SHA256
                || s.status() != MinerStatus.MINING || s.hashrateThs() == null || !(s.hashrateThs() > 0)
                || s.powerWatts() == null) {
            return;
        }
        hashingToday = hashingToday.plus(s.powerWatts(), s.hashrateThs(), scenario.pollEvery().toSeconds() / 3600.0);
    }

    /** Stores what was polled but not stored yet, so the store is current (the operator reads it next). */
    void flush() {
        ingest();
    }

    private void ingest() {
        if (!airBatch.isEmpty()) {
            store.sensors().ingest(airBatch);
            airBatch.clear();
        }
        if (batch.isEmpty()) {
            return;
        }
        IngestReport report = store.telemetry().ingest(batch);
        if (!report.allStored()) {
            throw new IllegalStateException("the store refused simulated snapshots: " + report.rejected().stream()
                    .limit(3).toList());
        }
        batch.clear();
    }

    private void priceEndedDays(Instant t) {
        Instant dayEnd = nextDayToPrice.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (t.isBefore(dayEnd) || dayEnd.isAfter(scenario.end())) {
            return;
        }
        ingest();
        store.telemetry().maintain(t);
        days.add(DayFigures.of(nextDayToPrice, profitability.day(nextDayToPrice).profit(), algorithmOf,
                hashingToday));
        hashingToday = DayFigures.Hashing.NONE;
        nextDayToPrice = nextDayToPrice.plusDays(1);
    }

    private void retrain() {
        ingest();
        long began = System.nanoTime();
        retrainingRuns.add(retraining.run(TrainingProgress.NONE));
        retrainingNanos += System.nanoTime() - began;
    }

    MonthScenario scenario() {
        return scenario;
    }

    SimulationClock clock() {
        return clock;
    }

    SimulatedFleet fleet() {
        return fleet;
    }

    SqliteFarmStore store() {
        return store;
    }

    /** The data folder the settings files are read from (none are written: every setting is its default). */
    Path dataFolder() {
        return dataFolder;
    }

    ModelRegistry registry() {
        return registry;
    }

    MinerModelCatalog catalog() {
        return catalog;
    }

    FarmProfitability profitability() {
        return profitability;
    }

    Algorithm algorithmOf(MinerId miner) {
        return algorithmOf.get(miner);
    }

    /** The measured days priced so far, oldest first. */
    List<DayFigures> days() {
        return List.copyOf(days);
    }

    /**
     * The measured days and, from the simulator's ground truth at the end, how far each SHA-256 unit's last-day
     * J/TH lies above its true best-efficiency setting (ambient, dust and fans as they are at the end).
     */
    RunFigures figures() {
        if (days.isEmpty()) {
            throw new IllegalStateException("no measured day has ended yet");
        }
        FleetProfit lastDay = profitability.day(days.getLast().day()).profit();
        double gapSum = 0;
        int judged = 0;
        int atOptimum = 0;
        for (MinerProfit miner : lastDay.miners()) {
            OperatingPoint best = fleet.miner(miner.miner().value()).orElseThrow().groundTruth().bestPoint();
            if (algorithmOf.get(miner.miner()) != Algorithm.SHA256 || best == null || !(miner.hashrateThs() > 0)) {
                continue;
            }
            double gap = miner.efficiencyJPerTh() / best.efficiencyJPerTh() - 1;
            gapSum += gap;
            judged++;
            atOptimum += gap <= AT_OPTIMUM ? 1 : 0;
        }
        return new RunFigures(days, judged == 0 ? Double.NaN : 100 * gapSum / judged, atOptimum, judged);
    }

    /** Preset switches the operator's trials made in the warm-up. */
    int trialSwitches() {
        return trials.switches();
    }

    List<RetrainingRun> retrainingRuns() {
        return List.copyOf(retrainingRuns);
    }

    Duration retrainingTime() {
        return Duration.ofNanos(retrainingNanos);
    }

    @Override
    public void close() {
        fleet.close();
        store.close();
    }
}
