package io.hashdesk.core.polling;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Decides when each miner is polled next and what its breaker does, from the outcome of its last poll: the
 * interval when healthy, the trouble interval when it answers but is unwell, exponential backoff with jitter
 * when it fails, and the circuit breaker after repeated or hopeless failures. Pure apart from the jitter.
 */
final class PollPolicy {

    private final PollSettings settings;
    private final RandomGenerator jitter;

    /** @param jitter used from the scheduler thread only */
    PollPolicy(PollSettings settings, RandomGenerator jitter) {
        this.settings = settings;
        this.jitter = jitter;
    }

    /** A miner the poller has not seen before is due at once. */
    MinerState admitted(Miner miner, Instant now) {
        return new MinerState(miner, now, null, null);
    }

    /**
     * A miner whose address or credentials changed is due at once with a clean slate: new credentials may well
     * cure an AUTH_FAILED that would otherwise wait out a long back-off.
     */
    MinerState reconfigured(MinerState state, Miner miner, Instant now) {
        MinerHealth was = state.health();
        MinerHealth health = was == null ? null : new MinerHealth(miner.id(), was.status(), was.lastSuccessAt(),
                was.lastFailure(), 0, BreakerState.CLOSED, now);
        return new MinerState(miner, now, null, health);
    }

    /** A due miner whose breaker cool-down has passed: the read about to start is the half-open probe. */
    MinerState probing(MinerState state) {
        MinerHealth h = state.health();
        return new MinerState(state.miner(), state.due(), state.probeAt(), new MinerHealth(h.minerId(), h.status(),
                h.lastSuccessAt(), h.lastFailure(), h.consecutiveFailures(), BreakerState.HALF_OPEN, h.nextPollDue()));
    }

    /** The miner's state once {@code outcome} is known at {@code now}. */
    MinerState next(PollOutcome outcome, Instant now) {
        return switch (outcome.result()) {
            case OK -> afterSuccess(outcome.state(), outcome.snapshot(), now);
            case FAILED -> afterFailure(outcome.state(), outcome.failure(), now);
            case SKIPPED -> afterSkip(outcome.state(), now);
        };
    }

    private MinerState afterSuccess(MinerState state, TelemetrySnapshot snapshot, Instant now) {
        Duration every = settings.intervalFor(state.miner().id());
        if (inTrouble(snapshot) && settings.troubleInterval().compareTo(every) < 0) {
            every = settings.troubleInterval();
        }
        // From the due time, not the finish, so a healthy miner keeps its phase instead of drifting by its
        // read time every cycle.
        Instant next = state.due().plus(every);
        if (!next.isAfter(now)) {
            next = now.plus(every);
        }
        Optional<PollFailure> lastFailure = state.health() == null ? Optional.empty() : state.health().lastFailure();
        MinerHealth health = new MinerHealth(state.miner().id(), snapshot.status(), Optional.of(now), lastFailure, 0,
                BreakerState.CLOSED, next);
        return new MinerState(state.miner(), next, null, health);
    }

    private MinerState afterFailure(MinerState state, PollFailure failure, Instant now) {
        MinerHealth was = state.health();
        int failures = (was == null ? 0 : was.consecutiveFailures()) + 1;
        boolean probeFailed = was != null && was.breaker() == BreakerState.HALF_OPEN;
        boolean hopeless = !failure.kind().isTransient();
        Optional<Instant> lastSuccess = was == null ? Optional.empty() : was.lastSuccessAt();
        MinerStatus status = failure.kind().statusWhenPolling();
        if (!hopeless && !probeFailed && failures < settings.breakerFailureThreshold()) {
            Instant next = now.plus(jittered(backoff(failures)));
            return new MinerState(state.miner(), next, null, new MinerHealth(state.miner().id(), status, lastSuccess,
                    Optional.of(failure), failures, BreakerState.CLOSED, next));
        }
        Duration coolDown = hopeless ? settings.nonTransientBackoff() : settings.breakerOpenDuration();
        Instant probeAt = now.plus(jittered(coolDown));
        Instant next = recordOrProbe(now, probeAt);
        return new MinerState(state.miner(), next, probeAt, new MinerHealth(state.miner().id(), status, lastSuccess,
                Optional.of(failure), failures, BreakerState.OPEN, next));
    }

    private MinerState afterSkip(MinerState state, Instant now) {
        Instant next = recordOrProbe(now, state.probeAt());
        MinerHealth h = state.health();
        return new MinerState(state.miner(), next, state.probeAt(), new MinerHealth(h.minerId(), h.status(),
                h.lastSuccessAt(), h.lastFailure(), h.consecutiveFailures(), BreakerState.OPEN, next));
    }

    /** While open, the status is recorded at the slow cadence until the probe is due. */
    private Instant recordOrProbe(Instant now, Instant probeAt) {
        Instant record = now.plus(settings.openBreakerRecordInterval());
        return record.isBefore(probeAt) ? record : probeAt;
    }

    /** Answering but not mining, or running hot: worth watching more closely. */
    boolean inTrouble(TelemetrySnapshot snapshot) {
        return snapshot.status() != MinerStatus.MINING
                || snapshot.chipTempMaxC() != null && snapshot.chipTempMaxC() >= settings.hotChipTempC();
    }

    /** The wait after the n-th consecutive transient failure, before jitter. */
    Duration backoff(int failures) {
        double factor = Math.pow(settings.backoffMultiplier(), Math.min(failures - 1, 64));
        double millis = Math.min(settings.backoffInitial().toMillis() * factor, settings.backoffMax().toMillis());
        return Duration.ofMillis(Math.round(millis));
    }

    private Duration jittered(Duration wait) {
        double spread = settings.backoffJitter() * (2 * jitter.nextDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.round(wait.toMillis() * (1 + spread))));
    }
}
