package io.hashdesk.core.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** Damaged or hostile chunk payloads are rejected with an error, never decoded into wrong values or huge arrays. */
class ColumnChunkCodecDamageTest {

    /** Deflates hand-written pre-deflation bytes exactly as the codec does, valid checksum included. */
    private static byte[] deflated(int... raw) {
        byte[] bytes = new byte[raw.length];
        for (int i = 0; i < raw.length; i++) {
            bytes[i] = (byte) raw[i];
        }
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(bytes);
        deflater.finish();
        byte[] out = new byte[256];
        int n = deflater.deflate(out);
        deflater.end();
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes);
        byte[] payload = Arrays.copyOf(out, n + Integer.BYTES);
        java.nio.ByteBuffer.wrap(payload, n, Integer.BYTES).putInt((int) crc.getValue());
        return payload;
    }

    /** JUnit aborts the whole run on an OutOfMemoryError, so it is turned into an ordinary failure here. */
    private static void assertRejected(byte[] payload) {
        try {
            ColumnChunkCodec.decode(payload);
            fail("decoded instead of rejected");
        } catch (IllegalArgumentException expected) {
            // what the codec promises for damage
        } catch (OutOfMemoryError e) {
            fail("decoding " + payload.length + " bytes ran out of memory: " + e.getMessage());
        }
    }

    @Test
    void aSingleFlippedBitAnywhereIsNeverDecodedIntoDifferentValues() {
        byte[] payload = ColumnChunkCodec.encode(new int[] {3, 4}, 4,
                new double[][] {{1.7e12, 1.7e12 + 60_000, 1.7e12 + 120_000, 1.7e12 + 180_000}, {104.12, 104.3, 103.9, 104.0}},
                ColumnChunkCodec.RAW_SIGNIFICANT_DIGITS);
        ColumnChunkCodec.Columns original = ColumnChunkCodec.decode(payload);
        List<String> silentlyWrong = new ArrayList<>();
        for (int i = 0; i < payload.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] damaged = payload.clone();
                damaged[i] ^= (byte) (1 << bit);
                try {
                    ColumnChunkCodec.Columns decoded = ColumnChunkCodec.decode(damaged);
                    if (!Arrays.deepEquals(decoded.values(), original.values())
                            || !Arrays.equals(decoded.shape(), original.shape())) {
                        silentlyWrong.add("byte " + i + " bit " + bit + ": " + firstDifference(original, decoded));
                    }
                } catch (IllegalArgumentException expected) {
                    // damage detected
                }
            }
        }
        assertEquals(List.of(), silentlyWrong, silentlyWrong.size() + " of " + payload.length * 8 + " single-bit flips");
    }

    private static String firstDifference(ColumnChunkCodec.Columns expected, ColumnChunkCodec.Columns actual) {
        if (!Arrays.equals(expected.shape(), actual.shape())) {
            return "shape " + Arrays.toString(expected.shape()) + " became " + Arrays.toString(actual.shape());
        }
        for (int c = 0; c < expected.values().length; c++) {
            for (int e = 0; e < expected.values()[c].length; e++) {
                if (Double.compare(expected.values()[c][e], actual.values()[c][e]) != 0) {
                    return "column " + c + " entry " + e + " " + new java.math.BigDecimal(expected.values()[c][e])
                            + " became " + new java.math.BigDecimal(actual.values()[c][e]);
                }
            }
        }
        return "same";
    }

    @Test
    void aChunkClaimingTwoBillionShapeIntegersIsRejectedNotAllocated() {
        byte[] payload = deflated(1, 0xFF, 0xFF, 0xFF, 0xFF, 0x07);

        assertRejected(payload);
    }

    @Test
    void aChunkClaimingTwoBillionEntriesIsRejectedNotAllocated() {
        // format 1, no shape, 2^31-1 entries, one column that is all missing
        byte[] payload = deflated(1, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0x07, 1, 0);

        assertRejected(payload);
    }

    @Test
    void aChunkClaimingTwoBillionColumnsIsRejectedNotAllocated() {
        byte[] payload = deflated(1, 0, 1, 0xFF, 0xFF, 0xFF, 0xFF, 0x07);

        assertRejected(payload);
    }

    @Test
    void aFewBytesCannotMakeTheDecoderAllocateGigabytes() {
        // format 1, no shape, 50,000,000 entries, 200 all-missing columns: 200 × 400 MB from a ~20-byte payload
        int[] raw = new int[5 + 4 + 1 + 200];
        int k = 0;
        raw[k++] = 1;
        raw[k++] = 0;
        for (int b : new int[] {0x80, 0xE1, 0xEB, 0x17}) { // varint 50_000_000
            raw[k++] = b;
        }
        raw[k++] = 0xC8; // varint 200
        raw[k++] = 0x01;
        byte[] payload = deflated(Arrays.copyOf(raw, k + 200));
        assertTrue(payload.length < 40, "payload is " + payload.length + " bytes");

        assertRejected(payload);
    }
}
