package io.hashdesk.core.action;

import io.hashdesk.core.domain.MinerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The write-ahead journal of actions and the audit trail of every write to a miner. Each write is recorded before it
 * is sent ({@link #beginWrite}) and after ({@link #endWrite}), so after a crash the journal says exactly how far each
 * miner got. Settings are stored without pool passwords; the firmware backup and the settings read before the first
 * write (which hold them) are kept encrypted.
 */
public interface ActionJournal {

    /** Records a new plan: the action PLANNED, its miners QUEUED (or REFUSED with their reasons). */
    void recordPlan(ActionPlan plan);

    /** Moves the action to {@code state}; a finished state also records when it finished. */
    void actionState(String actionId, ActionState state, String message, Instant at);

    /** Moves one miner of the action to {@code state}, having taken {@code stepReached} apply steps. */
    void minerState(String actionId, MinerId miner, MinerState state, int stepReached, String message, Instant at);

    /**
     * Keeps what the miner ran before the first write, its baseline for the watch and its firmware backup. The
     * settings are kept twice: without pool passwords in clear (for the audit and the UI), and whole, encrypted
     * (to write the pools back on a rollback).
     */
    void recordBefore(String actionId, MinerId miner, SettingValues before, WatchBaseline baseline,
                      FirmwareBackup backup, Instant at);

    /** The firmware backup taken before the action's first write to the miner, decrypted. */
    Optional<FirmwareBackup> backup(String actionId, MinerId miner);

    /** What the miner ran before the action's first write to it, pool passwords included, decrypted. */
    Optional<SettingValues> settingsBefore(String actionId, MinerId miner);

    /** Journals a write about to be sent; returns its id for {@link #endWrite}. */
    long beginWrite(WriteStart write);

    /** Journals how a write ended and what the miner read back (when it answered). */
    void endWrite(long writeId, WriteOutcome outcome, SettingValues readBack, String message, Instant at);

    /** When the miner's last apply step finished: the "after" window of its outcome starts here. */
    void lastStepFinished(String actionId, MinerId miner, Instant at);

    /** When the miner's watch ended. */
    void watchEnded(String actionId, MinerId miner, Instant at);

    /** Writes sent (or begun) to a miner since {@code since}, refused ones not counted: what the rate limit counts. */
    int writesSince(MinerId miner, Instant since);

    Optional<ActionRecord> action(String actionId);

    /** Actions created in {@code [from, to)}, newest first, at most {@code limit}: the action history. */
    List<ActionRecord> actions(Instant from, Instant to, int limit);

    /** Actions not finished (PLANNED, RUNNING, NEEDS_RECOVERY), oldest first: what recovery takes up. */
    List<ActionRecord> unfinished();

    /** The miners of an action in plan order. */
    List<MinerRecord> miners(String actionId);

    /** Writes of the audit trail. */
    List<AuditEntry> audit(AuditQuery query);

    /** The plan of a recorded action, rebuilt from the journal (pool passwords blank). */
    default Optional<ActionPlan> plan(String actionId) {
        return action(actionId).map(action -> {
            List<MinerRecord> miners = miners(actionId);
            int waveCount = miners.stream().flatMap(m -> m.wave().stream()).mapToInt(Integer::intValue).max()
                    .orElse(-1) + 1;
            List<List<MinerId>> waves = new ArrayList<>();
            for (int wave = 0; wave < waveCount; wave++) {
                int w = wave;
                waves.add(miners.stream().filter(m -> m.wave().orElse(-1) == w).map(MinerRecord::miner).toList());
            }
            return new ActionPlan(action.id(), action.title(), action.requestedBy(), action.recommendationId(),
                    action.rollsBackActionId(), action.createdAt(),
                    miners.stream().map(MinerRecord::plannedChange).toList(), waves);
        });
    }
}
