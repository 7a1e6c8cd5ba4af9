package io.hashdesk.core.store.sqlite;

import io.hashdesk.core.domain.HashboardReading;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Binary form of one {@link StoredSnapshot}, lossless, for the recent and latest tables. Compact and fast
 * to write (one blob per poll instead of a column per field); the miner and time live in the row's key.
 * Absent values are marked in a presence mask, so "not reported" survives the round trip.
 */
final class SnapshotCodec {

    private static final byte FORMAT = 1;
    /** CRC-32C of everything before it: SQLite does not checksum pages, so damage is caught here. */
    private static final int CHECKSUM_BYTES = Integer.BYTES;

    private SnapshotCodec() {
    }

    static byte[] encode(StoredSnapshot stored) {
        TelemetrySnapshot s = stored.snapshot();
        byte[] preset = utf8(s.preset());
        byte[] pool = utf8(s.poolUrl());
        int size = 1 + 1 + 2 + 12 * Long.BYTES + 2 * 2 + preset.length + pool.length
                + 1 + s.boards().size() * (2 + 7 * Long.BYTES)
                + 1 + s.fanRpm().size() * Integer.BYTES + 3 * Long.BYTES + CHECKSUM_BYTES;
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(FORMAT).put((byte) s.status().code());
        Object[] scalars = {s.hashrateThs(), s.hashrateAvgThs(), s.chipTempMaxC(), s.boardTempMaxC(), s.fanPercent(),
            s.powerWatts(), s.voltageVolts(), s.frequencyMhz(), s.acceptedShares(), s.rejectedShares(),
            s.hardwareErrors(), s.uptime() == null ? null : s.uptime().toMillis(), s.preset(), s.poolUrl()};
        out.putShort((short) presenceMask(scalars));
        for (Object value : scalars) {
            switch (value) {
                case null -> { }
                case Double d -> out.putDouble(d);
                case Long l -> out.putLong(l);
                case String text -> {
                    byte[] bytes = text == s.preset() ? preset : pool;
                    out.putShort((short) bytes.length).put(bytes);
                }
                default -> throw new IllegalStateException("Unexpected field type " + value.getClass());
            }
        }
        out.put((byte) s.boards().size());
        for (HashboardReading b : s.boards()) {
            Object[] fields = {b.hashrateThs(), b.chipTempMaxC(), b.boardTempMaxC(), b.frequencyMhz(), b.voltageVolts(),
                b.powerWatts(), b.hardwareErrors()};
            out.put((byte) b.index()).put((byte) presenceMask(fields));
            for (Object value : fields) {
                if (value instanceof Double d) {
                    out.putDouble(d);
                } else if (value instanceof Long l) {
                    out.putLong(l);
                }
            }
        }
        out.put((byte) s.fanRpm().size());
        s.fanRpm().forEach(out::putInt);
        out.putLong(stored.acceptedDelta()).putLong(stored.rejectedDelta()).putLong(stored.hardwareErrorDelta());
        out.putInt(checksum(out.array(), out.position()));
        byte[] result = new byte[out.position()];
        out.flip().get(result);
        return result;
    }

    static StoredSnapshot decode(MinerId minerId, long takenAtMs, byte[] blob) {
        try {
            if (blob.length < CHECKSUM_BYTES
                    || checksum(blob, blob.length - CHECKSUM_BYTES) != ByteBuffer.wrap(blob, blob.length - CHECKSUM_BYTES,
                    CHECKSUM_BYTES).getInt()) {
                throw new IllegalArgumentException("checksum does not match: the stored bytes were damaged");
            }
            ByteBuffer in = ByteBuffer.wrap(blob, 0, blob.length - CHECKSUM_BYTES);
            if (in.get() != FORMAT) {
                throw new IllegalArgumentException("unknown snapshot format " + blob[0]);
            }
            MinerStatus status = MinerStatus.ofCode(in.get());
            int mask = in.getShort() & 0xFFFF;
            Double hashrate = dbl(in, mask, 0);
            Double hashrateAvg = dbl(in, mask, 1);
            Double chipTemp = dbl(in, mask, 2);
            Double boardTemp = dbl(in, mask, 3);
            Double fanPercent = dbl(in, mask, 4);
            Double power = dbl(in, mask, 5);
            Double voltage = dbl(in, mask, 6);
            Double frequency = dbl(in, mask, 7);
            Long accepted = lng(in, mask, 8);
            Long rejected = lng(in, mask, 9);
            Long hwErrors = lng(in, mask, 10);
            Long uptimeMs = lng(in, mask, 11);
            String preset = str(in, mask, 12);
            String pool = str(in, mask, 13);
            int boardCount = in.get();
            List<HashboardReading> boards = new ArrayList<>(boardCount);
            for (int i = 0; i < boardCount; i++) {
                int index = in.get();
                int bm = in.get() & 0xFF;
                boards.add(new HashboardReading(index, dbl(in, bm, 0), dbl(in, bm, 1), dbl(in, bm, 2), dbl(in, bm, 3),
                        dbl(in, bm, 4), dbl(in, bm, 5), lng(in, bm, 6)));
            }
            int fanCount = in.get();
            List<Integer> fans = new ArrayList<>(fanCount);
            for (int i = 0; i < fanCount; i++) {
                fans.add(in.getInt());
            }
            TelemetrySnapshot snapshot = new TelemetrySnapshot(minerId, Instant.ofEpochMilli(takenAtMs), status,
                    hashrate, hashrateAvg, boards, chipTemp, boardTemp, fans, fanPercent, power, voltage, frequency,
                    preset, pool, accepted, rejected, hwErrors, uptimeMs == null ? null : Duration.ofMillis(uptimeMs));
            StoredSnapshot stored = new StoredSnapshot(snapshot, in.getLong(), in.getLong(), in.getLong());
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " unexpected bytes after the last field");
            }
            return stored;
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new CorruptDataException("Stored snapshot of " + minerId + " at " + Instant.ofEpochMilli(takenAtMs)
                    + " is unreadable: " + e.getMessage(), e);
        }
    }

    private static int checksum(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    private static int presenceMask(Object[] values) {
        int mask = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                mask |= 1 << i;
            }
        }
        return mask;
    }

    private static byte[] utf8(String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
    }

    private static Double dbl(ByteBuffer in, int mask, int bit) {
        return (mask & (1 << bit)) != 0 ? in.getDouble() : null;
    }

    private static Long lng(ByteBuffer in, int mask, int bit) {
        return (mask & (1 << bit)) != 0 ? in.getLong() : null;
    }

    private static String str(ByteBuffer in, int mask, int bit) {
        if ((mask & (1 << bit)) == 0) {
            return null;
        }
        byte[] bytes = new byte[in.getShort() & 0xFFFF];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
