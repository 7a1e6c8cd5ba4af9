package io.hashdesk.app.actions;

import io.hashdesk.core.reco.ExpectedImpact;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One action in the history: who started it, when, what it did, how it ended, and what it was predicted to do beside
 * what was measured.
 *
 * @param minerCount how many miners it changed (or tried to)
 * @param predicted  the recommendation's expected impact; empty for a manual rollback
 * @param measured   the outcome measured over a comparable window after it settled; empty until measured
 * @param canRollBack whether {@link ActionConsole#rollBack} would do something now
 */
public record ActionRecord(String actionId, String title, String operator, Instant startedAt, Instant endedAt,
                           Status status, int minerCount, Optional<ExpectedImpact> predicted,
                           Optional<MeasuredImpact> measured, boolean canRollBack) {

    public ActionRecord {
        Objects.requireNonNull(actionId, "action id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(startedAt, "started at");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(predicted, "predicted (use Optional.empty())");
        Objects.requireNonNull(measured, "measured (use Optional.empty())");
    }

    /** How an action ended, or that it has not yet. */
    public enum Status {
        RUNNING,
        APPLIED,
        PARTLY_ROLLED_BACK,
        ROLLED_BACK,
        FAILED,
        CANCELLED,
        /** A miner stopped answering mid-change; recovery retries it until it says old or new. */
        NEEDS_RECOVERY;

        /** Whether miners of the action may still change. */
        public boolean unfinished() {
            return this == RUNNING || this == NEEDS_RECOVERY;
        }
    }

    /**
     * What a change measurably did, after − before over comparable windows; a {@code null} figure was not measured.
     *
     * @param judgedBy the figure the outcome measurement judged against its interval; empty to judge the first one
     *                 predicted (profit, then J/TH, hashrate, power)
     */
    public record MeasuredImpact(Double hashrateThs, Double powerWatts, Double efficiencyJPerTh,
                                 Double profitUsdPerDay, Optional<ImpactText.Figure> judgedBy) {
        public MeasuredImpact {
            Objects.requireNonNull(judgedBy, "judged by (use Optional.empty())");
        }
    }
}
