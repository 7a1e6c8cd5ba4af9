package io.hashdesk.core.bench;

import io.hashdesk.core.action.SettingValues;
import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.profit.FarmProfitReport;
import io.hashdesk.core.profit.FleetProfit;
import io.hashdesk.core.profit.MinerProfit;
import io.hashdesk.core.reco.AnomalyFinding;
import io.hashdesk.core.reco.EconomicAdviceSettings;
import io.hashdesk.core.reco.PolicyReplay;
import io.hashdesk.core.reco.EconomicEvidence;
import io.hashdesk.core.reco.Estimate;
import io.hashdesk.core.reco.ExpectedImpact;
import io.hashdesk.core.reco.FailureOutlook;
import io.hashdesk.core.reco.FarmEvidence;
import io.hashdesk.core.reco.MinerFacts;
import io.hashdesk.core.reco.OutcomeMeasurement;
import io.hashdesk.core.reco.PassReport;
import io.hashdesk.core.reco.RecommendationEngine;
import io.hashdesk.core.reco.RecommendationSettings;
import io.hashdesk.core.reco.RecommendationType;
import io.hashdesk.core.reco.SettingProposal;
import io.hashdesk.core.reco.ThermalOutlook;
import io.hashdesk.core.reco.TrackRecord;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The recommendation engine's benchmark ({@code ./mvnw -pl core -am -Pbench verify}): full passes over a synthetic
 * 5,000-miner farm — every miner with a reading, thermal and failure outlooks, most with a power proposal — through
 * the miner-level advisors, the gates, conflicts, ranking and the SQLite save. The target is under 1 s a pass.
 * Results go to stdout and {@code <out>/reco-bench.txt}.
 */
public final class RecommendationBench {

    private static final int MINERS = 5_000;
    private static final int ROOMS = 10;
    private static final int WARM_UP = 5;
    private static final int RUNS = 15;
    private static final Instant START = Instant.parse("2026-12-01T12:00:00Z");

    private RecommendationBench() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
        Files.createDirectories(out);
        Path db = Files.createTempDirectory(out, "reco").resolve("farm.db");
        RecommendationSettings settings = RecommendationSettings.defaults();
        FarmEvidence evidence = evidence(new SplittableRandom(7));
        StringBuilder report = new StringBuilder();
        try (SqliteFarmStore store = SqliteFarmStore.open(db, StoreSettings.defaults(), Clock.systemUTC())) {
            RecommendationEngine engine = new RecommendationEngine(RecommendationEngine.allAdvisors(settings, EconomicAdviceSettings.defaults(), PolicyReplay.none()),
                    store.recommendations(), new OutcomeMeasurement(store.telemetry(), settings.outcomes()), settings);
            double[] advisorsOnly = time(i -> RecommendationEngine.allAdvisors(settings, EconomicAdviceSettings.defaults(), PolicyReplay.none()).forEach(a ->
                    a.advise(evidence, START, TrackRecord.none())));
            PassReport[] last = new PassReport[1];
            double[] passes = time(i -> last[0] = engine.run(evidence, START.plus(Duration.ofMinutes(15L * i))));
            report.append(String.format(Locale.ROOT, "Recommendation pass over %,d miners in %d rooms (JDK %s, %d cores)%n",
                    MINERS, ROOMS, Runtime.version(), Runtime.getRuntime().availableProcessors()));
            report.append(String.format(Locale.ROOT, "  advisors only:          median %6.1f ms, max %6.1f ms (%d runs)%n",
                    median(advisorsOnly), max(advisorsOnly), RUNS));
            report.append(String.format(Locale.ROOT, "  full pass incl. SQLite: median %6.1f ms, max %6.1f ms (%d runs)%n",
                    median(passes), max(passes), RUNS));
            report.append(String.format(Locale.ROOT, "  last pass: %d shown, %d dropped, save %s%n",
                    last[0].shown().size(), last[0].dropped().size(), last[0].saved()));
        }
        Files.writeString(out.resolve("reco-bench.txt"), report, StandardCharsets.UTF_8);
        PrintStream console = System.out;
        console.print(report);
    }

    private interface Run {
        void run(int index);
    }

    private static double[] time(Run run) {
        for (int i = 0; i < WARM_UP; i++) {
            run.run(i);
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            run.run(WARM_UP + i);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return millis;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    /** A farm in ten rooms: 60 % with a POWER proposal, 10 % OVERCLOCK, 8 % short of headroom, 5 % failing. */
    static FarmEvidence evidence(SplittableRandom random) {
        List<MinerFacts> miners = new ArrayList<>(MINERS);
        List<SettingProposal> proposals = new ArrayList<>();
        List<ThermalOutlook> thermal = new ArrayList<>(MINERS);
        List<FailureOutlook> failures = new ArrayList<>(MINERS);
        List<AnomalyFinding> anomalies = new ArrayList<>();
        List<MinerProfit> profits = new ArrayList<>(MINERS);
        for (int i = 0; i < MINERS; i++) {
            MinerId id = MinerId.of(String.format(Locale.ROOT, "m-%05d", i));
            String room = "room-" + (i % ROOMS);
            String model = i % 3 == 0 ? "antminer-s19j-pro" : i % 3 == 1 ? "antminer-s19-xp" : "antminer-s21";
            Miner miner = new Miner(id, "site-1", new RackPosition(room, "R" + (i / 40 % 20 + 1), i % 40 / 8 + 1,
                    i % 8 + 1), new MinerAddress("10.0." + (i / 250) + "." + (i % 250 + 1), 80, 4028), model,
                    random.nextInt(20) == 0 ? "Vnish 1.3.4" : "Vnish 1.2.6", Optional.empty());
            double ths = 95 + random.nextDouble() * 10;
            double watts = 2900 + random.nextDouble() * 300;
            double fan = 40 + random.nextDouble() * 60;
            miners.add(new MinerFacts(miner, Optional.of(new TelemetrySnapshot(id, START, MinerStatus.MINING, ths, ths,
                    List.of(), 75.0, 65.0, List.of(5000, 5000, 5000, 5000), fan, watts, 13.8, 525.0, "3000",
                    "stratum+tcp://pool:3333", 1000L, 5L, 0L, Duration.ofHours(10)))));
            profits.add(new MinerProfit(id, room, ths, watts, watts * 0.024, ths * 0.05, ths * 0.05,
                    watts * 0.024 * 0.05, ths * 0.05 - watts * 0.024 * 0.05, 0.08, 0.03, watts / ths, 0.04));
            double roll = random.nextDouble();
            if (roll < 0.7) {
                boolean overclock = roll >= 0.6;
                double gain = 0.05 + random.nextDouble() * 0.6;
                int step = 100 * (1 + random.nextInt(3));
                proposals.add(new SettingProposal(id, overclock ? RecommendationType.OVERCLOCK : RecommendationType.POWER,
                        overclock ? SettingValues.none().withClocks(525, 13.8) : SettingValues.none().withPreset("3000"),
                        overclock ? SettingValues.none().withClocks(500, 13.4)
                                : SettingValues.none().withPreset(String.valueOf(3000 - step)),
                        new ExpectedImpact(new Estimate(-2, -3, -1), new Estimate(-step, -step - 40, -step + 40),
                                new Estimate(-1.2, -1.8, -0.6), new Estimate(gain, gain * 0.5, gain * 1.5)),
                        0.8 + random.nextDouble() * 0.2, random.nextInt(4) != 0, 8 + random.nextInt(20),
                        "efficiency/" + model + "@3"));
            }
            boolean hot = random.nextDouble() < 0.08;
            double high = hot ? 86 + random.nextDouble() * 6 : 70 + random.nextDouble() * 10;
            thermal.add(new ThermalOutlook(id, 26 + random.nextDouble() * 8, "room sensor",
                    new Estimate(high - 4, high - 8, high), 90, hot ? 2700 : null, hot ? new Estimate(82, 80, 84) : null,
                    random.nextDouble() * 25, "thermal/" + room + "@2"));
            failures.add(new FailureOutlook(id, random.nextDouble() < 0.05 ? 0.3 + random.nextDouble() * 0.6
                    : random.nextDouble() * 0.2, Duration.ofDays(7), random.nextBoolean() ? "FAN" : "HASHBOARD",
                    List.of("slowest fan 2,100 rpm"), "maintenance/fleet@3"));
            if (random.nextDouble() < 0.02) {
                anomalies.add(new AnomalyFinding(id, 0.8 + random.nextDouble() * 0.2,
                        List.of("hardware errors 12× the fleet's median"), "anomaly/fleet@1"));
            }
        }
        FleetProfit fleet = FleetProfit.of(START, START.plus(Duration.ofDays(1)), "USD", profits);
        return new FarmEvidence(miners, proposals, thermal, failures, anomalies, List.of(),
                new EconomicEvidence(new FarmProfitReport(fleet, Map.of(), Map.of(), Map.of(), List.of())));
    }
}
