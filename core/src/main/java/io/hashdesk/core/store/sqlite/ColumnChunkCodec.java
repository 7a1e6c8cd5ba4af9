package io.hashdesk.core.store.sqlite;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Compressed column storage for a run of telemetry entries (snapshots or rollup buckets) of one miner.
 *
 * <p>Telemetry is highly regular from one poll to the next, so storing each quantity as a column of
 * small differences and then deflating is what keeps a year of a large farm within a couple of gigabytes.
 * Each column is a {@code double[]} in which {@code NaN} means "not reported" (the store never accepts NaN
 * as a value). A column is written in decimal fixed point with the coarsest power of ten that represents all
 * its values exactly — temperatures and watts come out as integers, hashrate in the firmware's own precision —
 * and where no such power exists (means of a bucket) the values are rounded to the caller's number of
 * significant digits of the column's largest value. Counters and timestamps are integers and stay exact.
 *
 * <p>Layout before deflation: format, shape integers (what the caller needs to interpret the columns),
 * entry count, column count; then per column a presence kind, the decimal exponent, a presence bitmap when
 * some values are missing, and the zig-zag varint differences of the present values. A CRC-32C of those
 * bytes follows the deflated stream: SQLite does not checksum its pages, and a flipped bit in a varint
 * would otherwise decode into plausible wrong history.
 */
final class ColumnChunkCodec {

    /** Precision of snapshots: above what firmware reports for any quantity. */
    static final int RAW_SIGNIFICANT_DIGITS = 6;
    /** Precision of bucket means: 10 GH/s on 100 TH/s, 0.001 °C; finer would store only noise. */
    static final int ROLLUP_SIGNIFICANT_DIGITS = 5;
    private static final int FORMAT = 1;
    private static final int ALL_MISSING = 0;
    private static final int ALL_PRESENT = 1;
    private static final int SOME_PRESENT = 2;
    /** Integers up to 2^53 are exact in a double; beyond, the quantised value would not fit safely. */
    private static final double MAX_EXACT = 9.007199254740992E15;
    private static final double EXACT_TOLERANCE = 1e-6;
    private static final int MIN_EXPONENT = -12;
    /** Bounds a damaged header cannot exceed, so it fails with an error instead of a huge allocation. */
    private static final int MAX_SHAPE = 16;
    private static final int MAX_ENTRIES = 1 << 20;
    private static final int MAX_COLUMNS = 4_096;
    private static final long MAX_VALUES = 1L << 24;
    private static final int MAX_INFLATED_BYTES = 64 << 20;
    private static final int CHECKSUM_BYTES = Integer.BYTES;
    private static final double[] POW10 = new double[40];

    static {
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = Math.pow(10, i);
        }
    }

    /** Decoded chunk: caller-defined shape integers and the columns, all of {@code entries} length. */
    record Columns(int[] shape, int entries, double[][] values) {
    }

    private ColumnChunkCodec() {
    }

    static byte[] encode(int[] shape, int entries, double[][] columns, int significantDigits) {
        if (shape.length > MAX_SHAPE || entries < 0 || entries > MAX_ENTRIES || columns.length > MAX_COLUMNS) {
            throw new IllegalArgumentException("A chunk holds at most " + MAX_ENTRIES + " entries, " + MAX_COLUMNS
                    + " columns and " + MAX_SHAPE + " shape values");
        }
        VarintWriter out = new VarintWriter(64 + entries * columns.length * 2);
        out.unsigned(FORMAT);
        out.unsigned(shape.length);
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("Shape values are counts, never negative: " + s);
            }
            out.unsigned(s);
        }
        out.unsigned(entries);
        out.unsigned(columns.length);
        for (double[] column : columns) {
            if (column.length != entries) {
                throw new IllegalArgumentException("Column of " + column.length + " values in a chunk of " + entries);
            }
            writeColumn(out, column, significantDigits);
        }
        byte[] raw = out.toByteArray();
        byte[] deflated = deflate(raw);
        byte[] payload = Arrays.copyOf(deflated, deflated.length + CHECKSUM_BYTES);
        ByteBuffer.wrap(payload, deflated.length, CHECKSUM_BYTES).putInt(checksum(raw));
        return payload;
    }

    static Columns decode(byte[] payload) {
        if (payload.length <= CHECKSUM_BYTES) {
            throw new IllegalArgumentException("chunk of " + payload.length + " bytes is too short");
        }
        int deflatedLength = payload.length - CHECKSUM_BYTES;
        byte[] raw = inflate(Arrays.copyOf(payload, deflatedLength));
        if (checksum(raw) != ByteBuffer.wrap(payload, deflatedLength, CHECKSUM_BYTES).getInt()) {
            throw new IllegalArgumentException("chunk checksum does not match: the stored bytes were damaged");
        }
        VarintReader in = new VarintReader(raw);
        int format = in.unsigned();
        if (format != FORMAT) {
            throw new IllegalArgumentException("unknown chunk format " + format);
        }
        int[] shape = new int[bounded(in.unsigned(), MAX_SHAPE, "shape values")];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = in.unsigned();
        }
        int entries = bounded(in.unsigned(), MAX_ENTRIES, "entries");
        double[][] columns = new double[bounded(in.unsigned(), MAX_COLUMNS, "columns")][];
        if ((long) entries * columns.length > MAX_VALUES) {
            throw new IllegalArgumentException("chunk claims " + entries + " x " + columns.length + " values, too many");
        }
        for (int c = 0; c < columns.length; c++) {
            columns[c] = readColumn(in, entries);
        }
        if (!in.atEnd()) {
            throw new IllegalArgumentException("trailing bytes after the last column");
        }
        return new Columns(shape, entries, columns);
    }

    private static int bounded(int count, int max, String what) {
        if (count > max) {
            throw new IllegalArgumentException("chunk claims " + count + " " + what + ", more than the " + max + " possible");
        }
        return count;
    }

    private static int checksum(byte[] raw) {
        CRC32C crc = new CRC32C();
        crc.update(raw);
        return (int) crc.getValue();
    }

    private static void writeColumn(VarintWriter out, double[] column, int significantDigits) {
        int present = 0;
        double maxAbs = 0;
        for (double v : column) {
            if (!Double.isNaN(v)) {
                present++;
                maxAbs = Math.max(maxAbs, Math.abs(v));
            }
        }
        if (present == 0) {
            out.unsigned(ALL_MISSING);
            return;
        }
        if (Double.isInfinite(maxAbs) || maxAbs > MAX_EXACT) {
            throw new IllegalArgumentException("value " + maxAbs + " is too large to store");
        }
        boolean dense = present == column.length;
        out.unsigned(dense ? ALL_PRESENT : SOME_PRESENT);
        int exponent = exponentFor(column, maxAbs, significantDigits);
        out.signed(exponent);
        if (!dense) {
            byte[] bitmap = new byte[(column.length + 7) / 8];
            for (int i = 0; i < column.length; i++) {
                if (!Double.isNaN(column[i])) {
                    bitmap[i >> 3] |= (byte) (1 << (i & 7));
                }
            }
            out.bytes(bitmap);
        }
        long previous = 0;
        for (double v : column) {
            if (!Double.isNaN(v)) {
                long q = quantise(v, exponent);
                out.signed(q - previous);
                previous = q;
            }
        }
    }

    private static double[] readColumn(VarintReader in, int entries) {
        double[] column = new double[entries];
        int kind = in.unsigned();
        if (kind == ALL_MISSING) {
            Arrays.fill(column, Double.NaN);
            return column;
        }
        if (kind != ALL_PRESENT && kind != SOME_PRESENT) {
            throw new IllegalArgumentException("unknown column kind " + kind);
        }
        int exponent = (int) in.signed();
        if (exponent < MIN_EXPONENT || exponent >= POW10.length) {
            throw new IllegalArgumentException("implausible decimal exponent " + exponent);
        }
        byte[] bitmap = kind == SOME_PRESENT ? in.bytes((entries + 7) / 8) : null;
        long previous = 0;
        for (int i = 0; i < entries; i++) {
            if (bitmap != null && (bitmap[i >> 3] & (1 << (i & 7))) == 0) {
                column[i] = Double.NaN;
                continue;
            }
            previous += in.signed();
            column[i] = exponent < 0 ? previous / POW10[-exponent] : previous * POW10[exponent];
        }
        return column;
    }

    /**
     * The coarsest power of ten at which every value is an integer, tried from the magnitude of the largest
     * value down to units (or finer, for fractions); otherwise the one that keeps the significant digits.
     */
    static int exponentFor(double[] column, double maxAbs, int significantDigits) {
        int magnitude = maxAbs == 0 ? 0 : (int) Math.floor(Math.log10(maxAbs));
        int finest = Math.max(MIN_EXPONENT, magnitude - significantDigits + 1);
        for (int e = Math.max(magnitude, 0); e >= Math.min(finest, 0); e--) {
            if (allExact(column, e)) {
                return e;
            }
        }
        return finest;
    }

    private static boolean allExact(double[] column, int exponent) {
        for (double v : column) {
            if (Double.isNaN(v)) {
                continue;
            }
            double scaled = exponent < 0 ? v * POW10[-exponent] : v / POW10[exponent];
            if (Math.abs(scaled) > MAX_EXACT || Math.abs(scaled - Math.rint(scaled)) > EXACT_TOLERANCE) {
                return false;
            }
        }
        return true;
    }

    private static long quantise(double v, int exponent) {
        return Math.round(exponent < 0 ? v * POW10[-exponent] : v / POW10[exponent]);
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 16);
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] payload) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(payload);
            ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length * 4);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("compressed chunk is truncated");
                }
                if (out.size() + n > MAX_INFLATED_BYTES) {
                    throw new IllegalArgumentException("compressed chunk expands beyond " + MAX_INFLATED_BYTES + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("compressed chunk is damaged: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
