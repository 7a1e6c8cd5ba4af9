package io.hashdesk.core.store;

import io.hashdesk.core.settings.JsonSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How long telemetry is kept at each resolution and how the store paces its work. Defaults live in
 * {@code store-defaults.json} beside this class; an operator's file overrides any subset of them.
 *
 * @param rawRetention         every snapshot is kept this long
 * @param fiveMinuteRetention  5-minute rollups are kept this long
 * @param oneHourRetention     1-hour rollups are kept this long
 * @param rollupGrace          an hour is rolled up only this long after it ended, so late polls still land in it
 * @param maxClockSkew         snapshots stamped further than this in the future are rejected
 * @param staleAfter           a miner whose latest snapshot is older than this counts as stale
 * @param maintenanceBatchSize miners per maintenance transaction; small keeps ingestion waits short
 * @param maintenanceInterval  how often the maintenance job rolls up and deletes
 */
public record StoreSettings(Duration rawRetention, Duration fiveMinuteRetention, Duration oneHourRetention,
                            Duration rollupGrace, Duration maxClockSkew, Duration staleAfter,
                            int maintenanceBatchSize, Duration maintenanceInterval) {

    private static final String DEFAULTS = "store-defaults.json";

    public StoreSettings {
        requirePositive(rawRetention, "rawRetention");
        requirePositive(fiveMinuteRetention, "fiveMinuteRetention");
        requirePositive(oneHourRetention, "oneHourRetention");
        Objects.requireNonNull(rollupGrace, "rollupGrace");
        requirePositive(maxClockSkew, "maxClockSkew");
        requirePositive(staleAfter, "staleAfter");
        requirePositive(maintenanceInterval, "maintenanceInterval");
        if (rollupGrace.isNegative() || rollupGrace.compareTo(Duration.ofHours(1)) >= 0) {
            throw new IllegalArgumentException("rollupGrace must be between 0 and 1 hour, got " + rollupGrace);
        }
        if (rawRetention.compareTo(Duration.ofHours(2)) < 0) {
            throw new IllegalArgumentException("rawRetention must be at least 2 hours (an hour is rolled up after it"
                    + " ends), got " + rawRetention);
        }
        if (maintenanceBatchSize < 1) {
            throw new IllegalArgumentException("maintenanceBatchSize must be ≥ 1, got " + maintenanceBatchSize);
        }
    }

    /** The bundled defaults. */
    public static StoreSettings defaults() {
        return JsonSettings.defaults(StoreSettings.class, DEFAULTS);
    }

    /**
     * The defaults with the fields present in an operator's JSON file replacing them; a missing file means
     * no overrides. A malformed file is an error naming the file, never silently ignored.
     */
    public static StoreSettings withOverrides(Path overridesFile) {
        return JsonSettings.withOverrides(StoreSettings.class, DEFAULTS, overridesFile);
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
        }
    }
}
