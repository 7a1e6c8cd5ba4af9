package io.hashdesk.app.common;

import java.util.concurrent.CancellationException;

/** What a running {@link Job} sees of its runner. */
public interface JobContext {

    /**
     * Reports how far the job is; the screen shows the newest report (reports faster than the screen takes them
     * are coalesced, not queued).
     *
     * @param fraction 0 to 1, or a negative number when the amount of work is not known
     * @param message  one short line, e.g. "Scanning 192.168.1.0/24 — 120 of 256"
     */
    void progress(double fraction, String message);

    /** Whether the operator cancelled; long loops check it between steps. */
    boolean cancelled();

    /** Throws if the operator cancelled, so a job can stop with one call between steps. */
    default void checkCancelled() {
        if (cancelled()) {
            throw new CancellationException("cancelled");
        }
    }
}
