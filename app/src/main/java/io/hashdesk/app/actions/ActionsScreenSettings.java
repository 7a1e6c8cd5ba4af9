package io.hashdesk.app.actions;

import io.hashdesk.app.common.LiveRefresh;
import io.hashdesk.core.settings.JsonSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the Actions screen reads: defaults in {@code actions-screen-defaults.json} beside this class, overridden by
 * {@code actions-screen.json} in the data folder.
 *
 * @param progress     how often a running action's progress is re-read; at least a second (faster is noise)
 * @param history      how often the shown history is re-read; outcomes are measured minutes after a change
 * @param historyLimit how many past actions the history lists
 */
public record ActionsScreenSettings(Duration progress, Duration history, int historyLimit) {

    static final String DEFAULTS = "actions-screen-defaults.json";
    static final String OVERRIDES_FILE = "actions-screen.json";

    public ActionsScreenSettings {
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(history, "history");
        if (progress.compareTo(LiveRefresh.MIN_PERIOD) < 0 || history.compareTo(LiveRefresh.MIN_PERIOD) < 0) {
            throw new IllegalArgumentException("progress and history refresh must be at least "
                    + LiveRefresh.MIN_PERIOD + ", got " + progress + " and " + history);
        }
        if (historyLimit < 1) {
            throw new IllegalArgumentException("historyLimit must be at least 1, got " + historyLimit);
        }
    }

    /** The bundled defaults with the operator's {@code actions-screen.json} in {@code dataFolder} laid over them. */
    public static ActionsScreenSettings load(Path dataFolder) {
        return JsonSettings.withOverrides(ActionsScreenSettings.class, DEFAULTS, dataFolder.resolve(OVERRIDES_FILE));
    }

    public static ActionsScreenSettings defaults() {
        return JsonSettings.defaults(ActionsScreenSettings.class, DEFAULTS);
    }
}
