package io.hashdesk.drivers.sim;

import java.time.Instant;

/**
 * Share counters of one pool connection. Expected shares are hashrate × time ÷ (difficulty × hashes per
 * difficulty-1 share); whole shares are counted as they complete, the fraction carries over, so counts grow
 * smoothly and the same whatever the step size.
 */
final class ShareLedger {

    private long accepted;
    private long rejected;
    private long stale;
    private double pendingAccepted;
    private double pendingRejected;
    private double pendingStale;
    private double difficultyAccepted;
    private Instant lastShareAt;
    private double lastShareDifficulty;

    /**
     * Books the shares found over one step.
     *
     * @param shares         expected shares found in the step
     * @param rejectFraction share of them the pool rejects
     * @param staleFraction  share of them that arrive too late
     * @param difficulty     the pool's share difficulty
     */
    void book(double shares, double rejectFraction, double staleFraction, double difficulty, Instant now) {
        if (shares <= 0) {
            return;
        }
        double rejectedShares = shares * rejectFraction;
        double staleShares = shares * staleFraction;
        pendingAccepted += shares - rejectedShares - staleShares;
        pendingRejected += rejectedShares;
        pendingStale += staleShares;
        long newAccepted = (long) pendingAccepted;
        pendingAccepted -= newAccepted;
        accepted += newAccepted;
        long newRejected = (long) pendingRejected;
        pendingRejected -= newRejected;
        rejected += newRejected;
        long newStale = (long) pendingStale;
        pendingStale -= newStale;
        stale += newStale;
        if (newAccepted > 0) {
            difficultyAccepted += newAccepted * difficulty;
            lastShareAt = now;
            lastShareDifficulty = difficulty;
        }
    }

    long accepted() {
        return accepted;
    }

    long rejected() {
        return rejected;
    }

    long stale() {
        return stale;
    }

    double difficultyAccepted() {
        return difficultyAccepted;
    }

    /** Null until the first accepted share. */
    Instant lastShareAt() {
        return lastShareAt;
    }

    double lastShareDifficulty() {
        return lastShareDifficulty;
    }
}
