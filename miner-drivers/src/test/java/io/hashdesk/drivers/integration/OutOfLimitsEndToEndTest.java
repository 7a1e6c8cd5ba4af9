package io.hashdesk.drivers.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.action.ActionExecutor;
import io.hashdesk.core.action.ActionListener;
import io.hashdesk.core.action.ActionPlan;
import io.hashdesk.core.action.ActionRecord;
import io.hashdesk.core.action.ActionRecovery;
import io.hashdesk.core.action.ActionSettings;
import io.hashdesk.core.action.ActionState;
import io.hashdesk.core.action.AuditEntry;
import io.hashdesk.core.action.AuditQuery;
import io.hashdesk.core.action.FirmwareBackup;
import io.hashdesk.core.action.MinerSettingsPort;
import io.hashdesk.core.action.PlannedChange;
import io.hashdesk.core.action.SettingChange;
import io.hashdesk.core.action.SettingValues;
import io.hashdesk.core.action.WriteOutcome;
import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.drivers.api.ManualClocks;
import io.hashdesk.drivers.api.MinerCredentials;
import io.hashdesk.drivers.api.SettingsChange;
import io.hashdesk.drivers.sim.MinerBlueprint;
import io.hashdesk.drivers.sim.MinerSettings;
import io.hashdesk.drivers.vnish.VnishDriver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7's proof (d): a setting outside the model's safe limits (an S19 is allowed 340–850 MHz) reaches a simulated
 * miner by no path: not through a plan, not through a plan handed to the executor directly, not through a manual or
 * automatic rollback to an out-of-limits past, not through recovery after a crash.
 */
class OutOfLimitsEndToEndTest {

    private static final String ID = "s19-d";
    private static final MinerId MINER = MinerId.of(ID);
    private static final SettingValues TOO_FAST = SettingValues.none().withClocks(900, 14.0);
    private static final Duration WARMUP = Duration.ofMinutes(10);

    @TempDir
    Path dataFolder;
    private ActionBench bench;

    @AfterEach
    void stop() {
        if (bench != null) {
            bench.close();
        }
    }

    private void start() {
        bench = new ActionBench(dataFolder, ActionSettings.defaults(), List.of(MinerBlueprint.of(ID,
                ActionBench.MODEL, "1.3.4", 81).withPreset("3000", List.of("3000", "2710"))));
        bench.advance(WARMUP);
    }

    /** Someone set the miner to 900 MHz outside Hashdesk, before the action: its "before" is out of limits. */
    private void overclockOutsideHashdesk() throws Exception {
        VnishDriver direct = bench.drivers.open(bench.site.address(ID), MinerCredentials.vnishDefault());
        direct.apply(SettingsChange.none().withClocks(new ManualClocks(900, 14.0))).requireAllApplied();
        bench.advance(Duration.ofMinutes(2));
    }

    private boolean runsTooFast() {
        MinerSettings.Overclock overclock = bench.site.miner(ID).settings().overclock();
        return overclock.manual() && overclock.globalFreqMhz() == 900;
    }

    private List<AuditEntry> audit(String actionId) {
        return bench.journal().audit(AuditQuery.ofAction(actionId, 20));
    }

    @Test
    void aPlanRefusesItAndTheExecutorSendsNothing() throws Exception {
        start();
        MinerSettings before = bench.site.miner(ID).settings();

        ActionPlan plan = bench.planner.plan("Overclock", "operator", null, List.of(new SettingChange(MINER,
                ActionBench.MODEL, SettingValues.none().withPreset("3000"), TOO_FAST)));

        assertTrue(plan.applicable().isEmpty());
        assertTrue(plan.refused().getFirst().refusals().toString().contains("900"), plan.toString());
        assertEquals(ActionState.FAILED, bench.run(bench.executor(), plan));
        assertTrue(audit(plan.id()).isEmpty(), "no write was even begun");
        assertEquals(before, bench.site.miner(ID).settings());
    }

    @Test
    void aPlanHandedToTheExecutorDirectlyIsRefusedAtTheWrite() throws Exception {
        start();
        SettingValues from = SettingValues.none().withPreset("3000");
        ActionPlan forged = new ActionPlan("act-forged", "Forged overclock", "operator", Optional.empty(),
                Optional.empty(), bench.site.clock().instant(), List.of(new PlannedChange(MINER, ActionBench.MODEL,
                ActionBench.ROOM, from, TOO_FAST, List.of(TOO_FAST), List.of())), List.of(List.of(MINER)));

        bench.run(bench.executor(), forged);

        List<AuditEntry> writes = audit(forged.id());
        assertTrue(writes.stream().anyMatch(w -> w.outcome() == WriteOutcome.REFUSED
                && w.message().startsWith("not sent")), writes.toString());
        assertFalse(runsTooFast());
        assertEquals("3000", bench.site.miner(ID).settings().overclock().preset());
    }

    @Test
    void aManualRollbackToAnOutOfLimitsPastIsRefused() throws Exception {
        start();
        overclockOutsideHashdesk();
        ActionPlan calm = bench.planner.plan("Back to a preset", "operator", null, List.of(new SettingChange(MINER,
                ActionBench.MODEL, TOO_FAST, SettingValues.none().withPreset("3000"))));
        assertEquals(ActionState.KEPT, bench.run(bench.executor(), calm));

        ActionPlan rollBack = bench.executor().planRollBack(calm.id(), "operator");

        assertTrue(rollBack.applicable().isEmpty(), rollBack.toString());
        assertEquals(ActionState.FAILED, bench.run(bench.executor(), rollBack));
        assertFalse(runsTooFast());
    }

    @Test
    void anAutomaticRollbackToAnOutOfLimitsPastDoesNotWriteIt() throws Exception {
        start();
        overclockOutsideHashdesk();
        ActionPlan calm = bench.planner.plan("Back to a preset", "operator", null, List.of(new SettingChange(MINER,
                ActionBench.MODEL, TOO_FAST, SettingValues.none().withPreset("3000"))));

        ActionState state = bench.run(bench.executor(new BrokenWatch(bench.port, OutOfLimitsEndToEndTest::overheated)),
                calm);

        assertTrue(bench.minerRecord(calm.id(), ID).message().contains("chip temperature"), state.toString());
        assertFalse(runsTooFast(), audit(calm.id()).toString());
    }

    @Test
    void recoveryAfterACrashDoesNotWriteAnOutOfLimitsPast() throws Exception {
        start();
        overclockOutsideHashdesk();
        ActionPlan calm = bench.planner.plan("Back to a preset", "operator", null, List.of(new SettingChange(MINER,
                ActionBench.MODEL, TOO_FAST, SettingValues.none().withPreset("3000"))));
        ExecutionException crash = assertThrows(ExecutionException.class, () -> bench.executor(new BrokenWatch(
                bench.port, reading -> {
                    throw new IllegalStateException("the app died");
                })).start(calm, ActionListener.NONE).completion().get(1, TimeUnit.MINUTES));
        assertTrue(crash.getCause() instanceof IllegalStateException, crash.toString());
        assertFalse(bench.journal().action(calm.id()).orElseThrow().state().finished());

        List<ActionRecord> recovered = new ActionRecovery(bench.port, bench.journal(), bench.validator, bench.settings,
                bench.site.clock(), bench.site::advance).recover();

        assertEquals(1, recovered.size());
        assertFalse(runsTooFast(), audit(calm.id()).toString());
    }

    /** The reading with the chips at 95 °C, over the S19's 85 °C limit. */
    private static TelemetrySnapshot overheated(TelemetrySnapshot r) {
        return new TelemetrySnapshot(r.minerId(), r.takenAt(), r.status(), r.hashrateThs(), r.hashrateAvgThs(),
                r.boards(), 95.0, r.boardTempMaxC(), r.fanRpm(), r.fanPercent(), r.powerWatts(), r.voltageVolts(),
                r.frequencyMhz(), r.preset(), r.poolUrl(), r.acceptedShares(), r.rejectedShares(),
                r.hardwareErrors(), r.uptime());
    }

    /** The port, except that every observation after the first (the watch's baseline) goes through {@code watch}. */
    private record BrokenWatch(MinerSettingsPort port, UnaryOperator<TelemetrySnapshot> watch,
                               AtomicInteger observations) implements MinerSettingsPort {

        BrokenWatch(MinerSettingsPort port, UnaryOperator<TelemetrySnapshot> watch) {
            this(port, watch, new AtomicInteger());
        }

        @Override
        public SettingValues read(MinerId miner) throws MinerAccessException {
            return port.read(miner);
        }

        @Override
        public SettingValues write(MinerId miner, SettingValues change) throws MinerAccessException {
            return port.write(miner, change);
        }

        @Override
        public FirmwareBackup backup(MinerId miner) throws MinerAccessException {
            return port.backup(miner);
        }

        @Override
        public void restore(MinerId miner, FirmwareBackup backup) throws MinerAccessException {
            port.restore(miner, backup);
        }

        @Override
        public TelemetrySnapshot observe(MinerId miner) throws MinerAccessException {
            TelemetrySnapshot reading = port.observe(miner);
            return observations.incrementAndGet() > 1 ? watch.apply(reading) : reading;
        }
    }
}
