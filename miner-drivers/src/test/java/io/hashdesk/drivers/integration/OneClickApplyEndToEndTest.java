package io.hashdesk.drivers.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.action.ActionPlan;
import io.hashdesk.core.action.ActionSettings;
import io.hashdesk.core.action.ActionState;
import io.hashdesk.core.action.AuditEntry;
import io.hashdesk.core.action.AuditQuery;
import io.hashdesk.core.action.MinerRecord;
import io.hashdesk.core.action.MinerState;
import io.hashdesk.core.action.SettingChange;
import io.hashdesk.core.action.SettingValues;
import io.hashdesk.core.action.WriteKind;
import io.hashdesk.core.action.WriteOutcome;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.reco.Estimate;
import io.hashdesk.core.reco.ExpectedImpact;
import io.hashdesk.core.reco.Recommendation;
import io.hashdesk.core.reco.RecommendationTarget;
import io.hashdesk.core.reco.RecommendationType;
import io.hashdesk.core.reco.TargetScope;
import io.hashdesk.core.reco.Urgency;
import io.hashdesk.drivers.api.SettingsChange;
import io.hashdesk.drivers.sim.MinerBlueprint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7's proofs (a) and (b), end to end: a recommendation applied in one click through the real executor, port,
 * Vnish driver and SQLite journal to a simulated miner, whose measured J/TH then lands where the recommendation said;
 * and a bad setting the miner cannot hash at, rolled back by the executor's watch without anyone asking.
 */
class OneClickApplyEndToEndTest {

    private static final String ID = "s19-a";
    private static final MinerId MINER = MinerId.of(ID);
    /** Long enough for the mining restart, the start-up and the thermal lag after a preset change. */
    private static final Duration WARMUP = Duration.ofMinutes(10);
    private static final int SAMPLES = 10;

    @TempDir
    Path dataFolder;
    private ActionBench bench;

    @AfterEach
    void stop() {
        if (bench != null) {
            bench.close();
        }
    }

    private static MinerBlueprint s19() {
        return MinerBlueprint.of(ID, ActionBench.MODEL, "1.3.4", 71).withPreset("3000", List.of("3000", "2710"));
    }

    @Test
    void aPowerRecommendationAppliedInOneClickImprovesMeasuredEfficiencyWithinItsInterval() throws Exception {
        bench = new ActionBench(dataFolder, ActionSettings.defaults(), List.of(s19()));
        bench.advance(WARMUP);
        Estimate predictedBefore = TwinForecast.efficiencyJPerTh(s19(), WARMUP, SettingsChange.none(),
                Duration.ZERO, SAMPLES);
        Estimate predictedAfter = TwinForecast.efficiencyJPerTh(s19(), WARMUP,
                SettingsChange.none().withPreset("2710"), WARMUP, SAMPLES);
        Recommendation power = powerRecommendation(bench.port.read(MINER), predictedBefore, predictedAfter);
        double measuredBefore = meanEfficiency();

        ActionPlan plan = bench.planner.plan(power.headline(), "operator", power.id(), power.changes());
        ActionState state = bench.run(bench.executor(), plan);

        assertEquals(ActionState.KEPT, state, bench.journal().miners(plan.id()).toString());
        assertEquals("2710", bench.site.miner(ID).settings().overclock().preset());
        double measuredAfter = meanEfficiency();
        double measuredDelta = measuredAfter - measuredBefore;
        Estimate predictedDelta = power.impact().efficiencyJPerTh();
        assertTrue(measuredDelta < 0, "J/TH improves: " + measuredBefore + " → " + measuredAfter);
        assertTrue(predictedDelta.contains(measuredDelta), "measured Δ " + measuredDelta + " J/TH outside "
                + predictedDelta);
        assertTrue(predictedAfter.contains(measuredAfter), measuredAfter + " J/TH outside " + predictedAfter);
        List<AuditEntry> writes = bench.journal().audit(AuditQuery.ofAction(plan.id(), 10));
        assertEquals(1, writes.size(), writes.toString());
        assertEquals(WriteOutcome.DONE, writes.getFirst().outcome());
        assertEquals(Optional.of(SettingValues.none().withPreset("2710")), writes.getFirst().readBack());
    }

    @Test
    void aVoltageTooLowForTheClockIsRolledBackAutomaticallyAndTheMinerHashesAgain() throws Exception {
        bench = new ActionBench(dataFolder, ActionSettings.defaults(), List.of(s19()));
        bench.advance(WARMUP);
        SettingValues before = bench.port.read(MINER);
        // inside the catalog's limits (340–850 MHz, 12–15 V), but 1.2 V short of what these chips need at 675 MHz
        SettingValues starved = SettingValues.none().withClocks(675, 12.5);

        ActionPlan plan = bench.planner.plan("Undervolt test", "operator", null,
                List.of(new SettingChange(MINER, ActionBench.MODEL, presetOf(before), starved)));
        ActionState state = bench.run(bench.executor(), plan);

        MinerRecord record = bench.minerRecord(plan.id(), ID);
        assertEquals(ActionState.ROLLED_BACK, state, record.toString());
        assertEquals(MinerState.ROLLED_BACK, record.state());
        assertTrue(record.message().contains("hashrate") || record.message().contains("hardware errors"),
                record.message());
        assertEquals("3000", bench.site.miner(ID).settings().overclock().preset());
        List<AuditEntry> writes = bench.journal().audit(AuditQuery.ofAction(plan.id(), 10));
        assertTrue(writes.stream().anyMatch(w -> w.kind() == WriteKind.ROLLBACK && w.outcome() == WriteOutcome.DONE),
                writes.toString());
        bench.advance(WARMUP);
        TelemetrySnapshot after = bench.port.observe(MINER);
        assertEquals(MinerStatus.MINING, after.status());
        assertTrue(after.hashrateThs() > 80, "hashing again at the old preset: " + after.hashrateThs() + " TH/s");
    }

    /** The preset only: the change's from holds the parts its to sets. */
    private static SettingValues presetOf(SettingValues read) {
        return SettingValues.none().withPreset(read.preset());
    }

    private Recommendation powerRecommendation(SettingValues now, Estimate before, Estimate after) {
        Estimate delta = new Estimate(after.mean() - before.mean(), after.low() - before.high(),
                after.high() - before.low());
        SettingChange change = new SettingChange(MINER, ActionBench.MODEL, SettingValues.none()
                .withPreset(now.preset()), SettingValues.none().withPreset("2710"));
        return new Recommendation("power-" + ID, RecommendationType.POWER,
                new RecommendationTarget(TargetScope.MINER, ID, ActionBench.ROOM, List.of(MINER)), List.of(change),
                new ExpectedImpact(null, null, delta, null), 0.8, "Lower " + ID + " to the 2710 W preset",
                "its twin ran " + after.mean() + " J/TH at 2710 W against " + before.mean() + " at 3000 W",
                List.of(), List.of(), Urgency.MEDIUM, bench.site.clock().instant(),
                bench.site.clock().instant().plus(Duration.ofHours(6)), List.of(), 1.0, Optional.empty(), List.of());
    }

    /** Mean J/TH over {@value #SAMPLES} readings a minute apart, as the twin was read. */
    private double meanEfficiency() throws Exception {
        double sum = 0;
        for (int i = 0; i < SAMPLES; i++) {
            bench.advance(Duration.ofMinutes(1));
            sum += bench.port.observe(MINER).efficiencyJPerTh();
        }
        return sum / SAMPLES;
    }
}
