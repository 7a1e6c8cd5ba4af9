package io.hashdesk.core.polling;

import io.hashdesk.core.domain.MinerAccessException.Failure;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import java.time.Instant;
import java.util.List;

/**
 * What happened to one due miner in a cycle, and the snapshot that goes to the store for it.
 *
 * @param startedAt        when its read started (for a skipped miner, when it was skipped)
 * @param failure          why the read failed; {@code null} unless {@code result} is {@link Result#FAILED}
 * @param deadlineExceeded the poller abandoned the read at its own deadline
 * @param driverFault      the reader threw something other than {@code MinerAccessException}: a driver bug
 */
record PollOutcome(MinerState state, Result result, Instant startedAt, TelemetrySnapshot snapshot,
                   PollFailure failure, boolean deadlineExceeded, boolean driverFault) {

    enum Result { OK, FAILED, SKIPPED }

    static PollOutcome ok(MinerState state, Instant startedAt, TelemetrySnapshot snapshot) {
        return new PollOutcome(state, Result.OK, startedAt, snapshot, null, false, false);
    }

    static PollOutcome failed(MinerState state, Instant startedAt, PollFailure failure, boolean deadlineExceeded,
                              boolean driverFault) {
        TelemetrySnapshot record = statusOnly(state.miner().id(), failure.at(), failure.kind().statusWhenPolling());
        return new PollOutcome(state, Result.FAILED, startedAt, record, failure, deadlineExceeded, driverFault);
    }

    /** An open breaker: no read, the status of the last failure recorded again. */
    static PollOutcome skipped(MinerState state, Instant at) {
        MinerStatus status = state.health() == null ? MinerStatus.OFFLINE : state.health().status();
        return new PollOutcome(state, Result.SKIPPED, at, statusOnly(state.miner().id(), at, status), null, false,
                false);
    }

    static TelemetrySnapshot statusOnly(MinerId miner, Instant at, MinerStatus status) {
        if (status == MinerStatus.OFFLINE) {
            return TelemetrySnapshot.unreachable(miner, at);
        }
        return new TelemetrySnapshot(miner, at, status, null, null, List.of(), null, null, List.of(), null, null,
                null, null, null, null, null, null, null, null);
    }

    MinerId minerId() {
        return state.miner().id();
    }

    Failure failureKind() {
        return failure == null ? null : failure.kind();
    }
}
