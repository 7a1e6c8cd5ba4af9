package io.hashdesk.core.store.sqlite;

import io.hashdesk.core.domain.HashboardReading;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How rollup {@link Bucket}s map onto the columns of a {@link ColumnChunkCodec} chunk (tiers 1 and 2).
 * Shape: board slots, fan slots. Quantities with extremes keep min, mean and max; the rest a mean.
 */
final class BucketChunkLayout {

    private static final int START = 0;
    private static final int SAMPLES = 1;
    private static final int HASHING = 2;
    private static final int REPORTING = 3;
    private static final int LAST_STATUS = 4;
    private static final int LAST_MS = 5;
    private static final int ACCEPTED_DELTA = 6;
    private static final int REJECTED_DELTA = 7;
    private static final int HW_DELTA = 8;
    private static final int PRESET = 9;
    private static final int POOL = 10;
    private static final int STATS = 11;
    private static final int FIXED = STATS + Bucket.WITH_EXTREMES * 3 + (Bucket.QUANTITIES - Bucket.WITH_EXTREMES);

    private BucketChunkLayout() {
    }

    static byte[] encode(List<Bucket> buckets, Connection writer, LabelDictionary labels) throws SQLException {
        int n = buckets.size();
        int boardSlots = buckets.stream().mapToInt(Bucket::boardSlots).max().orElse(0);
        int fanSlots = buckets.stream().mapToInt(Bucket::fanSlots).max().orElse(0);
        double[][] c = new double[FIXED + boardSlots * Bucket.BOARD_QUANTITIES + fanSlots][n];
        for (double[] column : c) {
            Arrays.fill(column, Double.NaN);
        }
        for (int i = 0; i < n; i++) {
            Bucket b = buckets.get(i);
            c[START][i] = b.startMs;
            c[SAMPLES][i] = b.samples;
            c[HASHING][i] = b.hashing;
            c[REPORTING][i] = b.reporting;
            c[LAST_STATUS][i] = b.lastStatus.code();
            // stored relative to the bucket start so the column stays small
            c[LAST_MS][i] = b.lastMs - b.startMs;
            c[ACCEPTED_DELTA][i] = b.acceptedDelta;
            c[REJECTED_DELTA][i] = b.rejectedDelta;
            c[HW_DELTA][i] = b.hardwareErrorDelta;
            c[PRESET][i] = labels.idOf(writer, b.preset);
            c[POOL][i] = labels.idOf(writer, b.poolUrl);
            int col = STATS;
            for (int q = 0; q < Bucket.QUANTITIES; q++) {
                boolean reported = b.weight[q] > 0;
                if (q < Bucket.WITH_EXTREMES) {
                    c[col++][i] = reported ? b.min[q] : Double.NaN;
                    c[col++][i] = b.mean(q);
                    c[col++][i] = reported ? b.max[q] : Double.NaN;
                } else {
                    c[col++][i] = b.mean(q);
                }
            }
            for (int board = 0; board < boardSlots; board++) {
                for (int q = 0; q < Bucket.BOARD_QUANTITIES; q++) {
                    c[FIXED + board * Bucket.BOARD_QUANTITIES + q][i] = b.boardMean(board, q);
                }
            }
            for (int f = 0; f < fanSlots; f++) {
                c[FIXED + boardSlots * Bucket.BOARD_QUANTITIES + f][i] = b.fanMean(f);
            }
        }
        return ColumnChunkCodec.encode(new int[] {boardSlots, fanSlots}, n, c, ColumnChunkCodec.ROLLUP_SIGNIFICANT_DIGITS);
    }

    static List<Bucket> decode(byte[] payload, Connection conn, LabelDictionary labels) throws SQLException {
        ColumnChunkCodec.Columns columns = ColumnChunkCodec.decode(payload);
        if (columns.shape().length != 2) {
            throw new IllegalArgumentException("rollup chunk has " + columns.shape().length + " shape values, expected 2");
        }
        int boardSlots = columns.shape()[0];
        int fanSlots = columns.shape()[1];
        double[][] c = columns.values();
        if (boardSlots > HashboardReading.MAX_BOARDS || fanSlots > TelemetrySnapshot.MAX_FANS
                || c.length != FIXED + boardSlots * Bucket.BOARD_QUANTITIES + fanSlots) {
            throw new IllegalArgumentException("rollup chunk columns do not match its shape");
        }
        List<Bucket> out = new ArrayList<>(columns.entries());
        for (int i = 0; i < columns.entries(); i++) {
            Bucket b = new Bucket((long) c[START][i]);
            b.samples = (int) c[SAMPLES][i];
            b.hashing = (int) c[HASHING][i];
            b.reporting = (int) c[REPORTING][i];
            b.acceptedDelta = (long) c[ACCEPTED_DELTA][i];
            b.rejectedDelta = (long) c[REJECTED_DELTA][i];
            b.hardwareErrorDelta = (long) c[HW_DELTA][i];
            b.noteLast(b.startMs + (long) c[LAST_MS][i], MinerStatus.ofCode((int) c[LAST_STATUS][i]),
                    labels.textOf(conn, c[PRESET][i]), labels.textOf(conn, c[POOL][i]));
            int col = STATS;
            for (int q = 0; q < Bucket.QUANTITIES; q++) {
                // a quantity reported by some snapshot still counts when none of them measured the main ones
                double weight = Math.max(1, q == Bucket.HASHRATE ? b.samples : b.reporting);
                if (q < Bucket.WITH_EXTREMES) {
                    b.restore(q, c[col][i], c[col + 1][i], c[col + 2][i], weight);
                    col += 3;
                } else {
                    b.restore(q, Double.NaN, c[col][i], Double.NaN, weight);
                    col++;
                }
            }
            for (int board = 0; board < boardSlots; board++) {
                for (int q = 0; q < Bucket.BOARD_QUANTITIES; q++) {
                    b.restoreBoard(board, q, c[FIXED + board * Bucket.BOARD_QUANTITIES + q][i],
                            Math.max(1, b.reporting));
                }
            }
            for (int f = 0; f < fanSlots; f++) {
                b.restoreFan(f, c[FIXED + boardSlots * Bucket.BOARD_QUANTITIES + f][i], Math.max(1, b.reporting));
            }
            out.add(b);
        }
        return out;
    }
}
