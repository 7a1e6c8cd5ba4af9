package io.hashdesk.core.store.sqlite;

import io.hashdesk.core.domain.HashboardReading;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How an hour of one miner's snapshots maps onto the columns of a {@link ColumnChunkCodec} chunk (tier 0).
 * Shape: number of board slots, number of fan slots. Boards present in a snapshot are marked in a bit mask
 * so a board that reported nothing stays apart from a board that was not there.
 */
final class RawChunkLayout {

    private static final int TS = 0;
    private static final int STATUS = 1;
    private static final int HASHRATE = 2;
    private static final int HASHRATE_AVG = 3;
    private static final int CHIP_TEMP = 4;
    private static final int BOARD_TEMP = 5;
    private static final int FAN_PERCENT = 6;
    private static final int POWER = 7;
    private static final int VOLTAGE = 8;
    private static final int FREQUENCY = 9;
    private static final int ACCEPTED = 10;
    private static final int REJECTED = 11;
    private static final int HW_ERRORS = 12;
    private static final int UPTIME_MS = 13;
    private static final int PRESET = 14;
    private static final int POOL = 15;
    private static final int ACCEPTED_DELTA = 16;
    private static final int REJECTED_DELTA = 17;
    private static final int HW_DELTA = 18;
    private static final int BOARD_MASK = 19;
    private static final int FAN_COUNT = 20;
    private static final int FIXED = 21;
    private static final int PER_BOARD = 7;

    private RawChunkLayout() {
    }

    static byte[] encode(List<StoredSnapshot> snapshots, Connection writer, LabelDictionary labels) throws SQLException {
        int n = snapshots.size();
        int boardSlots = 0;
        int fanSlots = 0;
        for (StoredSnapshot stored : snapshots) {
            for (HashboardReading b : stored.snapshot().boards()) {
                boardSlots = Math.max(boardSlots, b.index() + 1);
            }
            fanSlots = Math.max(fanSlots, stored.snapshot().fanRpm().size());
        }
        double[][] c = new double[FIXED + boardSlots * PER_BOARD + fanSlots][n];
        for (double[] column : c) {
            Arrays.fill(column, Double.NaN);
        }
        for (int i = 0; i < n; i++) {
            StoredSnapshot stored = snapshots.get(i);
            TelemetrySnapshot s = stored.snapshot();
            c[TS][i] = s.takenAt().toEpochMilli();
            c[STATUS][i] = s.status().code();
            c[HASHRATE][i] = d(s.hashrateThs());
            c[HASHRATE_AVG][i] = d(s.hashrateAvgThs());
            c[CHIP_TEMP][i] = d(s.chipTempMaxC());
            c[BOARD_TEMP][i] = d(s.boardTempMaxC());
            c[FAN_PERCENT][i] = d(s.fanPercent());
            c[POWER][i] = d(s.powerWatts());
            c[VOLTAGE][i] = d(s.voltageVolts());
            c[FREQUENCY][i] = d(s.frequencyMhz());
            c[ACCEPTED][i] = d(s.acceptedShares());
            c[REJECTED][i] = d(s.rejectedShares());
            c[HW_ERRORS][i] = d(s.hardwareErrors());
            c[UPTIME_MS][i] = s.uptime() == null ? Double.NaN : s.uptime().toMillis();
            c[PRESET][i] = labels.idOf(writer, s.preset());
            c[POOL][i] = labels.idOf(writer, s.poolUrl());
            c[ACCEPTED_DELTA][i] = stored.acceptedDelta();
            c[REJECTED_DELTA][i] = stored.rejectedDelta();
            c[HW_DELTA][i] = stored.hardwareErrorDelta();
            int mask = 0;
            for (HashboardReading b : s.boards()) {
                mask |= 1 << b.index();
                int base = FIXED + b.index() * PER_BOARD;
                c[base][i] = d(b.hashrateThs());
                c[base + 1][i] = d(b.chipTempMaxC());
                c[base + 2][i] = d(b.boardTempMaxC());
                c[base + 3][i] = d(b.frequencyMhz());
                c[base + 4][i] = d(b.voltageVolts());
                c[base + 5][i] = d(b.powerWatts());
                c[base + 6][i] = d(b.hardwareErrors());
            }
            c[BOARD_MASK][i] = mask;
            c[FAN_COUNT][i] = s.fanRpm().size();
            for (int f = 0; f < s.fanRpm().size(); f++) {
                c[FIXED + boardSlots * PER_BOARD + f][i] = s.fanRpm().get(f);
            }
        }
        return ColumnChunkCodec.encode(new int[] {boardSlots, fanSlots}, n, c, ColumnChunkCodec.RAW_SIGNIFICANT_DIGITS);
    }

    static List<StoredSnapshot> decode(MinerId miner, byte[] payload, Connection conn, LabelDictionary labels)
            throws SQLException {
        ColumnChunkCodec.Columns columns = ColumnChunkCodec.decode(payload);
        if (columns.shape().length != 2) {
            throw new IllegalArgumentException("raw chunk has " + columns.shape().length + " shape values, expected 2");
        }
        int boardSlots = columns.shape()[0];
        int fanSlots = columns.shape()[1];
        double[][] c = columns.values();
        if (boardSlots > HashboardReading.MAX_BOARDS || fanSlots > TelemetrySnapshot.MAX_FANS
                || c.length != FIXED + boardSlots * PER_BOARD + fanSlots) {
            throw new IllegalArgumentException("raw chunk columns do not match its shape");
        }
        List<StoredSnapshot> out = new ArrayList<>(columns.entries());
        for (int i = 0; i < columns.entries(); i++) {
            int mask = (int) c[BOARD_MASK][i];
            List<HashboardReading> boards = new ArrayList<>();
            for (int b = 0; b < boardSlots; b++) {
                if ((mask & (1 << b)) != 0) {
                    int base = FIXED + b * PER_BOARD;
                    boards.add(new HashboardReading(b, boxed(c[base][i]), boxed(c[base + 1][i]), boxed(c[base + 2][i]),
                            boxed(c[base + 3][i]), boxed(c[base + 4][i]), boxed(c[base + 5][i]), longOrNull(c[base + 6][i])));
                }
            }
            int fanCount = (int) c[FAN_COUNT][i];
            List<Integer> fans = new ArrayList<>(fanCount);
            for (int f = 0; f < fanCount; f++) {
                fans.add((int) c[FIXED + boardSlots * PER_BOARD + f][i]);
            }
            Long uptimeMs = longOrNull(c[UPTIME_MS][i]);
            TelemetrySnapshot snapshot = new TelemetrySnapshot(miner, Instant.ofEpochMilli((long) c[TS][i]),
                    MinerStatus.ofCode((int) c[STATUS][i]), boxed(c[HASHRATE][i]), boxed(c[HASHRATE_AVG][i]), boards,
                    boxed(c[CHIP_TEMP][i]), boxed(c[BOARD_TEMP][i]), fans, boxed(c[FAN_PERCENT][i]),
                    boxed(c[POWER][i]), boxed(c[VOLTAGE][i]), boxed(c[FREQUENCY][i]),
                    labels.textOf(conn, c[PRESET][i]), labels.textOf(conn, c[POOL][i]),
                    longOrNull(c[ACCEPTED][i]), longOrNull(c[REJECTED][i]), longOrNull(c[HW_ERRORS][i]),
                    uptimeMs == null ? null : Duration.ofMillis(uptimeMs));
            out.add(new StoredSnapshot(snapshot, (long) c[ACCEPTED_DELTA][i], (long) c[REJECTED_DELTA][i],
                    (long) c[HW_DELTA][i]));
        }
        return out;
    }

    static double d(Double value) {
        return value == null ? Double.NaN : value;
    }

    static double d(Long value) {
        return value == null ? Double.NaN : value;
    }

    static Double boxed(double value) {
        return Double.isNaN(value) ? null : value;
    }

    static Long longOrNull(double value) {
        return Double.isNaN(value) ? null : (long) value;
    }
}
