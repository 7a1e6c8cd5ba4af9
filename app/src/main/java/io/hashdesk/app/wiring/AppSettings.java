package io.hashdesk.app.wiring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hashdesk.app.common.LiveRefresh;
import io.hashdesk.core.settings.JsonSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Objects;

/**
 * The console's own settings: defaults in {@code app-defaults.json} beside this class, overridden by
 * {@code app-settings.json} in the data folder.
 *
 * @param fleetRefresh how often the overview re-reads the fleet summary (never faster than once a second)
 * @param profitRefresh how often the overview re-computes profit per day (it reads pools, market and tariff too)
 * @param databaseRefresh how often the status bar re-counts the registered miners and the database's size
 * @param demoFarm     run the simulated demo farm when no real miner is registered, so a new user sees live data
 * @param welcomeDone  the operator has answered the first-run welcome, so it is not shown again
 */
public record AppSettings(Duration fleetRefresh, Duration profitRefresh, Duration databaseRefresh, boolean demoFarm,
                          boolean welcomeDone) {

    static final String DEFAULTS = "app-defaults.json";
    static final String OVERRIDES_FILE = "app-settings.json";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    public AppSettings {
        Objects.requireNonNull(fleetRefresh, "fleetRefresh");
        if (fleetRefresh.compareTo(LiveRefresh.MIN_PERIOD) < 0) {
            throw new IllegalArgumentException("fleetRefresh must be at least " + LiveRefresh.MIN_PERIOD + ", got " + fleetRefresh);
        }
        Objects.requireNonNull(profitRefresh, "profitRefresh");
        if (profitRefresh.compareTo(LiveRefresh.MIN_PERIOD) < 0) {
            throw new IllegalArgumentException("profitRefresh must be at least " + LiveRefresh.MIN_PERIOD + ", got "
                    + profitRefresh);
        }
        Objects.requireNonNull(databaseRefresh, "databaseRefresh");
        if (databaseRefresh.compareTo(LiveRefresh.MIN_PERIOD) < 0) {
            throw new IllegalArgumentException("databaseRefresh must be at least " + LiveRefresh.MIN_PERIOD + ", got "
                    + databaseRefresh);
        }
    }

    static AppSettings load(Path dataFolder) {
        return JsonSettings.withOverrides(AppSettings.class, DEFAULTS, dataFolder.resolve(OVERRIDES_FILE));
    }

    AppSettings withDemoFarm(boolean enabled) {
        return new AppSettings(fleetRefresh, profitRefresh, databaseRefresh, enabled, welcomeDone);
    }

    /**
     * Writes the welcome's answer into {@code app-settings.json}: {@code welcomeDone} and {@code demoFarm} set, every
     * other field the operator put there kept. Written to a temporary file and moved over the old one, so a crash
     * leaves either file whole.
     *
     * @throws IOException when the existing file is not a JSON object (it is left alone) or cannot be replaced
     */
    static void rememberWelcome(Path dataFolder, boolean demoFarm) throws IOException {
        Path file = dataFolder.resolve(OVERRIDES_FILE);
        ObjectNode overrides;
        if (Files.exists(file)) {
            JsonNode existing = JSON.readTree(file.toFile());
            if (!(existing instanceof ObjectNode object)) {
                throw new IOException(file + " is not a JSON object; fix or delete it, then choose again");
            }
            overrides = object;
        } else {
            overrides = JSON.createObjectNode();
        }
        overrides.put("demoFarm", demoFarm);
        overrides.put("welcomeDone", true);
        Files.createDirectories(dataFolder);
        Path temporary = Files.createTempFile(dataFolder, OVERRIDES_FILE, ".tmp");
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), overrides);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
