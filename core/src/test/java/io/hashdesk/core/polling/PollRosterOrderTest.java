package io.hashdesk.core.polling;

import static io.hashdesk.core.polling.FakeFarm.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAccessException.Failure;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The order in which due miners are handed to a poll round. */
class PollRosterOrderTest {

    @Test
    void minersWhoseLastPollFailedComeFirstSoTheirSlowReadsOverlapTheHealthyOnes() {
        PollSettings settings = Fleet.settings("""
                {"backoffJitter": 0.0, "backoffInitial": "PT60S"}""");
        PollPolicy policy = new PollPolicy(settings, RandomGenerator.of("L64X128MixRandom"));
        PollRoster roster = new PollRoster(policy);
        List<Miner> miners = List.of(Fleet.miner(0), Fleet.miner(1), Fleet.miner(2), Fleet.miner(3));
        roster.reconcile(miners, T0);
        for (MinerState state : roster.takeDue(T0)) {
            PollOutcome outcome = state.miner().equals(Fleet.miner(3))
                    ? PollOutcome.failed(state, T0, new PollFailure(Failure.TIMEOUT, "slow", T0), true, false)
                    : PollOutcome.ok(state, T0, Fleet.mining(state.miner().id(), T0));
            roster.update(policy.next(outcome, T0));
        }

        List<MinerState> due = roster.takeDue(T0.plus(Duration.ofSeconds(60)));

        assertEquals(List.of(Fleet.miner(3), Fleet.miner(0), Fleet.miner(1), Fleet.miner(2)),
                due.stream().map(MinerState::miner).toList());
    }
}
