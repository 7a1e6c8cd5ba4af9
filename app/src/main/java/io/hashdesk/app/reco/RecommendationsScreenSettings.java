package io.hashdesk.app.reco;

import io.hashdesk.app.common.LiveRefresh;
import io.hashdesk.core.settings.JsonSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the Recommendations inbox reads and what it offers: defaults in {@code recommendations-screen-defaults.json}
 * beside this class, overridden by {@code recommendations-screen.json} in the data folder.
 *
 * @param refresh               how often the shown inbox re-reads the open recommendations (the engine runs far slower)
 * @param dismissReasons        the reasons offered when dismissing, the last one being "other" and needing a note
 * @param snoozeChoices         the snooze lengths offered, shortest first
 * @param closedWorkOrdersShown how many of the latest closed work orders are listed (older ones stay in the store)
 */
public record RecommendationsScreenSettings(Duration refresh, List<String> dismissReasons,
                                            List<Duration> snoozeChoices, int closedWorkOrdersShown) {

    static final String DEFAULTS = "recommendations-screen-defaults.json";
    static final String OVERRIDES_FILE = "recommendations-screen.json";

    public RecommendationsScreenSettings {
        Objects.requireNonNull(refresh, "refresh");
        if (refresh.compareTo(LiveRefresh.MIN_PERIOD) < 0) {
            throw new IllegalArgumentException("refresh must be at least " + LiveRefresh.MIN_PERIOD + ", got "
                    + refresh);
        }
        dismissReasons = List.copyOf(dismissReasons);
        snoozeChoices = List.copyOf(snoozeChoices);
        if (dismissReasons.size() < 2) {
            throw new IllegalArgumentException("dismissReasons needs at least one reason and a last \"other\" one, got "
                    + dismissReasons);
        }
        if (snoozeChoices.isEmpty() || snoozeChoices.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("snoozeChoices needs at least one positive duration, got "
                    + snoozeChoices);
        }
        if (closedWorkOrdersShown < 1) {
            throw new IllegalArgumentException("closedWorkOrdersShown must be at least 1, got "
                    + closedWorkOrdersShown);
        }
    }

    /** The reason that needs the operator's own words. */
    String otherReason() {
        return dismissReasons.getLast();
    }

    /** The bundled defaults with the operator's {@code recommendations-screen.json} laid over them. */
    public static RecommendationsScreenSettings load(Path dataFolder) {
        return JsonSettings.withOverrides(RecommendationsScreenSettings.class, DEFAULTS,
                dataFolder.resolve(OVERRIDES_FILE));
    }

    public static RecommendationsScreenSettings defaults() {
        return JsonSettings.defaults(RecommendationsScreenSettings.class, DEFAULTS);
    }
}
