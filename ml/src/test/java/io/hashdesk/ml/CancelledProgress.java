package io.hashdesk.ml;

/** A run the operator has already cancelled: the first check stops it. */
public final class CancelledProgress implements TrainingProgress {

    @Override
    public void report(double fractionDone, String step) {
    }

    @Override
    public boolean cancelled() {
        return true;
    }
}
