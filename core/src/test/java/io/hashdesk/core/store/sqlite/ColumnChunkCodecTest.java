package io.hashdesk.core.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.hashdesk.core.domain.HashboardReading;
import io.hashdesk.core.domain.TelemetrySnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ColumnChunkCodecTest {

    private static final double NA = Double.NaN;
    private static final long MAY_2024_MS = 1_715_000_000_000L;

    private static ColumnChunkCodec.Columns roundTrip(int[] shape, double[]... columns) {
        int entries = columns.length == 0 ? 0 : columns[0].length;
        return ColumnChunkCodec.decode(ColumnChunkCodec.encode(shape, entries, columns, ColumnChunkCodec.RAW_SIGNIFICANT_DIGITS));
    }

    private static double[] decodedSingleColumn(double... column) {
        return roundTrip(new int[0], column).values()[0];
    }

    @Test
    void missingEntriesComeBackAsNaNAndPresentOnesAsTheyWere() {
        double[] column = {70, NA, 71, 72, NA, NA, 69, NA, 70, 70, NA};

        assertArrayEquals(column, decodedSingleColumn(column));
    }

    @Test
    void allMissingAllPresentAndMixedColumnsRoundTripSideBySide() {
        double[] allMissing = {NA, NA, NA, NA, NA, NA, NA, NA, NA};
        double[] allPresent = {5400, 5410, 5390, 5400, 5420, 5400, 5380, 5400, 5410};
        double[] mixed = {NA, 13.6, NA, 13.6, 13.61, NA, NA, NA, 13.59};

        ColumnChunkCodec.Columns decoded = roundTrip(new int[] {3, 4}, allMissing, allPresent, mixed);

        assertEquals(9, decoded.entries());
        assertEquals(3, decoded.values().length);
        assertArrayEquals(allMissing, decoded.values()[0]);
        assertArrayEquals(allPresent, decoded.values()[1]);
        assertArrayEquals(mixed, decoded.values()[2]);
    }

    @Test
    void aChunkWithoutEntriesRoundTrips() {
        ColumnChunkCodec.Columns decoded = ColumnChunkCodec.decode(
                ColumnChunkCodec.encode(new int[] {3, 4}, 0, new double[][] {{}, {}}, ColumnChunkCodec.RAW_SIGNIFICANT_DIGITS));

        assertEquals(0, decoded.entries());
        assertEquals(2, decoded.values().length);
        assertEquals(0, decoded.values()[0].length);
    }

    @Test
    void timestampsInMillisecondsComeBackExactly() {
        SplittableRandom random = new SplittableRandom(1);
        double[] ts = new double[60];
        for (int i = 0; i < ts.length; i++) {
            // polls roughly a minute apart with a few milliseconds of jitter, as a real poller stamps them
            ts[i] = MAY_2024_MS + 60_000L * i + random.nextInt(-250, 250);
        }

        assertArrayEquals(ts, decodedSingleColumn(ts));
    }

    @Test
    void countersComeBackExactlyUpToTwoToThe53() {
        double[] accepted = {0, 13, 26, 40, 1_000_003, 7, 123_456_789_012L};
        double[] huge = {(double) (1L << 53) - 1, (double) (1L << 52) + 1, 3};

        assertArrayEquals(accepted, decodedSingleColumn(accepted));
        assertArrayEquals(huge, decodedSingleColumn(huge));
    }

    @Test
    void valuesWithTwoDecimalsComeBackExactly() {
        double[] hashrate = {104.12, 103.98, 104.0, 0.01, 99.99, 104.13, 1234.56};

        assertArrayEquals(hashrate, decodedSingleColumn(hashrate));
    }

    @Test
    void negativeValuesComeBackExactly() {
        double[] deltas = {-3.5, 2.25, -0.75, 0, -1000};

        assertArrayEquals(deltas, decodedSingleColumn(deltas));
    }

    @Test
    void noisyDoublesComeBackWithinSixSignificantDigitsOfTheColumnsLargestValue() {
        SplittableRandom random = new SplittableRandom(2);
        double[] power = new double[120];
        for (int i = 0; i < power.length; i++) {
            power[i] = 3050 + random.nextGaussian() * 12; // a bucket mean: no decimal representation
        }
        double largest = Arrays.stream(power).map(Math::abs).max().orElseThrow();
        // six significant digits of ~3050 = steps of 0.01; rounding errs by at most half a step
        double tolerance = 0.5 * Math.pow(10, Math.floor(Math.log10(largest)) - 5) * (1 + 1e-9);

        double[] decoded = decodedSingleColumn(power);

        for (int i = 0; i < power.length; i++) {
            assertEquals(power[i], decoded[i], tolerance, "entry " + i);
        }
    }

    @Test
    void tinyValuesKeepTheirPrecision() {
        double[] exact = {0.0095, 0.0012, 0.0001, 0.0095};
        double[] noisy = {0.009512345678, 0.009498765432, 0.0094};

        assertArrayEquals(exact, decodedSingleColumn(exact));
        double[] decodedNoisy = decodedSingleColumn(noisy);
        for (int i = 0; i < noisy.length; i++) {
            assertEquals(noisy[i], decodedNoisy[i], 0.5e-8, "entry " + i);
        }
    }

    @Test
    void shapeIntegersRoundTrip() {
        double[] column = {1, 2};

        assertArrayEquals(new int[] {3, 4}, roundTrip(new int[] {3, 4}, column).shape());
        assertArrayEquals(new int[0], roundTrip(new int[0], column).shape());
        assertArrayEquals(new int[] {0, 8, Integer.MAX_VALUE}, roundTrip(new int[] {0, 8, Integer.MAX_VALUE}, column).shape());
    }

    @Test
    void aColumnWhoseLengthDiffersFromTheEntryCountIsRejected() {
        double[][] columns = {{1, 2, 3}, {1, 2}};

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ColumnChunkCodec.encode(new int[0], 3, columns, ColumnChunkCodec.RAW_SIGNIFICANT_DIGITS));
        assertTrue(e.getMessage().contains("2 values in a chunk of 3"), e.getMessage());
    }

    @Test
    void infiniteAndTooLargeValuesAreRejectedRatherThanStoredWrong() {
        assertThrows(IllegalArgumentException.class,
                () -> ColumnChunkCodec.encode(new int[0], 2, new double[][] {{1, Double.POSITIVE_INFINITY}}, ColumnChunkCodec.RAW_SIGNIFICANT_DIGITS));
        assertThrows(IllegalArgumentException.class,
                () -> ColumnChunkCodec.encode(new int[0], 1, new double[][] {{1e17}}, ColumnChunkCodec.RAW_SIGNIFICANT_DIGITS));
    }

    @Test
    void aPayloadTruncatedAtAnyLengthIsRejectedAsDamaged() {
        byte[] payload = realisticPayload(60);

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int length = 0; length < payload.length; length++) {
                assertDamaged(Arrays.copyOf(payload, length), "truncated to " + length + " bytes");
            }
        });
    }

    @Test
    void aBitFlippedInTheFirstTwentyBytesIsRejectedAsDamaged() {
        byte[] payload = realisticPayload(60);

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int i = 0; i < 20; i++) {
                for (int bit = 0; bit < 8; bit++) {
                    byte[] damaged = payload.clone();
                    damaged[i] ^= (byte) (1 << bit);
                    assertDamaged(damaged, "bit " + bit + " of byte " + i + " flipped");
                }
            }
        });
    }

    @Test
    void bytesThatAreNotADeflateStreamAreRejectedAsDamaged() {
        assertDamaged(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}, "0xFF bytes");
        assertDamaged(new byte[0], "empty payload");
    }

    /**
     * A tier-0 chunk as {@link RawChunkLayout} lays out an hour of one S19j Pro (3 boards, 4 fans): 46 columns.
     * The bound: raw history is kept 7 days, and a 5,000-miner farm polled every minute makes 50 M raw rows in that
     * time, so 40 bytes a row keeps it near 2 GB. As plain doubles the same row would take 46 × 8 = 368 bytes.
     */
    @Test
    void anHourOfRealisticTelemetryCompressesToUnderFortyBytesPerRow() {
        int rows = 60;
        double[][] columns = realisticColumns(rows);

        byte[] payload = ColumnChunkCodec.encode(new int[] {3, 4}, rows, columns, ColumnChunkCodec.RAW_SIGNIFICANT_DIGITS);

        double perRow = (double) payload.length / rows;
        assertTrue(perRow < 40, () -> payload.length + " bytes for " + rows + " rows of " + columns.length
                + " columns = " + perRow + " bytes per row");
        assertArrayEquals(columns, ColumnChunkCodec.decode(payload).values());
    }

    private static void assertDamaged(byte[] payload, String what) {
        try {
            ColumnChunkCodec.Columns decoded = ColumnChunkCodec.decode(payload);
            fail(what + ": decoded to " + decoded.entries() + " entries instead of being rejected");
        } catch (IllegalArgumentException expected) {
            // the only acceptable outcome
        }
    }

    private static byte[] realisticPayload(int rows) {
        return ColumnChunkCodec.encode(new int[] {3, 4}, rows, realisticColumns(rows), ColumnChunkCodec.RAW_SIGNIFICANT_DIGITS);
    }

    /** One column per field in {@link RawChunkLayout}'s order, for one simulated miner polled every minute. */
    private static double[][] realisticColumns(int rows) {
        SyntheticFarm farm = new SyntheticFarm(1, 7);
        double[][] c = new double[21 + 3 * 7 + 4][rows];
        Instant start = Instant.parse("2026-03-02T00:00:00Z");
        long previousAccepted = 0;
        for (int i = 0; i < rows; i++) {
            TelemetrySnapshot s = farm.snapshot(0, start.plusSeconds(60L * i));
            double[] fixed = {s.takenAt().toEpochMilli(), s.status().code(), s.hashrateThs(), s.hashrateAvgThs(),
                s.chipTempMaxC(), s.boardTempMaxC(), s.fanPercent(), s.powerWatts(), s.voltageVolts(),
                s.frequencyMhz(), s.acceptedShares(), s.rejectedShares(), s.hardwareErrors(), s.uptime().toMillis(),
                1, 2, i == 0 ? 0 : s.acceptedShares() - previousAccepted, 0, 40, 0b111, s.fanRpm().size()};
            previousAccepted = s.acceptedShares();
            int k = 0;
            for (double v : fixed) {
                c[k++][i] = v;
            }
            for (HashboardReading b : s.boards()) {
                double[] board = {b.hashrateThs(), b.chipTempMaxC(), b.boardTempMaxC(), b.frequencyMhz(),
                    b.voltageVolts(), NA, b.hardwareErrors()};
                for (double v : board) {
                    c[k++][i] = v;
                }
            }
            for (int rpm : s.fanRpm()) {
                c[k++][i] = rpm;
            }
        }
        return c;
    }
}
