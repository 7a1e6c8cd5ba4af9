package io.hashdesk.core.alert;

import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.MinerModel;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One kind of alert as a test of a miner's latest reading; the {@link AlertEvaluator} adds the timing. */
interface AlertRule {

    AlertKind kind();

    /** How long the condition must hold before the alert is raised. */
    Duration raiseAfter();

    /**
     * @param latest the miner's newest reading
     * @param model  the miner's model from the catalog; empty when the catalog does not know it
     * @param now    the evaluation's time, for how old the reading is
     */
    Verdict judge(TelemetrySnapshot latest, Optional<MinerModel> model, Instant now);
}
