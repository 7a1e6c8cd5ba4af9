package io.hashdesk.ml.thermal;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.domain.Room;
import io.hashdesk.core.domain.Site;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.store.IngestReport;
import io.hashdesk.core.store.Resolution;
import io.hashdesk.core.store.SeriesPoint;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import io.hashdesk.drivers.sim.AmbientCurve;
import io.hashdesk.drivers.sim.MinerBlueprint;
import io.hashdesk.drivers.sim.MinerReading;
import io.hashdesk.drivers.sim.MinerSettings;
import io.hashdesk.drivers.sim.ModelLibrary;
import io.hashdesk.drivers.sim.SimulatedFleet;
import io.hashdesk.drivers.sim.SimulatedMiner;
import io.hashdesk.drivers.sim.SimulationClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Simulator history for the thermal model: units in one room whose air swings between night and day, polled once
 * a minute into a real SQLite store the way the poller would, while an operator changes presets and fan duty
 * every so often. What the model is fitted on and judged against is what the store hands back.
 */
final class SimulatedThermalHistory implements AutoCloseable {

    static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    private static final String SITE = "site";
    private static final String ROOM = "room";
    private static final Duration POLL = Duration.ofMinutes(1);
    private static final Duration INGEST_BATCH = Duration.ofHours(1);
    private static final Duration AMBIENT_SENSOR_PERIOD = Duration.ofMinutes(15);
    private static final double GH_PER_TH = 1000;

    /**
     * What the operator does in one period: every {@code changeEvery} a preset change or a fan change (manual duty
     * in {@code [minDuty, maxDuty]}, or back to auto at {@code autoTargetC}), drawn from a seeded stream.
     */
    record Operator(List<String> presets, int minDutyPercent, int maxDutyPercent, Duration changeEvery,
                    int autoTargetC) {
    }

    private final SqliteFarmStore store;
    private final AmbientCurve curve;
    private final Instant end;

    private SimulatedThermalHistory(SqliteFarmStore store, AmbientCurve curve, Instant end) {
        this.store = store;
        this.curve = curve;
        this.end = end;
    }

    /** A room at 17 °C before dawn and 29 °C in the afternoon. */
    static AmbientCurve dayNightCurve() {
        return new AmbientCurve(List.of(new AmbientCurve.Point(4, 17), new AmbientCurve.Point(15, 29)));
    }

    /**
     * Runs the units for {@code trainDays} with the training operator, then {@code testDays} with the test one.
     */
    static SimulatedThermalHistory run(Path dir, List<MinerBlueprint> units, AmbientCurve curve, int trainDays,
                                       Operator training, int testDays, Operator test, long seed) {
        SimulationClock clock = SimulationClock.manual(START);
        SqliteFarmStore store = SqliteFarmStore.open(dir.resolve("thermal.db"), StoreSettings.defaults(), clock);
        register(store, units);
        Instant testFrom = START.plus(Duration.ofDays(trainDays));
        Instant end = testFrom.plus(Duration.ofDays(testDays));
        SplittableRandom random = new SplittableRandom(seed);
        try (SimulatedFleet fleet = SimulatedFleet.create(clock, ModelLibrary.bundled(), units, Map.of(), curve,
                SimulatedFleet.DEFAULT_MAX_STEP)) {
            List<TelemetrySnapshot> batch = new ArrayList<>();
            Instant nextIngest = START.plus(INGEST_BATCH);
            Instant[] nextChange = new Instant[units.size()];
            for (int u = 0; u < units.size(); u++) {
                // Units do not all change at once; stagger their first change within the period.
                nextChange[u] = START.plus(training.changeEvery().multipliedBy(u + 1).dividedBy(units.size() + 1));
            }
            while (clock.instant().isBefore(end)) {
                Instant now = clock.instant();
                Operator operator = now.isBefore(testFrom) ? training : test;
                for (int u = 0; u < units.size(); u++) {
                    if (!now.isBefore(nextChange[u])) {
                        change(fleet.miners().get(u), operator, random);
                        nextChange[u] = now.plus(operator.changeEvery());
                    }
                }
                clock.advance(POLL);
                for (SimulatedMiner miner : fleet.miners()) {
                    batch.add(snapshot(miner.id(), miner.reading()));
                }
                if (!clock.instant().isBefore(nextIngest)) {
                    ingest(store, batch);
                    nextIngest = clock.instant().plus(INGEST_BATCH);
                }
            }
            ingest(store, batch);
        }
        return new SimulatedThermalHistory(store, curve, end);
    }

    private static void ingest(SqliteFarmStore store, List<TelemetrySnapshot> batch) {
        IngestReport report = store.telemetry().ingest(batch);
        if (!report.allStored()) {
            throw new IllegalStateException("the store rejected simulated telemetry: " + report.rejected());
        }
        batch.clear();
    }

    private static void change(SimulatedMiner miner, Operator operator, SplittableRandom random) {
        MinerSettings settings = miner.settings();
        if (random.nextBoolean()) {
            String preset = operator.presets().get(random.nextInt(operator.presets().size()));
            miner.applySettings(settings.withOverclock(settings.overclock().withPreset(preset)));
            return;
        }
        MinerSettings.Cooling c = settings.cooling();
        boolean auto = random.nextInt(4) == 0;
        int duty = operator.minDutyPercent()
                + random.nextInt(operator.maxDutyPercent() - operator.minDutyPercent() + 1);
        miner.applySettings(settings.withCooling(new MinerSettings.Cooling(
                auto ? MinerSettings.FanMode.AUTO : MinerSettings.FanMode.MANUAL, auto ? operator.autoTargetC() : duty,
                c.fanMinCount(), c.fanMinDutyPercent(), c.fanMaxDutyPercent(), c.minStartupWaterTempC())));
    }

    private static void register(SqliteFarmStore store, List<MinerBlueprint> units) {
        store.registry().saveSite(new Site(SITE, "Simulated site", ZoneId.of("UTC")));
        store.registry().saveRoom(new Room(ROOM, SITE, "Simulated room"));
        for (int i = 0; i < units.size(); i++) {
            MinerBlueprint unit = units.get(i);
            store.registry().saveMiner(new Miner(MinerId.of(unit.id()), SITE, new RackPosition(ROOM, "R1", 1, i + 1),
                    new MinerAddress("127.0.0.1", 10_000 + i, 4028), unit.modelId(), "Vnish " + unit.firmware(),
                    Optional.empty()));
        }
    }

    /** What the poller would store from this reading (SHA-256 models, whose hashrate unit is GH/s). */
    private static TelemetrySnapshot snapshot(String id, MinerReading r) {
        boolean answered = r.state() != io.hashdesk.drivers.sim.MinerState.OFFLINE;
        if (!answered) {
            return TelemetrySnapshot.unreachable(MinerId.of(id), r.at());
        }
        MinerStatus status = switch (r.state()) {
            case MINING -> MinerStatus.MINING;
            case STOPPED -> MinerStatus.STOPPED;
            case FAILURE -> MinerStatus.FAILURE;
            default -> MinerStatus.STARTING;
        };
        List<Integer> rpm = r.fans().stream().map(MinerReading.FanReading::rpm).toList();
        return new TelemetrySnapshot(MinerId.of(id), r.at(), status, r.hrRealtime() / GH_PER_TH,
                r.hrAverage() / GH_PER_TH, List.of(), (double) r.chipTempMaxC(), (double) r.pcbTempMaxC(), rpm,
                (double) r.fanDutyPercent(), (double) r.powerWatts(), null, null, null, null, null, null, null, null);
    }

    /** The series the store returns for a unit. */
    List<SeriesPoint> series(String id, Instant from, Instant to, Resolution resolution) {
        return store.telemetry().series(MinerId.of(id), from, to, resolution);
    }

    /** What a room sensor polled every quarter hour would have recorded over the whole run. */
    RoomAmbient ambient() {
        List<RoomAmbient.Reading> readings = new ArrayList<>();
        for (Instant at = START; !at.isAfter(end); at = at.plus(AMBIENT_SENSOR_PERIOD)) {
            readings.add(new RoomAmbient.Reading(at, curve.tempAt(at)));
        }
        return new RoomAmbient(readings);
    }

    Instant end() {
        return end;
    }

    /** The store the history was polled into, with the units registered as miners. */
    SqliteFarmStore store() {
        return store;
    }

    @Override
    public void close() {
        store.close();
    }
}
