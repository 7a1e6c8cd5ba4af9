package io.hashdesk.core.reco;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The recommendations, the operator's feedback on them, their measured outcomes and the work orders they became.
 * Ids are the recommendations' stable ids: feedback always concerns the live one (open, snoozed or accepted) of that
 * id; advice that comes back after it was closed gets a new row and the old one stays as history.
 */
public interface RecommendationStore {

    /**
     * Saves a pass: advice already live is refreshed (an accepted one is left as it is; a snooze that has ended turns
     * open), new advice is added open, and open or snoozed advice the pass did not give is superseded.
     */
    PassSave savePass(List<Recommendation> recommendations, Instant at);

    /** Marks open and snoozed advice past its expiry as expired; returns how many. */
    int expire(Instant now);

    /** Stored recommendations matching the query, highest rank first. */
    List<StoredRecommendation> list(RecommendationQuery query);

    /** The live recommendation of this id, else its latest row. */
    Optional<StoredRecommendation> find(String id);

    /** The operator accepts it. A MAINTENANCE recommendation opens a work order at the same time. */
    StoredRecommendation accept(String id, String by, Instant at);

    /** The operator says no; its miners get the type's cooldown from {@code at}. */
    StoredRecommendation dismiss(String id, String by, String reason, Instant at);

    /** Hidden until {@code until}. */
    StoredRecommendation snooze(String id, String by, Instant until, Instant at);

    /**
     * The action executor finished applying it.
     *
     * @param actionId         the executor's action id
     * @param changeFinishedAt when the last miner's change settled; outcome windows are placed around it
     */
    StoredRecommendation markApplied(String id, String actionId, Instant changeFinishedAt);

    /** Applied or dismissed, per miner and type, since {@code since}: what the engine's cooldowns read. */
    List<CooldownMark> cooldownMarks(Instant since);

    /** Applied recommendations whose outcome has not been measured yet, oldest first. */
    List<StoredRecommendation> awaitingOutcome();

    /** Keeps a measured outcome beside its prediction (again for the same action: replaced). */
    void recordOutcome(MeasuredOutcome outcome);

    /** The outcome measured for an action. */
    Optional<MeasuredOutcome> outcome(String actionId);

    /** Outcomes measured since {@code since}, newest first. */
    List<MeasuredOutcome> outcomes(Instant since);

    /** Per type, outcomes judged against their interval and how many fell inside. */
    Map<RecommendationType, OutcomeTally> outcomeTally();

    /** Work orders in a status, newest first. */
    List<WorkOrder> workOrders(WorkOrderStatus status);

    /**
     * A technician closes a work order; its recommendation counts as applied from {@code at} (action id
     * {@code work-order-<id>}).
     */
    WorkOrder closeWorkOrder(long workOrderId, String closedBy, String workDone, List<String> partsUsed, Instant at);
}
