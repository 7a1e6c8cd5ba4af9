package io.hashdesk.app.models;

import io.hashdesk.core.store.DriftVerdict;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One model slot (a type for a scope) as the Models table and its detail pane show it, all text ready to display.
 *
 * @param champion         "v12", or "none" when no version serves
 * @param trainedAt        when the champion was trained, local time; empty text without one
 * @param window           the champion's training window, local dates
 * @param metric           the champion's held-out metric in words with its unit
 * @param driftCheckedAt   when the champion was last checked for drift, or "not checked yet"
 * @param verdict          that check's verdict; empty before the first check
 * @param driftedFeatures  the features that moved, most serious first; empty text if none
 * @param attention        0 asks for action first: a retrain verdict, then no champion, then a watch verdict
 * @param rollback         what a rollback would do, or why there is none to do
 */
record ModelSlotRow(ModelType type, ModelScope scope, String family, String scopeText, String champion,
                    String trainedAt, String window, String metric, int versionCount, String driftCheckedAt,
                    Optional<DriftVerdict> verdict, String driftedFeatures, int attention, Rollback rollback,
                    List<VersionRow> versions, List<FeatureDriftRow> drift) {

    ModelSlotRow {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(rollback, "rollback");
        versions = List.copyOf(versions);
        drift = List.copyOf(drift);
    }

    /** "Thermal model — Antminer S19j Pro units", for titles and dialogs. */
    String title() {
        return family + " — " + scopeText;
    }

    boolean sameSlot(ModelSlotRow other) {
        return other != null && type.equals(other.type) && scope.equals(other.scope);
    }

    /**
     * What rolling this slot back would do.
     *
     * @param possible   whether there is a champion and an earlier one to return to
     * @param summary    "v7 (trained …, …) replaces v12 (trained …, …)" when possible, else why not
     */
    record Rollback(boolean possible, String summary) {
        Rollback {
            Objects.requireNonNull(summary, "summary");
        }
    }

    /** One version in the detail pane. */
    record VersionRow(long id, String version, String createdAt, String status, String statusReason, String metric,
                      String otherMetrics, boolean champion) {
    }

    /** One feature of the latest drift check in the detail pane. */
    record FeatureDriftRow(String feature, DriftVerdict verdict, String verdictText, String psi, String ksPValue,
                           String explanation) {
    }
}
