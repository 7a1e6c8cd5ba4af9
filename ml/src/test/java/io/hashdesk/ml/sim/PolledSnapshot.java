package io.hashdesk.ml.sim;

import io.hashdesk.core.domain.HashboardReading;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.HashrateUnit;
import io.hashdesk.drivers.sim.MinerReading;
import io.hashdesk.drivers.sim.MinerState;
import io.hashdesk.drivers.sim.SimulatedMiner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the Vnish driver would store for a simulated unit's reading, built straight from the reading instead of
 * through HTTP so that weeks of history take seconds: the same fields, units and rounding as the firmware's
 * {@code /summary} and the driver's mapping of it (hashrate rounded to 0.01 of the firmware's unit, lost fans 0 rpm,
 * mean chain voltage and frequency, the operator's pools without the dev fee, time in the mining state as uptime).
 */
public final class PolledSnapshot {

    private static final double MILLIVOLTS_PER_VOLT = 1000.0;

    private PolledSnapshot() {
    }

    public static TelemetrySnapshot of(SimulatedMiner miner, MinerReading r) {
        MinerId id = MinerId.of(miner.id());
        if (!miner.reachable()) {
            return TelemetrySnapshot.unreachable(id, r.at());
        }
        HashrateUnit unit = miner.model().hashrateUnit();
        List<HashboardReading> boards = new ArrayList<>(r.boards().size());
        double voltSum = 0;
        double freqSum = 0;
        for (MinerReading.BoardReading b : r.boards()) {
            boards.add(new HashboardReading(b.id() - 1, unit.toThs(round2(b.hrRealtime())), (double) b.chipTempMaxC(),
                    (double) b.pcbTempMaxC(), b.freqMhz(), b.voltageMv() / MILLIVOLTS_PER_VOLT,
                    (double) b.powerWatts(), b.hwErrors()));
            voltSum += b.voltageMv() / MILLIVOLTS_PER_VOLT;
            freqSum += b.freqMhz();
        }
        List<Integer> fans = r.fans().stream().map(f -> f.lost() ? 0 : f.rpm()).toList();
        long accepted = 0;
        long rejected = 0;
        String activeUrl = null;
        for (MinerReading.PoolReading pool : r.pools()) {
            if (pool.devFee()) {
                continue;
            }
            accepted += pool.accepted();
            rejected += pool.rejected();
            if (activeUrl == null && pool.status() == MinerReading.PoolStatus.ACTIVE) {
                activeUrl = pool.url();
            }
        }
        int n = boards.size();
        return new TelemetrySnapshot(id, r.at(), status(r.state()), unit.toThs(round2(r.hrRealtime())),
                unit.toThs(round2(r.hrAverage())), boards, (double) r.chipTempMaxC(), (double) r.pcbTempMaxC(), fans,
                (double) r.fanDutyPercent(), (double) r.powerWatts(), n == 0 ? null : voltSum / n,
                n == 0 ? null : freqSum / n, miner.currentPreset().name(), activeUrl, accepted, rejected,
                r.hwErrors(), r.state() == MinerState.MINING ? Duration.ofSeconds(r.stateSeconds()) : null);
    }

    /** As the driver reads {@code miner_state} (MinerStateNames); OFFLINE never reaches here (unreachable). */
    private static MinerStatus status(MinerState state) {
        return switch (state) {
            case MINING -> MinerStatus.MINING;
            case INITIALIZING, STARTING, AUTO_TUNING, RESTARTING -> MinerStatus.STARTING;
            case STOPPED, SHUTTING_DOWN -> MinerStatus.STOPPED;
            case FAILURE -> MinerStatus.FAILURE;
            case OFFLINE -> MinerStatus.OFFLINE;
        };
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
