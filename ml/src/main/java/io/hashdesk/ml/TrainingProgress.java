package io.hashdesk.ml;

import java.util.concurrent.CancellationException;

/**
 * How a long training or feature-building run reports progress and learns it was cancelled. The app adapts its job
 * runner's context to this; the headless agent logs it; tests pass {@link #NONE}. Implementations must be cheap to
 * call often and safe to call from any thread.
 */
public interface TrainingProgress {

    /** Reports nothing and is never cancelled. */
    TrainingProgress NONE = new TrainingProgress() {
        @Override
        public void report(double fractionDone, String step) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /**
     * @param fractionDone 0–1 over the whole run
     * @param step         what is running now, for the operator ("Fitting thermal model for S19j Pro 1/60")
     */
    void report(double fractionDone, String step);

    boolean cancelled();

    /** Stops the run at a safe point: callers check between units of work (a miner, a tree, a fold). */
    default void checkCancelled() {
        if (cancelled()) {
            throw new CancellationException("Training cancelled");
        }
    }
}
