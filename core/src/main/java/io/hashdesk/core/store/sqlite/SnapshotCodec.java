package io.hashdesk.core.store.sqlite;

import io.hashdesk.core.domain.HashboardReading;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Binary form of one {@link StoredSnapshot}, lossless, for the recent and latest tables; the miner and time
 * live in the row's key. Absent values are marked in a presence mask, so "not reported" survives the round
 * trip. Numbers are varints, and a reading is written as a decimal (digits and a power of ten) whenever that
 * gives back exactly the same double, which it does for everything firmware reports: a snapshot takes about
 * 150 bytes instead of 350, and every poll cycle writes that much less.
 */
final class SnapshotCodec {

    private static final int FORMAT = 2;
    /** CRC-32C of everything before it: SQLite does not checksum pages, so damage is caught here. */
    private static final int CHECKSUM_BYTES = Integer.BYTES;
    /** Decimal places tried for an exact short form; a value needing more is stored as its raw bits. */
    private static final int MAX_DECIMALS = 6;
    private static final int RAW_BITS = 7;
    private static final int DECIMALS_BITS = 3;
    private static final double MAX_MANTISSA = 0x1p52;
    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6};
    private static final int TYPICAL_SIZE = 192;

    private SnapshotCodec() {
    }

    static byte[] encode(StoredSnapshot stored) {
        TelemetrySnapshot s = stored.snapshot();
        VarintWriter out = new VarintWriter(TYPICAL_SIZE);
        out.unsigned(FORMAT);
        out.unsigned(s.status().code());
        Object[] scalars = {s.hashrateThs(), s.hashrateAvgThs(), s.chipTempMaxC(), s.boardTempMaxC(), s.fanPercent(),
            s.powerWatts(), s.voltageVolts(), s.frequencyMhz(), s.acceptedShares(), s.rejectedShares(),
            s.hardwareErrors(), s.uptime() == null ? null : s.uptime().toMillis(), s.preset(), s.poolUrl()};
        out.unsigned(presenceMask(scalars));
        for (Object value : scalars) {
            writeValue(out, value);
        }
        out.unsigned(s.boards().size());
        for (HashboardReading b : s.boards()) {
            Object[] fields = {b.hashrateThs(), b.chipTempMaxC(), b.boardTempMaxC(), b.frequencyMhz(), b.voltageVolts(),
                b.powerWatts(), b.hardwareErrors()};
            out.unsigned(b.index());
            out.unsigned(presenceMask(fields));
            for (Object value : fields) {
                writeValue(out, value);
            }
        }
        out.unsigned(s.fanRpm().size());
        s.fanRpm().forEach(out::signed);
        out.signed(stored.acceptedDelta());
        out.signed(stored.rejectedDelta());
        out.signed(stored.hardwareErrorDelta());
        byte[] body = out.toByteArray();
        byte[] blob = new byte[body.length + CHECKSUM_BYTES];
        System.arraycopy(body, 0, blob, 0, body.length);
        ByteBuffer.wrap(blob, body.length, CHECKSUM_BYTES).putInt(checksum(blob, body.length));
        return blob;
    }

    static StoredSnapshot decode(MinerId minerId, long takenAtMs, byte[] blob) {
        try {
            int bodyLength = blob.length - CHECKSUM_BYTES;
            if (bodyLength <= 0 || checksum(blob, bodyLength) != ByteBuffer.wrap(blob, bodyLength, CHECKSUM_BYTES).getInt()) {
                throw new IllegalArgumentException("checksum does not match: the stored bytes were damaged");
            }
            VarintReader in = new VarintReader(blob, bodyLength);
            int format = in.unsigned();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown snapshot format " + format);
            }
            MinerStatus status = MinerStatus.ofCode(in.unsigned());
            int mask = in.unsigned();
            Double hashrate = decimal(in, mask, 0);
            Double hashrateAvg = decimal(in, mask, 1);
            Double chipTemp = decimal(in, mask, 2);
            Double boardTemp = decimal(in, mask, 3);
            Double fanPercent = decimal(in, mask, 4);
            Double power = decimal(in, mask, 5);
            Double voltage = decimal(in, mask, 6);
            Double frequency = decimal(in, mask, 7);
            Long accepted = integer(in, mask, 8);
            Long rejected = integer(in, mask, 9);
            Long hwErrors = integer(in, mask, 10);
            Long uptimeMs = integer(in, mask, 11);
            String preset = text(in, mask, 12);
            String pool = text(in, mask, 13);
            int boardCount = bounded(in.unsigned(), HashboardReading.MAX_BOARDS, "hashboards");
            List<HashboardReading> boards = new ArrayList<>(boardCount);
            for (int i = 0; i < boardCount; i++) {
                int index = in.unsigned();
                int bm = in.unsigned();
                boards.add(new HashboardReading(index, decimal(in, bm, 0), decimal(in, bm, 1), decimal(in, bm, 2),
                        decimal(in, bm, 3), decimal(in, bm, 4), decimal(in, bm, 5), integer(in, bm, 6)));
            }
            int fanCount = bounded(in.unsigned(), TelemetrySnapshot.MAX_FANS, "fans");
            List<Integer> fans = new ArrayList<>(fanCount);
            for (int i = 0; i < fanCount; i++) {
                fans.add(Math.toIntExact(in.signed()));
            }
            TelemetrySnapshot snapshot = new TelemetrySnapshot(minerId, Instant.ofEpochMilli(takenAtMs), status,
                    hashrate, hashrateAvg, boards, chipTemp, boardTemp, fans, fanPercent, power, voltage, frequency,
                    preset, pool, accepted, rejected, hwErrors, uptimeMs == null ? null : Duration.ofMillis(uptimeMs));
            StoredSnapshot stored = new StoredSnapshot(snapshot, in.signed(), in.signed(), in.signed());
            if (!in.atEnd()) {
                throw new IllegalArgumentException("unexpected bytes after the last field");
            }
            return stored;
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new CorruptDataException("Stored snapshot of " + minerId + " at " + Instant.ofEpochMilli(takenAtMs)
                    + " is unreadable: " + e.getMessage(), e);
        }
    }

    private static void writeValue(VarintWriter out, Object value) {
        switch (value) {
            case null -> { }
            case Double d -> writeDecimal(out, d);
            case Long l -> out.signed(l);
            case String text -> {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                out.unsigned(bytes.length);
                out.bytes(bytes);
            }
            default -> throw new IllegalStateException("Unexpected field type " + value.getClass());
        }
    }

    /** Shortest exact decimal: digits and decimal places packed in one varint; raw bits when none is exact. */
    private static void writeDecimal(VarintWriter out, double v) {
        for (int decimals = 0; decimals <= MAX_DECIMALS; decimals++) {
            double scaled = v * POW10[decimals];
            if (Math.abs(scaled) >= MAX_MANTISSA) {
                break;
            }
            long mantissa = Math.round(scaled);
            double back = decimals == 0 ? mantissa : mantissa / POW10[decimals];
            if (back == v && Double.doubleToRawLongBits(back) == Double.doubleToRawLongBits(v)) {
                out.unsigned((zigzag(mantissa) << DECIMALS_BITS) | decimals);
                return;
            }
        }
        out.unsigned(RAW_BITS);
        out.unsigned(Double.doubleToRawLongBits(v));
    }

    private static Double decimal(VarintReader in, int mask, int bit) {
        if ((mask & (1 << bit)) == 0) {
            return null;
        }
        long packed = in.unsignedLong();
        int decimals = (int) (packed & ((1 << DECIMALS_BITS) - 1));
        if (decimals == RAW_BITS) {
            return Double.longBitsToDouble(in.unsignedLong());
        }
        long raw = packed >>> DECIMALS_BITS;
        long mantissa = (raw >>> 1) ^ -(raw & 1);
        return decimals == 0 ? (double) mantissa : mantissa / POW10[decimals];
    }

    private static Long integer(VarintReader in, int mask, int bit) {
        return (mask & (1 << bit)) != 0 ? in.signed() : null;
    }

    private static String text(VarintReader in, int mask, int bit) {
        if ((mask & (1 << bit)) == 0) {
            return null;
        }
        int length = bounded(in.unsigned(), TelemetrySnapshot.MAX_TEXT_LENGTH * 4, "text bytes");
        return new String(in.bytes(length), StandardCharsets.UTF_8);
    }

    private static long zigzag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    private static int bounded(int count, int max, String what) {
        if (count > max) {
            throw new IllegalArgumentException(count + " " + what + ", more than the " + max + " possible");
        }
        return count;
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
}
