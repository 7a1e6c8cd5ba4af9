package io.hashdesk.core.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Damage anywhere in a stored snapshot is detected, never decoded into different values. */
class SnapshotCodecDamageTest {

    private static final Instant AT = Instant.parse("2026-03-02T10:15:00Z");

    @Test
    void aFlippedBitInsideTheHashrateIsReportedAsCorrupt() {
        StoredSnapshot stored = new StoredSnapshot(new SyntheticFarm(1, 5).snapshot(0, AT), 1, 2, 3);
        byte[] blob = SnapshotCodec.encode(stored);
        blob[4] ^= 0x10; // format, status, 2-byte presence mask, then the hashrate's digits

        assertThrows(CorruptDataException.class, () -> SnapshotCodec.decode(SyntheticFarm.id(0), AT.toEpochMilli(), blob));
    }

    @Test
    void trailingBytesAfterTheLastFieldAreReportedAsCorrupt() {
        byte[] blob = SnapshotCodec.encode(new StoredSnapshot(new SyntheticFarm(1, 5).snapshot(0, AT), 1, 2, 3));
        byte[] longer = Arrays.copyOf(blob, blob.length + 5);

        assertThrows(CorruptDataException.class, () -> SnapshotCodec.decode(SyntheticFarm.id(0), AT.toEpochMilli(), longer));
    }
}
