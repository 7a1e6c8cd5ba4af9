package io.hashdesk.drivers.api;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A miner's settings as the firmware backs them up, kept so a change can be undone in one step: the firmware's own
 * archive (restored byte for byte) and the settings document read at the same time (for showing what changed).
 * Both hold pool passwords, so {@link #toString()} shows sizes only.
 *
 * @param archive      the firmware's backup file (Vnish: a small tar.gz)
 * @param settingsJson the settings document as JSON text
 */
public record SettingsBackup(Instant takenAt, String firmwareVersion, byte[] archive, String settingsJson) {

    public SettingsBackup {
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
        return other instanceof SettingsBackup that && takenAt.equals(that.takenAt)
                && Objects.equals(firmwareVersion, that.firmwareVersion) && Arrays.equals(archive, that.archive)
                && settingsJson.equals(that.settingsJson);
    }

    @Override
    public int hashCode() {
        return Objects.hash(takenAt, firmwareVersion, Arrays.hashCode(archive), settingsJson);
    }

    @Override
    public String toString() {
        return "SettingsBackup[takenAt=" + takenAt + ", firmwareVersion=" + firmwareVersion + ", archive="
                + archive.length + " bytes, settings=" + settingsJson.length() + " chars]";
    }
}
