package io.hashdesk.app.models;

import io.hashdesk.app.common.LiveRefresh;
import io.hashdesk.core.settings.JsonSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the Models screen reads: defaults in {@code models-screen-defaults.json} beside this class, overridden by
 * {@code models-screen.json} in the data folder.
 *
 * @param refresh how often the shown screen re-reads the registry; models change hourly at most, so a slow pace
 *                costs nothing and a command re-reads at once anyway
 */
public record ModelsScreenSettings(Duration refresh) {

    static final String DEFAULTS = "models-screen-defaults.json";
    static final String OVERRIDES_FILE = "models-screen.json";

    public ModelsScreenSettings {
        Objects.requireNonNull(refresh, "refresh");
        if (refresh.compareTo(LiveRefresh.MIN_PERIOD) < 0) {
            throw new IllegalArgumentException("refresh must be at least " + LiveRefresh.MIN_PERIOD + ", got " + refresh);
        }
    }

    /** The bundled defaults with the operator's {@code models-screen.json} in {@code dataFolder} laid over them. */
    public static ModelsScreenSettings load(Path dataFolder) {
        return JsonSettings.withOverrides(ModelsScreenSettings.class, DEFAULTS, dataFolder.resolve(OVERRIDES_FILE));
    }

    public static ModelsScreenSettings defaults() {
        return JsonSettings.defaults(ModelsScreenSettings.class, DEFAULTS);
    }
}
