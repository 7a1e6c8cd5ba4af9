package io.hashdesk.core.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.domain.HashboardReading;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotCodecTest {

    private static final Instant AT = Instant.parse("2026-03-02T10:15:00Z");
    private static final MinerId MINER = MinerId.of("m-00042");

    private static StoredSnapshot roundTrip(StoredSnapshot stored) {
        TelemetrySnapshot s = stored.snapshot();
        return SnapshotCodec.decode(s.minerId(), s.takenAt().toEpochMilli(), SnapshotCodec.encode(stored));
    }

    private static TelemetrySnapshot withPresetAndBoards(String preset, List<HashboardReading> boards) {
        return new TelemetrySnapshot(MINER, AT, MinerStatus.MINING, 104.12, 103.9, boards, 71.0, 64.0,
                List.of(5400, 5410), 80.0, 3050.0, 13.6, 525.0, preset, "stratum+tcp://pool.example:3333",
                1_000L, 3L, 12L, Duration.ofHours(5));
    }

    @Test
    void aFullSyntheticSnapshotAndItsCounterDeltasRoundTripLosslessly() {
        SyntheticFarm farm = new SyntheticFarm(3, 11);
        for (int minute = 0; minute < 30; minute++) {
            StoredSnapshot stored = new StoredSnapshot(farm.snapshot(minute % 3, AT.plusSeconds(60L * minute)),
                    13 + minute, minute / 10, 40);

            assertEquals(stored, roundTrip(stored));
        }
    }

    @Test
    void anUnreachableSnapshotRoundTripsWithEveryMeasurementStillAbsent() {
        StoredSnapshot stored = new StoredSnapshot(TelemetrySnapshot.unreachable(MINER, AT), 0, 0, 0);

        StoredSnapshot decoded = roundTrip(stored);

        assertEquals(stored, decoded);
        assertEquals(MinerStatus.OFFLINE, decoded.snapshot().status());
        assertNull(decoded.snapshot().hashrateThs());
        assertNull(decoded.snapshot().uptime());
    }

    @Test
    void nullFieldsStayNullWhileZerosAndNegativeDeltasStayThemselves() {
        HashboardReading sparseBoard = new HashboardReading(1, 0.0, null, null, null, 13.6, null, null);
        TelemetrySnapshot snapshot = new TelemetrySnapshot(MINER, AT, MinerStatus.STARTING, 0.0, null,
                List.of(sparseBoard), null, 0.0, List.of(), null, null, null, 0.0, null, "", 0L, null, null,
                Duration.ZERO);
        StoredSnapshot stored = new StoredSnapshot(snapshot, -5, 0, Long.MAX_VALUE);

        assertEquals(stored, roundTrip(stored));
    }

    @Test
    void boardsKeepTheirIndexWhenSlotsAreMissing() {
        HashboardReading first = new HashboardReading(0, 34.5, 70.0, 63.0, 525.0, 13.6, 1010.0, 4L);
        HashboardReading third = new HashboardReading(2, 34.7, 72.0, 65.0, 525.0, 13.6, 1020.0, 9L);
        StoredSnapshot stored = new StoredSnapshot(withPresetAndBoards("3100", List.of(first, third)), 1, 0, 0);

        List<HashboardReading> boards = roundTrip(stored).snapshot().boards();

        assertEquals(List.of(first, third), boards);
        assertEquals(List.of(0, 2), boards.stream().map(HashboardReading::index).toList());
    }

    @Test
    void unicodePresetNamesRoundTripIncludingOnesLongerThan255Bytes() {
        for (String preset : List.of("Ёлка-3100", "静音模式", "eco 🌙 night", "Ж".repeat(TelemetrySnapshot.MAX_TEXT_LENGTH))) {
            StoredSnapshot stored = new StoredSnapshot(withPresetAndBoards(preset, List.of()), 0, 0, 0);

            assertEquals(preset, roundTrip(stored).snapshot().preset());
        }
    }

    @Test
    void aBlobTruncatedAtAnyLengthIsReportedAsCorruptNamingTheMiner() {
        byte[] blob = SnapshotCodec.encode(new StoredSnapshot(new SyntheticFarm(1, 5).snapshot(0, AT), 1, 2, 3));
        MinerId miner = SyntheticFarm.id(0);

        for (int length = 0; length < blob.length; length++) {
            byte[] truncated = Arrays.copyOf(blob, length);
            CorruptDataException e = assertThrows(CorruptDataException.class,
                    () -> SnapshotCodec.decode(miner, AT.toEpochMilli(), truncated), "truncated to " + length);
            assertTrue(e.getMessage().contains(miner.value()), e.getMessage());
        }
    }

    @Test
    void anUnknownFormatOrStatusIsReportedAsCorruptNamingTheMinerAndTime() {
        byte[] blob = SnapshotCodec.encode(new StoredSnapshot(withPresetAndBoards("3100", List.of()), 0, 0, 0));

        assertCorrupt(blob, 0, (byte) 9);             // format
        assertCorrupt(blob, 1, (byte) 42);            // status code
    }

    @Test
    void aSnapshotOfTypicalFirmwareValuesTakesFewBytes() {
        byte[] blob = SnapshotCodec.encode(new StoredSnapshot(new SyntheticFarm(1, 5).snapshot(0, AT), 13, 0, 2));
        assertTrue(blob.length < 160, "3 boards and 4 fans took " + blob.length + " bytes");
    }

    @Test
    void valuesWithoutAShortDecimalFormStillRoundTripExactly() {
        for (double v : new double[] {Math.PI, 1e-9, 123456.7890123, 0.1 + 0.2, Double.MAX_VALUE, Double.MIN_VALUE, -0.0}) {
            TelemetrySnapshot s = new TelemetrySnapshot(MINER, AT, MinerStatus.MINING, null, null, List.of(), null, null,
                    List.of(), null, null, v, null, null, null, null, null, null, null);
            assertEquals(Double.doubleToRawLongBits(v),
                    Double.doubleToRawLongBits(roundTrip(new StoredSnapshot(s, 0, 0, 0)).snapshot().voltageVolts()));
        }
    }

    /** Replaces one byte and re-seals the checksum, so the structural checks behind it are what is tested. */
    private static void assertCorrupt(byte[] blob, int at, byte value) {
        byte[] damaged = blob.clone();
        damaged[at] = value;
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(damaged, 0, damaged.length - Integer.BYTES);
        java.nio.ByteBuffer.wrap(damaged, damaged.length - Integer.BYTES, Integer.BYTES).putInt((int) crc.getValue());
        CorruptDataException e = assertThrows(CorruptDataException.class,
                () -> SnapshotCodec.decode(MINER, AT.toEpochMilli(), damaged));
        assertTrue(e.getMessage().contains(MINER.value()) && e.getMessage().contains(AT.toString()), e.getMessage());
    }
}
