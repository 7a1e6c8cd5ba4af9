package io.hashdesk.core.action;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * The firmware's own settings backup, taken before the executor writes to a miner: the rollback of last resort when
 * writing the old values back part by part does not take. It holds pool passwords, so {@link #toString()} shows sizes
 * only and the store keeps it encrypted or not at all.
 *
 * @param archive      the firmware's backup file, restored byte for byte
 * @param settingsJson the settings document read at the same time
 */
public record FirmwareBackup(Instant takenAt, String firmwareVersion, byte[] archive, String settingsJson) {

    public FirmwareBackup {
        Objects.requireNonNull(takenAt, "taken at");
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(settingsJson, "settings json");
        archive = archive.clone();
    }

    @Override
    public byte[] archive() {
        return archive.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FirmwareBackup that && takenAt.equals(that.takenAt)
                && Objects.equals(firmwareVersion, that.firmwareVersion) && Arrays.equals(archive, that.archive)
                && settingsJson.equals(that.settingsJson);
    }

    @Override
    public int hashCode() {
        return Objects.hash(takenAt, firmwareVersion, Arrays.hashCode(archive), settingsJson);
    }

    @Override
    public String toString() {
        return "FirmwareBackup[takenAt=" + takenAt + ", firmwareVersion=" + firmwareVersion + ", archive="
                + archive.length + " bytes, settings=" + settingsJson.length() + " chars]";
    }
}
