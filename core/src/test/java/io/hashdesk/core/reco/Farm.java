package io.hashdesk.core.reco;

import io.hashdesk.core.action.SettingValues;
import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.domain.Room;
import io.hashdesk.core.domain.Site;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.profit.FarmProfitReport;
import io.hashdesk.core.profit.FleetProfit;
import io.hashdesk.core.profit.MinerProfit;
import io.hashdesk.core.store.MinerRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Synthetic evidence for advisor and engine tests: miners, their readings and what the models say of them. */
final class Farm {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final String MODEL = "antminer-s19j-pro";

    final List<MinerFacts> miners = new ArrayList<>();
    final List<SettingProposal> proposals = new ArrayList<>();
    final List<ThermalOutlook> thermal = new ArrayList<>();
    final List<FailureOutlook> failures = new ArrayList<>();
    final List<AnomalyFinding> anomalies = new ArrayList<>();
    final List<MinerProfit> profits = new ArrayList<>();

    static Miner miner(String id, String room, String firmware) {
        return miner(id, room, firmware, 1);
    }

    static Miner miner(String id, String room, String firmware, int slot) {
        return new Miner(MinerId.of(id), "site-1", new RackPosition(room, "R1", 1, slot),
                new MinerAddress("127.0.0.1", 4028, 80), MODEL, firmware, Optional.empty());
    }

    static TelemetrySnapshot reading(String id, double ths, double watts, Double fanPercent, String preset) {
        return new TelemetrySnapshot(MinerId.of(id), NOW, MinerStatus.MINING, ths, ths, List.of(), 75.0, 65.0,
                List.of(5000, 5000, 5000, 5000), fanPercent, watts, 13.8, 525.0, preset, "stratum+tcp://pool:3333",
                1000L, 5L, 0L, Duration.ofHours(10));
    }

    /** A miner hashing 100 TH/s at 3,000 W with fans at 50 %, earning $6/day. */
    Farm add(String id, String room) {
        return add(miner(id, room, "Vnish 1.2.6", miners.size() + 1), 50.0);
    }

    Farm add(Miner m, Double fanPercent) {
        miners.add(new MinerFacts(m, Optional.of(reading(m.id().value(), 100, 3000, fanPercent, "3000"))));
        profits.add(new MinerProfit(m.id(), m.position().roomId(), 100, 3000, 72, 6.0, 6.0, 3.6, 2.4, 0.083, 0.02,
                30, 0.036));
        return this;
    }

    static SettingValues preset(String watts) {
        return SettingValues.none().withPreset(watts);
    }

    static ExpectedImpact impact(double profitMean, double profitHalfWidth, double jPerThMean) {
        return new ExpectedImpact(new Estimate(-2, -3, -1), new Estimate(-250, -300, -200),
                new Estimate(jPerThMean, jPerThMean - 0.5, jPerThMean + 0.5),
                new Estimate(profitMean, profitMean - profitHalfWidth, profitMean + profitHalfWidth));
    }

    Farm propose(String id, RecommendationType type, SettingValues from, SettingValues to, ExpectedImpact impact,
                 double probabilityHolds, boolean calibrated) {
        proposals.add(new SettingProposal(MinerId.of(id), type, from, to, impact, probabilityHolds, calibrated, 12,
                "efficiency/" + id + "@1"));
        return this;
    }

    /** A plain POWER proposal: 3,000 W preset down to 2,800 W, gaining {@code profit} USD/day. */
    Farm powerProposal(String id, double profit) {
        return propose(id, RecommendationType.POWER, preset("3000"), preset("2800"), impact(profit, profit / 4, -1.5),
                0.95, true);
    }

    Farm thermal(String id, double chipHighC, double ambientC, Integer deratedWatts, double resistanceRise) {
        thermal.add(new ThermalOutlook(MinerId.of(id), ambientC, "room sensor", new Estimate(chipHighC - 4,
                chipHighC - 8, chipHighC), 90, deratedWatts, deratedWatts == null ? null : new Estimate(80, 78, 82),
                resistanceRise, "thermal/room@2"));
        return this;
    }

    Farm failure(String id, double probability, Duration horizon, String kind) {
        failures.add(new FailureOutlook(MinerId.of(id), probability, horizon, kind,
                List.of("slowest fan 2,100 rpm, 40 % below the others"), "maintenance/fleet@3"));
        return this;
    }

    Farm anomaly(String id, double score) {
        anomalies.add(new AnomalyFinding(MinerId.of(id), score, List.of("hardware errors 12× the fleet's median"),
                "anomaly/fleet@1"));
        return this;
    }

    /** Registers the site, rooms and miners, for tests that read the store's telemetry of them. */
    Farm register(MinerRegistry registry) {
        registry.saveSite(new Site("site-1", "Test site", ZoneId.of("UTC")));
        miners.stream().map(f -> f.miner().position().roomId()).distinct()
                .forEach(room -> registry.saveRoom(new Room(room, "site-1", "Room " + room)));
        miners.forEach(f -> registry.saveMiner(f.miner()));
        return this;
    }

    FarmEvidence evidence() {
        FleetProfit fleet = FleetProfit.of(NOW, NOW.plus(Duration.ofDays(1)), "USD", profits);
        return new FarmEvidence(miners, proposals, thermal, failures, anomalies, List.of(),
                new EconomicEvidence(new FarmProfitReport(fleet, Map.of(), Map.of(), Map.of(), List.of())));
    }
}
