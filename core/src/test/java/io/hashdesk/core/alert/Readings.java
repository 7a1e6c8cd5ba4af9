package io.hashdesk.core.alert;

import io.hashdesk.core.domain.HashboardReading;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import java.time.Instant;
import java.util.List;

/** Synthetic readings of an S19j Pro (104 TH/s rated, 3 boards, 4 fans, 85 °C chip limit) for the rule tests. */
final class Readings {

    static final MinerId MINER = MinerId.of("A-S19JP-01");

    private Readings() {
    }

    /** A healthy miner: 100 TH/s on three boards, 70 °C, four fans at 4,000 rpm. */
    static TelemetrySnapshot healthy(Instant at) {
        return reading(at, MinerStatus.MINING, 100.0, 70.0, List.of(4000, 4000, 4000, 4000), 3);
    }

    static TelemetrySnapshot chipAt(Instant at, double chipTempC) {
        return reading(at, MinerStatus.MINING, 100.0, chipTempC, List.of(4000, 4000, 4000, 4000), 3);
    }

    static TelemetrySnapshot fans(Instant at, Integer... rpm) {
        return reading(at, MinerStatus.MINING, 100.0, 70.0, List.of(rpm), 3);
    }

    static TelemetrySnapshot hashrate(Instant at, double ths) {
        return reading(at, MinerStatus.MINING, ths, 70.0, List.of(4000, 4000, 4000, 4000), 3);
    }

    static TelemetrySnapshot boardsHashing(Instant at, int boards) {
        return reading(at, MinerStatus.MINING, 33.0 * boards, 70.0, List.of(4000, 4000, 4000, 4000), boards);
    }

    /** The same reading, taken at {@code at}. */
    static TelemetrySnapshot retaken(TelemetrySnapshot s, Instant at) {
        return new TelemetrySnapshot(s.minerId(), at, s.status(), s.hashrateThs(), s.hashrateAvgThs(), s.boards(),
                s.chipTempMaxC(), s.boardTempMaxC(), s.fanRpm(), s.fanPercent(), s.powerWatts(), s.voltageVolts(),
                s.frequencyMhz(), s.preset(), s.poolUrl(), s.acceptedShares(), s.rejectedShares(), s.hardwareErrors(),
                s.uptime());
    }

    static TelemetrySnapshot reading(Instant at, MinerStatus status, double ths, double chipC, List<Integer> fans,
                                     int hashingBoards) {
        List<HashboardReading> boards = java.util.stream.IntStream.range(0, 3)
                .mapToObj(i -> new HashboardReading(i, i < hashingBoards ? ths / Math.max(1, hashingBoards) : 0.0,
                        chipC, chipC - 10, 500.0, 13.5, 1000.0, 0L))
                .toList();
        return new TelemetrySnapshot(MINER, at, status, ths, ths, boards, chipC, chipC - 10, fans, 60.0, 3000.0,
                13.5, 500.0, "3068", "stratum+tcp://pool:3333", 1000L, 1L, 0L, java.time.Duration.ofHours(5));
    }
}
